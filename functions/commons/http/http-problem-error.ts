import type { FieldIssue } from '../errors.ts';
import { type Problem, problemBody } from './responses.ts';

export interface HttpProblemOptions {
  /** Per-field errors, for a request that broke rules. */
  errors?: FieldIssue[] | undefined;
  headers?: Record<string, string> | undefined;
  cause?: unknown;
}

/**
 * An answer other than a success, thrown by a route. @middy/http-error-handler
 * turns it into the response: `statusCode`, the `headers`, and `message` as
 * the body, with `Content-Type: application/json` because the message is
 * JSON text (it reads the first character). So the message is the
 * `{message, errors?}` body itself, and `problem` holds it as an object.
 * Only errors below 500 are exposed; anything else the handler throws is
 * answered 500 `{"message":"Internal error"}` (internalErrorBody).
 */
export class HttpProblemError extends Error {
  readonly statusCode: number;
  readonly expose: boolean;
  readonly headers: Record<string, string>;
  readonly problem: Problem;

  constructor(
    statusCode: number,
    message: string,
    options: HttpProblemOptions = {},
  ) {
    const problem = problemBody(message, options.errors);
    super(
      JSON.stringify(problem),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'HttpProblemError';
    this.statusCode = statusCode;
    this.expose = statusCode < 500;
    this.headers = options.headers ?? {};
    this.problem = problem;
  }
}

/** The body of a 500: the error itself is logged, never sent. */
export const internalErrorBody = JSON.stringify(problemBody('Internal error'));
