import {
  PersonalizeLimitExceededError,
  PersonalizeThrottledError,
} from '../errors.ts';

/**
 * What a LimitExceededException from Personalize means. The service model
 * documents it as "The limit on the number of requests per second has been
 * exceeded." (verified: @aws-sdk/client-personalize models/errors.d.ts),
 * a rate limit like ThrottlingException; the service also sends it when a
 * resource-count quota is reached (verified for import jobs, whose
 * message the developer guide quotes: "More than 5 resources with PENDING
 * or IN_PROGRESS status"; inferred for the quota of active dataset groups,
 * whose message is not published).
 *
 * - `rate`: retried like throttling;
 * - `quota`: the run ends with PersonalizeLimitExceededError;
 * - `unrecognised`: a create whose message names neither; retried as a
 *   rate limit `unrecognisedLimitRetries` times, then taken for the quota.
 */
export type LimitExceededKind = 'rate' | 'quota' | 'unrecognised';

/** Words of a request-rate limit. Checked first: they win over quota words. */
const rateWords =
  /per second|request rate|rate of requests|rate exceeded|too many requests|throttl/i;

/** Words of a resource-count quota. */
const quotaWords =
  /quota|limit of \d+|more than \d+|maximum number of|at most \d+|active dataset groups/i;

/**
 * Operations that add a resource: only these can breach a resource-count
 * quota. Any other operation's LimitExceededException is a rate limit,
 * whatever its message says.
 */
const addsAResource = (operation: string): boolean =>
  /^Create[A-Z]/.test(operation);

/**
 * Tells a rate limit from a quota by the operation, then by the message
 * (the only other thing the service sends: the error name is the same).
 */
export const classifyLimitExceeded = (
  operation: string,
  message: string,
): LimitExceededKind => {
  if (!addsAResource(operation)) return 'rate';
  if (rateWords.test(message)) return 'rate';
  if (quotaWords.test(message)) return 'quota';
  return 'unrecognised';
};

/**
 * How many times the state machine retries a create refused with an
 * unrecognised LimitExceededException before it is reported as the quota.
 * Each retry is a new invocation whose SDK client makes 3 attempts, so the
 * quota is reported after 3 × (1 + 3) = 12 refusals. It must stay below
 * the MaxAttempts of CreateDatasetGroup's PersonalizeThrottledError
 * retrier (a test checks it), or the run would end as throttled.
 */
export const unrecognisedLimitRetries = 3;

/**
 * Whether a create refused with a LimitExceededException of this kind is
 * retried as a rate limit, given the retries the task has had
 * (`$$.State.RetryCount`, every retrier of the task counted).
 */
export const retriesAsRateLimit = (
  kind: LimitExceededKind,
  retryCount: number,
): boolean =>
  kind === 'rate' ||
  (kind === 'unrecognised' && retryCount < unrecognisedLimitRetries);

/** The default of the quota this workflow can breach (adjustable). */
export const defaultActiveDatasetGroupQuota = 5;

/**
 * What to tell a user whose creation was refused for the quota: which
 * quota, its default, and the two ways out. The Service Quotas service
 * code `personalize` is inferred (the quota code is left to be looked up:
 * it is not published in the Personalize guide).
 */
export const quotaAdvice = `Personalize refused the creation for its quota of active dataset groups per region (${defaultActiveDatasetGroupQuota} by default, adjustable): delete dataset groups no longer needed, or raise the quota in the Service Quotas console or with \`aws service-quotas request-service-quota-increase --service-code personalize --quota-code CODE --desired-value N\` (\`aws service-quotas list-aws-default-service-quotas --service-code personalize\` lists the codes)`;

/**
 * The error the create task throws, given its retries so far: a
 * PersonalizeLimitExceededError whose message was unrecognised becomes a
 * PersonalizeThrottledError (retried by the state machine) while
 * retriesAsRateLimit allows; any other error is returned as it is.
 */
export const limitExceededAfterRetries = (
  error: unknown,
  retryCount: number,
): unknown => {
  if (
    !(error instanceof PersonalizeLimitExceededError) ||
    error.recognised ||
    !retriesAsRateLimit('unrecognised', retryCount)
  ) {
    return error;
  }
  const original = error.cause instanceof Error ? error.cause : error;
  return new PersonalizeThrottledError(
    `CreateDatasetGroup failed: LimitExceededException: ${original.message} (its message names neither a request rate nor a quota: retried as rate-limited, retry ${retryCount + 1} of ${unrecognisedLimitRetries}, before it is taken for the quota)`,
    { cause: original },
  );
};
