import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxJsonNestingDepth } from '#commons/http/json-nesting.ts';
import {
  type LocalStack,
  startLocalStack,
} from '#local/runtime/local-stack.ts';
import { eventsOfExecution } from '#local/runtime/workflow-runner.ts';
import {
  maxInputBytes,
  type RunningStepFunctionsEndpoint,
  startStepFunctionsEndpoint,
} from '#local/stepfunctions/index.ts';
import { nestedObjects, postAwsJson } from '#test/helpers/post-aws-json.ts';

/**
 * What StartExecution takes as input: at most 256 KiB of UTF-8 and, the
 * local stack's own limit, at most maxJsonNestingDepth levels; and what
 * it takes runs to a normal end with one terminal event.
 */
describe('StartExecution input limits', () => {
  let stack: LocalStack;
  let sfn: RunningStepFunctionsEndpoint;

  beforeAll(async () => {
    stack = await startLocalStack({ waitMs: 2, retryMs: 1 });
    sfn = await startStepFunctionsEndpoint({
      runners: [stack.createWorkflow, stack.deleteWorkflow],
    });
  });

  afterAll(async () => {
    await sfn?.close();
    await stack?.close();
  });

  const startWith = (name: string, input: string) =>
    postAwsJson(
      sfn.endpoint,
      'AWSStepFunctions.StartExecution',
      JSON.stringify({
        stateMachineArn: stack.createWorkflow.stateMachineArn,
        name,
        input,
      }),
      'application/x-amz-json-1.0',
    );

  it('refuses an input nested 5,000 levels deep with InvalidExecutionInput', async () => {
    // Act
    const answer = await startWith(
      'deep-5000',
      `{"name":"deep","extra":${nestedObjects(5_000)}}`,
    );

    // Assess
    expect(answer).toEqual({
      status: 400,
      body: {
        __type: 'com.amazonaws.sfn#InvalidExecutionInput',
        message: `Invalid State Machine Execution Input: 'the input nests arrays and objects deeper than ${maxJsonNestingDepth} levels, the local stack's limit'`,
      },
    });
    const { executions } = sfn.registry.listExecutions({
      stateMachineArn: stack.createWorkflow.stateMachineArn,
    });
    expect(executions.map((execution) => execution.name)).not.toContain(
      'deep-5000',
    );
  });

  it('runs an input nested as deep as the limit to Creation Failed', async () => {
    // Prepare: the input is one level, "extra" the rest.
    const input = `{"name":"deep","extra":${nestedObjects(maxJsonNestingDepth - 1)}}`;

    // Act
    const answer = await startWith('deep-limit', input);
    const executionArn = String(answer.body.executionArn);
    const description = await sfn.registry.settled(executionArn);

    // Assess
    expect(answer.status).toBe(200);
    expect(description).toMatchObject({
      status: 'FAILED',
      error: 'InvalidDatasetGroupRequestError',
    });
    expect(
      eventsOfExecution(stack.bus, executionArn).map(
        (event) => event['detail-type'],
      ),
    ).toEqual(['Dataset Group Creation Failed']);
  });

  it('counts the input in UTF-8 bytes, not in characters', async () => {
    // Prepare: 131,100 characters of two bytes each, in a JSON string.
    const input = JSON.stringify('é'.repeat(131_100));

    // Act
    const answer = await startWith('two-byte-characters', input);

    // Assess
    expect(input.length).toBeLessThan(maxInputBytes);
    expect(answer).toMatchObject({
      status: 400,
      body: { __type: 'com.amazonaws.sfn#ValidationException' },
    });
  });

  it('answers SerializationException for a request body nested too deep', async () => {
    // Act
    const answer = await postAwsJson(
      sfn.endpoint,
      'AWSStepFunctions.StartExecution',
      `{"stateMachineArn":${nestedObjects(5_000)}}`,
      'application/x-amz-json-1.0',
    );

    // Assess
    expect(answer).toMatchObject({
      status: 400,
      body: { __type: 'com.amazonaws.sfn#SerializationException' },
    });
  });
});
