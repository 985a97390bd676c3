import { PersonalizeClient } from '@aws-sdk/client-personalize';
import { tracer } from '../powertools/tracer.ts';
import { requestHandler } from './request-handler.ts';

/**
 * The client of the status polls: one attempt per call. A poll that is
 * throttled is not retried at once (that would only add to the load that
 * throttled it); the next scheduled poll is its retry. Its own module, so
 * a function that does not poll does not build it at cold start.
 */
export const personalizePollingClient = tracer.captureAWSv3Client(
  new PersonalizeClient({ requestHandler, maxAttempts: 1 }),
);
