import {
  assertIsError,
  DatasetGroupWorkflowError,
  PersonalizeLimitExceededError,
  PersonalizeThrottledError,
  PersonalizeUnavailableError,
} from '../errors.ts';
import {
  classifyLimitExceeded,
  quotaAdvice,
  unrecognisedLimitRetries,
} from './limit-exceeded.ts';

const throttlingNames = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);

const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

interface SdkErrorShape {
  name: string;
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
}

/**
 * A LimitExceededException: a rate limit is throttling; a quota, or what
 * may be one, ends the run with the quota named (classifyLimitExceeded).
 */
const limitExceededError = (
  detail: string,
  operation: string,
  message: string,
  cause: Error,
): Error => {
  const kind = classifyLimitExceeded(operation, message);
  if (kind === 'rate') {
    return new PersonalizeThrottledError(`${detail} [a request-rate limit]`, {
      cause,
    });
  }
  if (kind === 'quota') {
    return new PersonalizeLimitExceededError(`${detail}. ${quotaAdvice}`, {
      cause,
    });
  }
  return new PersonalizeLimitExceededError(
    `${detail}. The message names neither a request rate nor a quota, so the creation was retried as rate-limited ${unrecognisedLimitRetries} times before this was taken for the quota. ${quotaAdvice}`,
    { cause, recognised: false },
  );
};

/**
 * Maps an error from the SDK (after its own retries) to the workflow's
 * typed errors, so the state machine retries only what is transient:
 * throttling (a LimitExceededException that is a rate limit included) and
 * 5xx / network failures. Anything else is returned as it
 * is: its name (InvalidInputException, …) becomes the error code.
 */
export const toWorkflowError = (error: unknown, operation: string): Error => {
  assertIsError(error);
  if (error instanceof DatasetGroupWorkflowError) return error;
  const sdk = error as Error & SdkErrorShape;
  const status = sdk.$metadata?.httpStatusCode;
  const detail = `${operation} failed: ${sdk.name}: ${sdk.message}`;
  if (throttlingNames.has(sdk.name) || status === 429) {
    return new PersonalizeThrottledError(detail, { cause: error });
  }
  if (sdk.name === 'LimitExceededException') {
    return limitExceededError(detail, operation, sdk.message, error);
  }
  if (
    sdk.$fault === 'server' ||
    (status !== undefined && status >= 500) ||
    (sdk.code !== undefined && networkCodes.has(sdk.code)) ||
    sdk.name === 'TimeoutError'
  ) {
    return new PersonalizeUnavailableError(detail, { cause: error });
  }
  return error;
};
