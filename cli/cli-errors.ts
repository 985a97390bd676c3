import type { FieldIssue } from '#commons/errors.ts';

/**
 * The command line itself is wrong (a command, a flag, a value): exit 2,
 * with the help of `command` when one was named.
 */
export class CliUsageError extends Error {
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.name = 'CliUsageError';
    this.command = command;
  }
}

/**
 * The request broke a rule of the workflow's request schema; nothing was
 * sent. Exit 2, like any usage error, with one line per field.
 */
export class CliRequestRejectedError extends CliUsageError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], command: string) {
    super(
      [
        'Invalid dataset group request (nothing was sent):',
        ...issues.map((issue) => `  ${issue.field}: ${issue.message}`),
      ].join('\n'),
      command,
    );
    this.name = 'CliRequestRejectedError';
    this.issues = issues;
  }
}

/** A failure the user can act on, told in one line: exit 1, no stack. */
export abstract class CliError extends Error {}

/** The CLI cannot find the stack to target; the message says how to fix it. */
export class TargetNotFoundError extends CliError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TargetNotFoundError';
  }
}

/** `.local/stack.json` is missing, unreadable or names a dead process. */
export class NoLocalStackError extends TargetNotFoundError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'NoLocalStackError';
  }
}

/** A connection or transport failure: the API never answered. */
export class ApiUnreachableError extends CliError {
  readonly url: string;
  readonly reason: string;
  constructor(url: string, cause: unknown) {
    const reason = reasonOf(cause);
    super(`Cannot reach ${url}: ${reason}`, { cause });
    this.name = 'ApiUnreachableError';
    this.url = url;
    this.reason = reason;
  }
}

/** The API answered 2xx with something that is not what it serves. */
export class UnexpectedAnswerError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = 'UnexpectedAnswerError';
  }
}

/** A request was cut short because the user pressed Ctrl-C. */
export class RequestAbortedError extends CliError {
  constructor(what: string, options?: ErrorOptions) {
    super(`${what} was interrupted`, options);
    this.name = 'RequestAbortedError';
  }
}

/** A request could not be signed (no AWS credentials, for example). */
export class RequestSigningError extends CliError {
  constructor(url: string, cause: unknown) {
    super(`Cannot sign the request to ${url}: ${reasonOf(cause)}`, { cause });
    this.name = 'RequestSigningError';
  }
}

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * The deepest cause of an error in one line, with its system error code
 * when it has one: `connect ECONNREFUSED 127.0.0.1:1`, or
 * `ENOTFOUND (getaddrinfo ENOTFOUND example.invalid)` when the message
 * does not name the code.
 */
export const reasonOf = (error: unknown): string => {
  let deepest: unknown = error;
  for (let depth = 0; depth < 5; depth += 1) {
    const cause = (deepest as { cause?: unknown } | null)?.cause;
    if (cause === undefined || cause === null) break;
    deepest = cause;
  }
  const errors = (deepest as { errors?: unknown } | null)?.errors;
  if (deepest instanceof AggregateError && Array.isArray(errors)) {
    const [first] = errors as unknown[];
    if (first !== undefined) deepest = first;
  }
  const message =
    deepest instanceof Error ? deepest.message : String(deepest ?? '');
  const code = codeOf(deepest);
  if (code === undefined || message.includes(code)) return message || 'error';
  return message === '' ? code : `${code} (${message})`;
};

/** An error nobody foresaw, in one line: its message and its cause's. */
export const describeUnexpected = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const own = `${error.name}: ${error.message}`;
  return error.cause === undefined ? own : `${own} (${reasonOf(error.cause)})`;
};
