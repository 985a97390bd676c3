import type { MiddlewareObj } from '@middy/core';
import {
  DatasetGroupNotFoundError,
  InvalidDatasetGroupRequestError,
  PersonalizeThrottledError,
} from '../errors.ts';
import { HttpProblemError } from './http-problem-error.ts';

/**
 * The answer an error of the domain or of the AWS SDK gets: a request
 * that broke rules is a 400 listing each field, a group that does not
 * exist a 404, throttling (Personalize through the domain, or Step
 * Functions' ThrottlingException) a 429 with `retry-after: 1`. Anything
 * else is not the caller's doing: undefined, a 500.
 */
export const toHttpProblem = (error: unknown): HttpProblemError | undefined => {
  if (error instanceof HttpProblemError) return error;
  if (error instanceof InvalidDatasetGroupRequestError) {
    return new HttpProblemError(400, 'Invalid dataset group request', {
      errors: error.issues,
      cause: error,
    });
  }
  if (error instanceof DatasetGroupNotFoundError) {
    return new HttpProblemError(404, error.message, { cause: error });
  }
  if (
    error instanceof PersonalizeThrottledError ||
    (error instanceof Error && error.name === 'ThrottlingException')
  ) {
    return new HttpProblemError(429, 'Too many requests; retry later', {
      headers: { 'retry-after': '1' },
      cause: error,
    });
  }
  return undefined;
};

export interface HttpProblemsOptions {
  /** Called once for each request rejected by the request contract. */
  onRejected?: () => void;
}

/**
 * Turns the errors toHttpProblem knows into HttpProblemErrors, for
 * @middy/http-error-handler to answer: `.use` it after the error handler,
 * so that its onError runs first.
 */
export const httpProblems = (
  options: HttpProblemsOptions = {},
): MiddlewareObj<unknown, unknown, unknown> => {
  const httpProblemsOnError: MiddlewareObj<
    unknown,
    unknown,
    unknown
  >['onError'] = (request) => {
    const problem = toHttpProblem(request.error);
    if (problem === undefined) return;
    if (request.error instanceof InvalidDatasetGroupRequestError) {
      options.onRejected?.();
    }
    request.error = problem;
  };
  return { onError: httpProblemsOnError };
};
