import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { TaskHandler } from './task-handler.ts';

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/** The error a Task state sees when its Lambda function throws. */
export class LambdaFunctionError extends Error {}

const lambdaContext = (functionName: string): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
  memoryLimitInMB: '256',
  awsRequestId: randomUUID(),
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: 'local',
  getRemainingTimeInMillis: () => 60_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/**
 * Binds a Lambda handler to a Task state the way the Lambda service does:
 * the input and output cross a JSON boundary, and a thrown error reaches
 * Step Functions as Error = errorType (the error's name) and Cause = the
 * JSON {errorType, errorMessage, trace}, so Retry/Catch and the failure
 * path behave as they do in AWS.
 */
export const bindLambdaHandler =
  (handler: LambdaHandler, functionName: string): TaskHandler =>
  async (input) => {
    const event = JSON.parse(JSON.stringify(input ?? null));
    try {
      const output = await handler(event, lambdaContext(functionName));
      return JSON.parse(JSON.stringify(output ?? null));
    } catch (error) {
      const thrown = error instanceof Error ? error : new Error(String(error));
      const failure = new LambdaFunctionError(
        JSON.stringify({
          errorType: thrown.name,
          errorMessage: thrown.message,
          trace: (thrown.stack ?? '').split('\n'),
        }),
        { cause: thrown },
      );
      failure.name = thrown.name;
      throw failure;
    }
  };
