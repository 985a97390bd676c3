import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ExecutionNameConflictError,
  findOrStartWorkflow,
  startWorkflow,
} from '#commons/executions/start-workflow.ts';

const stateMachineArn =
  'arn:aws:states:us-east-1:123456789012:stateMachine:create';
const executionArn = 'arn:aws:states:us-east-1:123456789012:execution:create:x';
const input = { name: 'acme', domain: 'ECOMMERCE' };
const startDate = new Date('2026-11-25T10:00:00Z');
const doesNotExist = () =>
  new ExecutionDoesNotExist({ message: 'no', $metadata: {} });
const alreadyExists = () =>
  new ExecutionAlreadyExists({ message: 'exists', $metadata: {} });

describe('start-workflow', () => {
  const sfn = mockClient(SFNClient);
  const client = new SFNClient({ region: 'us-east-1' });

  afterEach(() => {
    sfn.reset();
  });

  describe('findOrStartWorkflow', () => {
    it('starts the execution when none has the name', async () => {
      // Prepare
      sfn.on(DescribeExecutionCommand).rejects(doesNotExist());
      sfn.on(StartExecutionCommand).resolves({ executionArn, startDate });

      // Act
      const started = await findOrStartWorkflow(
        client,
        stateMachineArn,
        'x',
        input,
      );

      // Assess
      expect(started).toEqual({
        executionArn,
        executionName: 'x',
        startDate: startDate.toISOString(),
        replay: false,
      });
      expect(sfn).toHaveReceivedCommandWith(DescribeExecutionCommand, {
        executionArn,
      });
      expect(sfn).toHaveReceivedCommandWith(StartExecutionCommand, {
        stateMachineArn,
        name: 'x',
        input: JSON.stringify(input),
      });
    });

    it.each(['RUNNING', 'SUCCEEDED', 'FAILED'] as const)(
      'returns the existing execution as a replay when it is %s with the same input',
      async (status) => {
        // Prepare: the input was stored with other spacing.
        sfn.on(DescribeExecutionCommand).resolves({
          executionArn,
          status,
          input: JSON.stringify(input, null, 2),
          startDate,
        });

        // Act
        const started = await findOrStartWorkflow(
          client,
          stateMachineArn,
          'x',
          input,
        );

        // Assess
        expect(started).toEqual({
          executionArn,
          executionName: 'x',
          startDate: startDate.toISOString(),
          replay: true,
        });
        expect(sfn).not.toHaveReceivedCommand(StartExecutionCommand);
      },
    );

    it('throws ExecutionNameConflictError when the existing execution has another input', async () => {
      // Prepare
      sfn.on(DescribeExecutionCommand).resolves({
        executionArn,
        status: 'RUNNING',
        input: JSON.stringify({ name: 'other' }),
      });

      // Act
      const attempt = findOrStartWorkflow(client, stateMachineArn, 'x', input);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ExecutionNameConflictError);
      await expect(attempt).rejects.toThrow(
        'Execution x already exists with another input',
      );
      expect(sfn).not.toHaveReceivedCommand(StartExecutionCommand);
    });

    it('reports a replay when the execution appears between its describe and its start', async () => {
      // Prepare: another request started and finished it in between.
      sfn.on(DescribeExecutionCommand).rejectsOnce(doesNotExist()).resolves({
        executionArn,
        status: 'SUCCEEDED',
        input: '{"name":"acme","domain":"ECOMMERCE"}',
        startDate,
      });
      sfn.on(StartExecutionCommand).rejects(alreadyExists());

      // Act
      const started = await findOrStartWorkflow(
        client,
        stateMachineArn,
        'x',
        input,
      );

      // Assess
      expect(started.replay).toBe(true);
      expect(sfn.commandCalls(DescribeExecutionCommand)).toHaveLength(2);
    });

    it('lets any other describe error through', async () => {
      // Prepare
      const throttled = new Error('Rate exceeded');
      throttled.name = 'ThrottlingException';
      sfn.on(DescribeExecutionCommand).rejects(throttled);

      // Act
      const attempt = findOrStartWorkflow(client, stateMachineArn, 'x', input);

      // Assess
      await expect(attempt).rejects.toThrow('Rate exceeded');
      expect(sfn).not.toHaveReceivedCommand(StartExecutionCommand);
    });
  });

  describe('startWorkflow', () => {
    it('starts without a describe, for a name that is new', async () => {
      // Prepare
      sfn.on(StartExecutionCommand).resolves({ executionArn, startDate });

      // Act
      const started = await startWorkflow(client, stateMachineArn, 'x', input);

      // Assess
      expect(started.replay).toBe(false);
      expect(sfn).not.toHaveReceivedCommand(DescribeExecutionCommand);
    });

    it('returns a closed execution of the same name and input as a replay', async () => {
      // Prepare
      sfn.on(StartExecutionCommand).rejects(alreadyExists());
      sfn.on(DescribeExecutionCommand).resolves({
        executionArn,
        status: 'SUCCEEDED',
        input: JSON.stringify(input),
        startDate,
      });

      // Act
      const started = await startWorkflow(client, stateMachineArn, 'x', input);

      // Assess
      expect(started).toMatchObject({ executionArn, replay: true });
    });

    it('throws ExecutionNameConflictError for the name of a run with another input', async () => {
      // Prepare
      sfn.on(StartExecutionCommand).rejects(alreadyExists());
      sfn
        .on(DescribeExecutionCommand)
        .resolves({ executionArn, input: JSON.stringify({ name: 'other' }) });

      // Act
      const attempt = startWorkflow(client, stateMachineArn, 'x', input);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ExecutionNameConflictError);
    });
  });
});
