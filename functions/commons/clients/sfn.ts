import { SFNClient } from '@aws-sdk/client-sfn';
import { tracer } from '../powertools/tracer.ts';
import { requestHandler } from './request-handler.ts';

/**
 * One Step Functions client per execution environment, traced. The
 * endpoint comes from the environment (AWS_ENDPOINT_URL_SFN locally).
 */
export const sfnClient = tracer.captureAWSv3Client(
  new SFNClient({ requestHandler }),
);
