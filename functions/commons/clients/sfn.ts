import { SFNClient } from '@aws-sdk/client-sfn';
import { tracer } from '../powertools/tracer.ts';

/**
 * One Step Functions client per execution environment, traced. The
 * endpoint comes from the environment (AWS_ENDPOINT_URL_SFN locally).
 */
export const sfnClient = tracer.captureAWSv3Client(
  new SFNClient({
    requestHandler: { requestTimeout: 10_000, connectionTimeout: 3_000 },
  }),
);
