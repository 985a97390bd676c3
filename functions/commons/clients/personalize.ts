import { PersonalizeClient } from '@aws-sdk/client-personalize';
import { tracer } from '../powertools/tracer.ts';

/**
 * One Personalize client per execution environment, created at cold start
 * and traced by X-Ray. Region, credentials and endpoint come from the
 * environment, so the same code reaches AWS or the local emulator
 * (AWS_ENDPOINT_URL_PERSONALIZE).
 */
// A call that hangs is cut well inside the function's timeout, so it
// fails as PersonalizeUnavailableError (retried) instead of timing out.
const requestHandler = { requestTimeout: 10_000, connectionTimeout: 3_000 };

export const personalizeClient = tracer.captureAWSv3Client(
  new PersonalizeClient({ requestHandler }),
);

/**
 * The client of the status polls: one attempt per call. A poll that is
 * throttled is not retried at once (that would only add to the load that
 * throttled it); the next scheduled poll is its retry.
 */
export const personalizePollingClient = tracer.captureAWSv3Client(
  new PersonalizeClient({ requestHandler, maxAttempts: 1 }),
);
