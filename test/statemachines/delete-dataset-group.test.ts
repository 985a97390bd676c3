import {
  CreateDatasetGroupCommand,
  DescribeDatasetGroupCommand,
  PersonalizeClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-personalize';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BusEvent } from '#local/runtime/event-bus.ts';
import {
  type LocalStack,
  startLocalStack,
} from '#local/runtime/local-stack.ts';
import { maxInputBytes } from '#local/stepfunctions/execution-requests.ts';
import { expectEventsToHonourTheirContracts } from '#test/helpers/event-contracts.ts';
import { largeInvalidRequest } from '#test/helpers/large-invalid-request.ts';
import { runExecution } from '#test/helpers/run-execution.ts';

/**
 * Every path of the real delete-dataset-group.asl.json, run by
 * aws-local-stepfunctions with the real handlers, the real SDK and the
 * local Personalize emulator.
 */
describe('delete-dataset-group state machine', () => {
  const lifecycle = { pendingMs: 20, inProgressMs: 40, deleteMs: 30 };
  let stack: LocalStack;
  let personalize: PersonalizeClient;

  beforeAll(async () => {
    stack = await startLocalStack({
      waitMs: 2,
      retryMs: 1,
      emulator: { lifecycle },
    });
    personalize = new PersonalizeClient({
      endpoint: stack.emulator.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    personalize?.destroy();
    await stack?.close();
  });

  beforeEach(() => {
    stack.emulator.reset();
  });

  const createGroup = async (name: string) => {
    const run = await runExecution(stack, { name });
    expect(run.outcome.status).toBe('SUCCEEDED');
  };

  const deleteGroup = (input: unknown) =>
    runExecution(stack, input, undefined, 'delete');

  const onlyTerminalEvent = (terminal: BusEvent[]) => {
    expect(terminal).toHaveLength(1);
    return terminal[0] as BusEvent & { detail: Record<string, unknown> };
  };

  it('deletes the group, waits until it is gone and publishes Dataset Group Deleted', async () => {
    // Prepare
    await createGroup('retired');

    // Act
    const run = await deleteGroup({ name: 'retired', correlationId: 'c-9' });

    // Assess
    expect(run.outcome.status).toBe('SUCCEEDED');
    expect(run.events.map((event) => event['detail-type'])).toEqual([
      'Dataset Group Deletion Started',
      'Dataset Group Deleted',
    ]);
    expect(onlyTerminalEvent(run.terminal).detail).toMatchObject({
      correlationId: 'c-9',
      request: { name: 'retired', correlationId: 'c-9' },
      datasetGroup: {
        name: 'retired',
        datasetGroupArn:
          'arn:aws:personalize:us-east-1:000000000000:dataset-group/retired',
        status: 'DELETE PENDING',
      },
    });
    expectEventsToHonourTheirContracts(run.events);
    expect(run.statesEntered).toContain('WaitForDeletion');
    await expect(
      personalize.send(
        new DescribeDatasetGroupCommand({
          datasetGroupArn:
            'arn:aws:personalize:us-east-1:000000000000:dataset-group/retired',
        }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(stack.emulator.datasetGroups()).toEqual([]);
  });

  it('polls a deletion several times an invocation, sleeping the short waits', async () => {
    // Prepare
    await createGroup('slow-to-go');
    stack.emulator.setLifecycle({ ...lifecycle, deleteMs: 100 });
    stack.emulator.resetStats();

    try {
      // Act
      const run = await deleteGroup({ name: 'slow-to-go' });

      // Assess
      expect(run.outcome).toMatchObject({ status: 'SUCCEEDED' });
      const invocations = run.statesEntered.filter(
        (state) => state === 'DescribeDatasetGroupDeletion',
      ).length;
      const polls = stack.emulator.stats().calls.DescribeDatasetGroup ?? 0;
      // Deleted after about 100 ms, which the local stack's 2 ms waits
      // make about a minute of schedule: many polls, few invocations.
      expect(polls).toBeGreaterThan(3);
      expect(invocations).toBeLessThan(polls / 2);
    } finally {
      stack.emulator.setLifecycle(lifecycle);
    }
  });

  it('joins a deletion already underway instead of deleting twice', async () => {
    // Prepare
    await createGroup('twice-deleted');

    // Act
    const runs = await Promise.all([
      deleteGroup({ name: 'twice-deleted' }),
      deleteGroup({ name: 'twice-deleted' }),
    ]);

    // Assess
    for (const run of runs) {
      expect(run.outcome.status).toBe('SUCCEEDED');
      expect(onlyTerminalEvent(run.terminal)['detail-type']).toBe(
        'Dataset Group Deleted',
      );
    }
    expect(stack.emulator.stats().calls.DeleteDatasetGroup).toBeLessThanOrEqual(
      2,
    );
    expect(stack.emulator.datasetGroups()).toEqual([]);
  });

  it('fails with DatasetGroupInUseError while the group holds datasets', async () => {
    // Prepare
    await createGroup('busy');
    stack.emulator.markHasDatasets('busy', true);

    // Act
    const run = await deleteGroup({ name: 'busy' });

    // Assess
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'DatasetGroupInUseError',
    });
    expect(run.outcome.cause).toMatch(/datasets/);
    const failed = onlyTerminalEvent(run.terminal);
    expect(failed['detail-type']).toBe('Dataset Group Deletion Failed');
    expect(failed.detail.error).toMatchObject({
      code: 'DatasetGroupInUseError',
    });
    expect(run.retriedStates).toEqual([]);
    expectEventsToHonourTheirContracts(run.events);
    expect(stack.emulator.datasetGroups()).toMatchObject([
      { name: 'busy', status: 'ACTIVE' },
    ]);
  });

  it('fails with DatasetGroupInUseError while the group is still being created', async () => {
    // Prepare
    stack.emulator.faults.neverActive({ match: 'young' });
    await personalize.send(new CreateDatasetGroupCommand({ name: 'young' }));

    // Act
    const run = await deleteGroup({ name: 'young' });

    // Assess
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'DatasetGroupInUseError',
    });
    expect(run.outcome.cause).toMatch(/CREATE (PENDING|IN_PROGRESS)/);
  });

  it('fails with DatasetGroupNotFoundError when there is no such group', async () => {
    // Act
    const run = await deleteGroup({ name: 'never-existed' });

    // Assess
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'DatasetGroupNotFoundError',
    });
    const failed = onlyTerminalEvent(run.terminal);
    expect(failed.detail).toMatchObject({
      datasetGroup: {},
      error: { code: 'DatasetGroupNotFoundError' },
    });
    expectEventsToHonourTheirContracts(run.events);
  });

  it('reports the group deleted when a run again of the execution finds it gone', async () => {
    // Act: the stack stopped after the first run's deletion had finished.
    const run = await runExecution(
      stack,
      { name: 'deleted-before-the-stop' },
      'redriven-deletion',
      'delete',
      { redriveCount: 1 },
    );

    // Assess
    expect(run.outcome.status).toBe('SUCCEEDED');
    expect(onlyTerminalEvent(run.terminal)).toMatchObject({
      'detail-type': 'Dataset Group Deleted',
      detail: { datasetGroup: { name: 'deleted-before-the-stop' } },
    });
    expectEventsToHonourTheirContracts(run.events);
  });

  it('reports the group deleted when a retry after a lost answer finds it gone', async () => {
    // Prepare: the deletion finishes at once, and the first answer is lost.
    await createGroup('gone-at-once');
    stack.emulator.setLifecycle({ ...lifecycle, deleteMs: 0 });
    stack.lambdaFaults.inject('delete-dataset-group', 'crash');

    // Act
    const run = await deleteGroup({ name: 'gone-at-once' });

    // Assess
    expect(run.retriedStates).toEqual(['DeleteDatasetGroup']);
    expect(run.outcome.status).toBe('SUCCEEDED');
    expect(onlyTerminalEvent(run.terminal)['detail-type']).toBe(
      'Dataset Group Deleted',
    );
    stack.emulator.setLifecycle(lifecycle);
  });

  it('rejects an invalid request before calling Personalize', async () => {
    // Act
    const run = await deleteGroup({ name: 'bad name!', force: true });

    // Assess
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'InvalidDatasetGroupRequestError',
    });
    expect(run.outcome.cause).toMatch(/name: .*pattern/);
    expect(run.outcome.cause).toMatch(/force: is not a known field/);
    expect(run.events.map((event) => event['detail-type'])).toEqual([
      'Dataset Group Deletion Failed',
    ]);
    expectEventsToHonourTheirContracts(run.events);
    expect(stack.emulator.stats().calls.ListDatasetGroups).toBe(0);
    expect(stack.emulator.stats().calls.DeleteDatasetGroup).toBe(0);
  });

  it.each([false, 0, '', null])(
    'rejects the input %j with Deletion Failed',
    async (input) => {
      // Prepare: one execution name a case.
      const executionName = `falsy-delete-${String(input) || 'empty'}`;

      // Act
      const run = await runExecution(stack, input, executionName, 'delete');

      // Assess
      expect(run.outcome).toMatchObject({
        status: 'FAILED',
        error: 'InvalidDatasetGroupRequestError',
      });
      expect(onlyTerminalEvent(run.terminal).detail).toMatchObject({
        request: input,
        correlationId: executionName,
      });
      expectEventsToHonourTheirContracts(run.events);
    },
  );

  it('publishes Deletion Failed without the request when the full event is over the EventBridge entry limit', async () => {
    // Prepare
    const input = largeInvalidRequest(maxInputBytes - 64, {
      name: 'big-delete',
    });

    // Act
    const run = await runExecution(stack, input, 'big-delete-run', 'delete');

    // Assess
    // An input StartExecution takes.
    expect(Buffer.byteLength(JSON.stringify(input))).toBeLessThanOrEqual(
      maxInputBytes,
    );
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'InvalidDatasetGroupRequestError',
    });
    expect((run.outcome.cause ?? '').length).toBeLessThan(8 * 1024);
    const failed = onlyTerminalEvent(run.terminal);
    expect(failed['detail-type']).toBe('Dataset Group Deletion Failed');
    expect(failed.detail).toMatchObject({
      request: { omitted: expect.any(String) },
      correlationId: 'big-delete-run',
      error: { code: 'InvalidDatasetGroupRequestError' },
    });
    expect(run.events).toHaveLength(1);
    expectEventsToHonourTheirContracts(run.events);
    expect(run.statesEntered.slice(-3)).toEqual([
      'PublishDeletionFailed',
      'PublishDeletionFailedSummary',
      'FailDeletion',
    ]);
  });

  it('retries DeleteDatasetGroup when rate-limited with LimitExceededException and then deletes', async () => {
    // Prepare
    await createGroup('throttled-delete');
    stack.emulator.faults.throttle({
      count: 4,
      operation: 'DeleteDatasetGroup',
    });

    // Act
    const run = await deleteGroup({ name: 'throttled-delete' });

    // Assess
    expect(run.outcome.status).toBe('SUCCEEDED');
    expect(run.retriedStates).toEqual(['DeleteDatasetGroup']);
    expect(stack.emulator.stats().faults.throttle).toBe(4);
    expect(onlyTerminalEvent(run.terminal)['detail-type']).toBe(
      'Dataset Group Deleted',
    );
  });

  it('retries the deletion poll when rate-limited with LimitExceededException and then reports the group deleted', async () => {
    // Prepare: the refusals start once the deletion is underway, so they
    // land on the poll (DescribeDatasetGroupDeletion), not on the lookup
    // of the delete task; the SDK's 3 attempts are all refused.
    await createGroup('throttled-poll');
    const unsubscribe = stack.bus.subscribe((event) => {
      if (event['detail-type'] === 'Dataset Group Deletion Started') {
        stack.emulator.faults.throttle({
          count: 3,
          operation: 'DescribeDatasetGroup',
        });
      }
    });

    // Act
    const run = await deleteGroup({ name: 'throttled-poll' }).finally(
      unsubscribe,
    );

    // Assess
    expect(run.outcome.status).toBe('SUCCEEDED');
    expect(run.retriedStates).toEqual(['DescribeDatasetGroupDeletion']);
    expect(stack.emulator.stats().faults.throttle).toBe(3);
    expect(onlyTerminalEvent(run.terminal)['detail-type']).toBe(
      'Dataset Group Deleted',
    );
    expect(stack.emulator.datasetGroups()).toEqual([]);
  });
});
