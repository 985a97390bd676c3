import {
  assertIsError,
  DatasetGroupWorkflowError,
  PersonalizeLimitExceededError,
  PersonalizeThrottledError,
  PersonalizeUnavailableError,
} from '../errors.ts';

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
 * Maps an error from the SDK (after its own retries) to the workflow's
 * typed errors, so the state machine retries only what is transient:
 * throttling and 5xx / network failures. Anything else is returned as it
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
    return new PersonalizeLimitExceededError(detail, { cause: error });
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
