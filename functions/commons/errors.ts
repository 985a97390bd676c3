/**
 * Errors of the workflow. Each class sets `name` explicitly: it becomes the
 * Lambda errorType, which is what the state machine's Retry and Catch
 * `ErrorEquals` match, and it survives bundler renaming. The same names are
 * the stable `error.code` values published in failure events.
 */
export interface FieldIssue {
  /** Path of the offending field, e.g. `name` or `tags[2].tagKey`. */
  field: string;
  /** The rule the field broke, in words. */
  message: string;
}

/**
 * The field a path names: `['tags', 2, 'tagKey']` → `tags[2].tagKey`; the
 * empty path (the input as a whole) is `whole`.
 */
export const fieldNameOf = (
  path: readonly PropertyKey[],
  whole = '(request)',
): string =>
  path.reduce<string>((field, segment) => {
    if (typeof segment === 'number') return `${field}[${segment}]`;
    return field === '' ? String(segment) : `${field}.${String(segment)}`;
  }, '') || whole;

export abstract class DatasetGroupWorkflowError extends Error {}

/** The most issues a message spells out (`issues` keeps them all). */
export const maxIssuesInMessage = 20;
/** Longer field names and rules are cut short in a message. */
export const maxIssueTextLength = 200;

const shortened = (text: string): string => {
  if (text.length <= maxIssueTextLength) return text;
  const cut = text.slice(0, maxIssueTextLength - 1);
  // Never leave half of a surrogate pair at the end.
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
};

/**
 * `<what>: field: rule; …`, bounded whatever the input: at most
 * maxIssuesInMessage issues of at most maxIssueTextLength characters a
 * field and a rule, then how many more there are. The message becomes a
 * failure event's error.message and the Fail state's cause, so a 256 KiB
 * input with thousands of unknown fields must not make it larger than an
 * EventBridge entry (256 KB) or a Step Functions cause.
 */
export const issuesMessage = (
  what: string,
  issues: readonly FieldIssue[],
): string => {
  const listed = issues
    .slice(0, maxIssuesInMessage)
    .map((issue) => `${shortened(issue.field)}: ${shortened(issue.message)}`);
  const more = issues.length - listed.length;
  return `${what}: ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
};

/** An input that broke rules: the message names each field and rule. */
export abstract class FieldIssuesError extends DatasetGroupWorkflowError {
  readonly issues: FieldIssue[];
  constructor(what: string, issues: FieldIssue[], options?: ErrorOptions) {
    super(issuesMessage(what, issues), options);
    this.issues = issues;
  }
}

/** The request broke a rule of the DatasetGroup constraints. Not retried. */
export class InvalidDatasetGroupRequestError extends FieldIssuesError {
  constructor(issues: FieldIssue[], options?: ErrorOptions) {
    super('Invalid dataset group request', issues, options);
    this.name = 'InvalidDatasetGroupRequestError';
  }
}

/**
 * The datasets of a request broke a rule: the create-datasets workflow's
 * input, or its datasets against the group's domain. Not retried.
 */
export class InvalidDatasetsRequestError extends FieldIssuesError {
  constructor(issues: FieldIssue[], options?: ErrorOptions) {
    super('Invalid datasets request', issues, options);
    this.name = 'InvalidDatasetsRequestError';
  }
}

/** A trigger received something that is not an EventBridge event. */
export class InvalidEventEnvelopeError extends FieldIssuesError {
  constructor(issues: FieldIssue[], options?: ErrorOptions) {
    super('Not an EventBridge event', issues, options);
    this.name = 'InvalidEventEnvelopeError';
  }
}

/**
 * Not a failure: the group has not settled, and the poll's next wait is
 * long enough to be the task's Retry (see poll-retry.ts). Retried by the
 * first retrier of DescribeDatasetGroup, which is how the state machine
 * polls again.
 */
export class DatasetGroupPendingError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatasetGroupPendingError';
  }
}

/** A group of that name exists with another configuration. Not retried. */
export class DatasetGroupConfigurationMismatchError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatasetGroupConfigurationMismatchError';
  }
}

/** A group of that name exists but is CREATE FAILED or being deleted. */
export class DatasetGroupNotAdoptableError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatasetGroupNotAdoptableError';
  }
}

/** The group disappeared while the workflow was waiting for it. */
export class DatasetGroupNotFoundError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatasetGroupNotFoundError';
  }
}

/**
 * Personalize refused a creation for a resource-count quota (a
 * LimitExceededException that is not a rate limit, see
 * clients/limit-exceeded.ts). Not retried: the message names the quota
 * and how to raise it. `recognised` is false when the service's message
 * named neither a rate nor a quota: the create task retries such an
 * error as a rate limit a few times before it lets it end the run.
 */
export class PersonalizeLimitExceededError extends DatasetGroupWorkflowError {
  readonly recognised: boolean;
  constructor(
    message: string,
    options?: ErrorOptions & { recognised?: boolean },
  ) {
    super(message, options);
    this.name = 'PersonalizeLimitExceededError';
    this.recognised = options?.recognised ?? true;
  }
}

/**
 * Personalize limited the request rate (ThrottlingException, or a
 * LimitExceededException that is a rate limit) beyond the SDK's own
 * retries. Retried by the state machine; a poll skips it.
 */
export class PersonalizeThrottledError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PersonalizeThrottledError';
  }
}

/** Personalize answered 5xx or could not be reached. Retried. */
export class PersonalizeUnavailableError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PersonalizeUnavailableError';
  }
}

/** A required environment variable is missing: fails the cold start. */
/**
 * Personalize refused the deletion (ResourceInUseException): the group
 * still holds datasets or other resources, or is still being created.
 * Not retried: it needs someone to act first.
 */
export class DatasetGroupInUseError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatasetGroupInUseError';
  }
}

export class MissingEnvironmentVariableError extends Error {
  constructor(variable: string) {
    super(`Environment variable ${variable} is required but not set`);
    this.name = 'MissingEnvironmentVariableError';
  }
}

/**
 * Codes that the workflow itself decides (no exception behind them): the
 * status the service reported, or the poll deadline.
 */
export const outcomeErrorCodes = {
  createFailed: 'DatasetGroupCreateFailed',
  deleted: 'DatasetGroupDeletedDuringCreation',
  deadlineReached: 'DatasetGroupCreationTimedOut',
  deletionFailed: 'DatasetGroupDeletionFailed',
  deletionDeadlineReached: 'DatasetGroupDeletionTimedOut',
} as const;

/** Narrows `unknown` from a catch clause. */
export function assertIsError(error: unknown): asserts error is Error {
  if (!(error instanceof Error)) {
    throw new TypeError(`Expected an Error, got ${String(error)}`, {
      cause: error,
    });
  }
}
