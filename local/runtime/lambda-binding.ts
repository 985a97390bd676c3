import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { clock } from '#commons/clock.ts';
import { type LambdaFaults, lambdaFaultErrors } from './lambda-faults.ts';
import type { TaskHandler } from './task-handler.ts';

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

/** The error a Task state sees when its Lambda function throws. */
export class LambdaFunctionError extends Error {}

/** The function timeout the local stack gives every handler. */
export const localFunctionTimeoutMs = 300_000;

const lambdaContext = (functionName: string): Context => {
  const deadline = clock.now() + localFunctionTimeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - clock.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

const failureOf = (
  errorType: string,
  errorMessage: string,
  trace: string[],
  cause?: unknown,
): LambdaFunctionError => {
  const failure = new LambdaFunctionError(
    JSON.stringify({ errorType, errorMessage, trace }),
    { cause },
  );
  failure.name = errorType;
  return failure;
};

/**
 * Binds a Lambda handler to a Task state the way the Lambda service does:
 * the input and output cross a JSON boundary, and a thrown error reaches
 * Step Functions as Error = errorType (the error's name) and Cause = the
 * JSON {errorType, errorMessage, trace}, so Retry/Catch and the failure
 * path behave as they do in AWS.
 */
export const bindLambdaHandler =
  (
    handler: LambdaHandler,
    functionName: string,
    faults?: LambdaFaults,
  ): TaskHandler =>
  async (input) => {
    const event = JSON.parse(JSON.stringify(input ?? null));
    const fault = faults?.take(functionName);
    let output: unknown;
    try {
      output = await handler(event, lambdaContext(functionName));
    } catch (error) {
      const thrown = error instanceof Error ? error : new Error(String(error));
      throw failureOf(
        thrown.name,
        thrown.message,
        (thrown.stack ?? '').split('\n'),
        thrown,
      );
    }
    if (fault !== undefined) {
      // The handler's work is done, but its answer never arrives.
      const { errorType, errorMessage } = lambdaFaultErrors[fault];
      throw failureOf(errorType, errorMessage, []);
    }
    return JSON.parse(JSON.stringify(output ?? null));
  };
