import { PersonalizeClient } from '@aws-sdk/client-personalize';
import { tracer } from '../powertools/tracer.ts';
import { requestHandler } from './request-handler.ts';

/**
 * One Personalize client per execution environment, created at cold start
 * and traced by X-Ray. Region, credentials and endpoint come from the
 * environment, so the same code reaches AWS or the local emulator
 * (AWS_ENDPOINT_URL_PERSONALIZE). The status poller has its own
 * (personalize-polling.ts); each function builds only the one it uses.
 */
export const personalizeClient = tracer.captureAWSv3Client(
  new PersonalizeClient({ requestHandler }),
);
