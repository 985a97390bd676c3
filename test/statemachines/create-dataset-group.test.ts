import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventContracts } from '#commons/events/registry.ts';
import {
  quotaBreachBound,
  sdkWaitSeconds,
} from '#local/reliability/quota-breach-bound.ts';
import type { BusEvent } from '#local/runtime/event-bus.ts';
import {
  type LocalStack,
  startLocalStack,
} from '#local/runtime/local-stack.ts';
import {
  createDatasetGroupDefinitionPath,
  loadStateMachineDefinition,
} from '#local/runtime/state-machine-definition.ts';
import { maxInputBytes } from '#local/stepfunctions/execution-requests.ts';
import { largeInvalidRequest } from '#test/helpers/large-invalid-request.ts';
import { runExecution } from '#test/helpers/run-execution.ts';
import {
  jsonSchemaAccepts,
  zodAccepts,
} from '#test/unit/functions/commons/events/event-contract-helpers.ts';

/**
 * Every path of the real create-dataset-group.asl.json, run by
 * aws-local-stepfunctions with the real handlers, the real SDK and the
 * local Personalize emulator. The emulated lifecycle and the Wait states
 * are shortened; the poll schedule (and so the deadline) is the default.
 */
describe('create-dataset-group state machine', () => {
  let stack: LocalStack;
  const definition = loadStateMachineDefinition(
    createDatasetGroupDefinitionPath,
    {
      CreateDatasetGroupFunctionArn: 'create',
      DescribeDatasetGroupFunctionArn: 'describe',
      EventBusName: 'bus',
      EventSource: 'source',
    },
  );

  beforeAll(async () => {
    stack = await startLocalStack({
      waitMs: 2,
      retryMs: 1,
      emulator: {
        lifecycle: { pendingMs: 20, inProgressMs: 40, deleteMs: 10 },
      },
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  beforeEach(() => {
    stack.emulator.reset();
    stack.bus.failNextPuts(0);
  });

  const contractOf = (event: BusEvent) => {
    const contract = Object.values(eventContracts).find(
      ({ detailType }) => detailType === event['detail-type'],
    );
    if (contract === undefined) {
      throw new Error(`No contract for "${event['detail-type']}"`);
    }
    return contract;
  };

  /** Every published event honours its zod schema and its JSON Schema. */
  const expectEventsToHonourTheirContracts = (events: BusEvent[]) => {
    for (const event of events) {
      const contract = contractOf(event);
      expect(zodAccepts(contract, event.detail), event['detail-type']).toBe(
        true,
      );
      expect(
        jsonSchemaAccepts(contract, event.detail),
        event['detail-type'],
      ).toBe(true);
    }
  };

  /** The states of a run that settles in one describe invocation. */
  const onePollRun = [
    'ShapeState',
    'CreateDatasetGroup',
    'PublishCreationStarted',
    'DescribeDatasetGroup',
    'IsDatasetGroupSettled',
    'PublishDatasetGroupCreated',
  ];

  const onlyTerminalEvent = (
    terminal: BusEvent[],
  ): BusEvent & { detail: Record<string, unknown> } => {
    expect(terminal).toHaveLength(1);
    return terminal[0] as BusEvent & { detail: Record<string, unknown> };
  };

  it('creates the group, polls it to ACTIVE and publishes Dataset Group Created', async () => {
    // Act
    const run = await runExecution(
      stack,
      {
        name: 'happy',
        domain: 'ECOMMERCE',
        tags: [{ tagKey: 'team', tagValue: 'ml' }],
      },
      'happy-execution',
    );

    // Assess
    expect(run.outcome.status).toBe('SUCCEEDED');
    const created = onlyTerminalEvent(run.terminal);
    expect(created['detail-type']).toBe('Dataset Group Created');
    expect(created.detail).toMatchObject({
      alreadyExisted: false,
      correlationId: 'happy-execution',
      datasetGroup: {
        name: 'happy',
        status: 'ACTIVE',
        domain: 'ECOMMERCE',
        datasetGroupArn:
          'arn:aws:personalize:us-east-1:000000000000:dataset-group/happy',
      },
    });
    expect(run.events.map((event) => event['detail-type'])).toEqual([
      'Dataset Group Creation Started',
      'Dataset Group Created',
    ]);
    expectEventsToHonourTheirContracts(run.events);
    // Short waits only: from the create task straight to the describe
    // function, which sleeps them, first wait included; no Wait state.
    expect(run.statesEntered).toEqual(onePollRun);
    expect(run.retriedStates).toEqual([]);
    expect(stack.emulator.datasetGroups()).toMatchObject([
      {
        name: 'happy',
        status: 'ACTIVE',
        tags: [{ tagKey: 'team', tagValue: 'ml' }],
      },
    ]);
  });

  it('uses the correlationId of the request in every event', async () => {
    // Act
    const run = await runExecution(stack, {
      name: 'correlated',
      correlationId: 'order-42',
    });

    // Assess
    expect(run.outcome.status).toBe('SUCCEEDED');
    expect(run.events).toHaveLength(2);
    for (const event of run.events) {
      expect(event.detail).toMatchObject({ correlationId: 'order-42' });
    }
  });

  it('adopts a group that already exists with the same configuration', async () => {
    // Prepare
    const request = { name: 'twice', domain: 'VIDEO_ON_DEMAND' };
    const first = await runExecution(stack, request);
    stack.emulator.resetStats();

    // Act
    const second = await runExecution(stack, request);

    // Assess
    expect(first.outcome.status).toBe('SUCCEEDED');
    expect(second.outcome.status).toBe('SUCCEEDED');
    expect(onlyTerminalEvent(first.terminal).detail.alreadyExisted).toBe(false);
    const created = onlyTerminalEvent(second.terminal);
    expect(created['detail-type']).toBe('Dataset Group Created');
    expect(created.detail.alreadyExisted).toBe(true);
    expectEventsToHonourTheirContracts(second.events);
    expect(stack.emulator.datasetGroups()).toHaveLength(1);
    // The ACTIVE group is polled once, at once, to confirm it (the other
    // Describe compares its configuration with the request's).
    expect(second.statesEntered).toEqual(onePollRun);
    expect(stack.emulator.stats().calls).toMatchObject({
      CreateDatasetGroup: 1,
      DescribeDatasetGroup: 2,
    });
  });

  it('adopts a group that is still being created by a concurrent execution', async () => {
    // Act
    const request = { name: 'concurrent' };
    const runs = await Promise.all([
      runExecution(stack, request),
      runExecution(stack, request),
    ]);

    // Assess
    const terminal = runs.map((run) => onlyTerminalEvent(run.terminal));
    expect(terminal.map((event) => event['detail-type'])).toEqual([
      'Dataset Group Created',
      'Dataset Group Created',
    ]);
    expect(terminal.map((event) => event.detail.alreadyExisted).sort()).toEqual(
      [false, true],
    );
    expect(stack.emulator.datasetGroups()).toHaveLength(1);
  });

  it('fails with DatasetGroupConfigurationMismatchError when the group exists with another configuration', async () => {
    // Prepare
    await runExecution(stack, { name: 'clash', domain: 'ECOMMERCE' });

    // Act
    const run = await runExecution(stack, {
      name: 'clash',
      domain: 'VIDEO_ON_DEMAND',
    });

    // Assess
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'DatasetGroupConfigurationMismatchError',
    });
    expect(run.outcome.cause).toMatch(/domain/);
    const failed = onlyTerminalEvent(run.terminal);
    expect(failed['detail-type']).toBe('Dataset Group Creation Failed');
    expect(failed.detail.error).toMatchObject({
      code: 'DatasetGroupConfigurationMismatchError',
    });
    expectEventsToHonourTheirContracts(run.events);
    expect(stack.emulator.datasetGroups()).toMatchObject([
      { name: 'clash', domain: 'ECOMMERCE' },
    ]);
  });

  it('fails with DatasetGroupCreateFailed and the failure reason when Personalize reports CREATE FAILED', async () => {
    // Prepare
    stack.emulator.faults.createFailed({
      match: 'doomed',
      failureReason: 'KMS key is not accessible',
    });

    // Act
    const run = await runExecution(stack, { name: 'doomed' });

    // Assess
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'DatasetGroupCreateFailed',
    });
    expect(run.outcome.cause).toContain('KMS key is not accessible');
    expect(run.events.map((event) => event['detail-type'])).toEqual([
      'Dataset Group Creation Started',
      'Dataset Group Creation Failed',
    ]);
    const failed = onlyTerminalEvent(run.terminal);
    expect(failed.detail).toMatchObject({
      datasetGroup: {
        status: 'CREATE FAILED',
        failureReason: 'KMS key is not accessible',
      },
      error: { code: 'DatasetGroupCreateFailed' },
    });
    expectEventsToHonourTheirContracts(run.events);
  });

  it('fails with DatasetGroupCreationTimedOut when the group is not ACTIVE by the deadline', async () => {
    // Prepare
    stack.emulator.faults.neverActive({ match: 'stuck' });

    // Act
    const run = await runExecution(stack, { name: 'stuck' });

    // Assess
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'DatasetGroupCreationTimedOut',
    });
    expect(run.outcome.cause).toMatch(/7200 s/);
    const failed = onlyTerminalEvent(run.terminal);
    expect(failed.detail).toMatchObject({
      datasetGroup: { status: 'CREATE IN_PROGRESS' },
      error: { code: 'DatasetGroupCreationTimedOut' },
    });
    expectEventsToHonourTheirContracts(run.events);
    // Bounded polling: the schedule reaches 7200 s in well under 100
    // polls. The short early waits are slept inside one invocation and the
    // long ones are the task's Retry, so the Describe task is entered only
    // a few times (to start, after the first long wait, and for the wait
    // cut to end on the deadline), and every other poll is a retry.
    const polls = stack.emulator.stats().calls.DescribeDatasetGroup ?? 0;
    const describeTasks = run.statesEntered.filter(
      (state) => state === 'DescribeDatasetGroup',
    ).length;
    expect(polls).toBeGreaterThan(10);
    expect(polls).toBeLessThan(100);
    expect(describeTasks).toBeLessThanOrEqual(4);
    expect(run.pollRetries).toBeGreaterThan(20);
    expect(run.retriedStates).toEqual([]);
  });

  it.each([
    ['LimitExceededException', 'the service model’s rate limit', undefined],
    ['ThrottlingException', 'the AWS common error', 'ThrottlingException'],
  ] as const)(
    'retries CreateDatasetGroup when rate-limited with %s (%s) and then succeeds',
    async (_name, _what, error) => {
      // Prepare: 3 refusals are spent by the SDK's own attempts, the 4th
      // reaches the state machine as PersonalizeThrottledError.
      stack.emulator.faults.throttle({
        count: 4,
        operation: 'CreateDatasetGroup',
        ...(error === undefined ? {} : { error }),
      });

      // Act
      const run = await runExecution(stack, { name: 'throttled' });

      // Assess
      expect(run.outcome.status).toBe('SUCCEEDED');
      expect(run.retriedStates).toEqual(['CreateDatasetGroup']);
      expect(onlyTerminalEvent(run.terminal)['detail-type']).toBe(
        'Dataset Group Created',
      );
      expect(stack.emulator.stats().faults.throttle).toBe(4);
      expect(stack.emulator.stats().calls.CreateDatasetGroup).toBe(5);
      expect(stack.emulator.datasetGroups()).toHaveLength(1);
    },
  );

  it('skips the polls that meet a rate-limit LimitExceededException and carries on to ACTIVE', async () => {
    // Prepare
    stack.emulator.faults.throttle({
      count: 3,
      operation: 'DescribeDatasetGroup',
    });

    // Act
    const run = await runExecution(stack, { name: 'rate-limited-poll' });

    // Assess: one attempt a poll; a refused one is skipped, the next
    // scheduled poll is its retry, and no error reaches the state machine.
    expect(run.outcome.status).toBe('SUCCEEDED');
    expect(run.retriedStates).toEqual([]);
    expect(stack.emulator.stats().faults.throttle).toBe(3);
    expect(
      stack.emulator.stats().calls.DescribeDatasetGroup ?? 0,
    ).toBeGreaterThan(3);
    expect(onlyTerminalEvent(run.terminal)['detail-type']).toBe(
      'Dataset Group Created',
    );
  });

  it('retries a create refused with a LimitExceededException it cannot classify, and succeeds when the refusals stop', async () => {
    // Prepare: 4 refusals: the SDK's 3 attempts, then 1 more.
    stack.emulator.faults.throttle({
      count: 4,
      operation: 'CreateDatasetGroup',
      message: 'Limit exceeded',
    });

    // Act
    const run = await runExecution(stack, { name: 'unclassified' });

    // Assess
    expect(run.outcome.status).toBe('SUCCEEDED');
    expect(run.retriedStates).toEqual(['CreateDatasetGroup']);
    expect(stack.emulator.datasetGroups()).toHaveLength(1);
  });

  it('reports a LimitExceededException it cannot classify as the quota once its retries are spent', async () => {
    // Prepare: the state machine's retry waits are 1 ms here; the SDK's
    // own backoff is real (at most 1 s + 2 s an invocation).
    const bound = quotaBreachBound(definition, 'unrecognised');
    stack.emulator.faults.throttle({
      count: 100,
      operation: 'CreateDatasetGroup',
      message: 'Limit exceeded',
    });
    const startedAt = performance.now();

    // Act
    const run = await runExecution(stack, { name: 'never-classified' });

    // Assess
    const seconds = (performance.now() - startedAt) / 1000;
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'PersonalizeLimitExceededError',
    });
    expect(run.outcome.cause).toMatch(
      /LimitExceededException: Limit exceeded\. The message names neither a request rate nor a quota/,
    );
    expect(run.outcome.cause).toContain('active dataset groups per region');
    expect(run.retriedStates).toEqual(
      Array.from({ length: bound.invocations - 1 }, () => 'CreateDatasetGroup'),
    );
    expect(stack.emulator.stats().calls.CreateDatasetGroup).toBe(bound.calls);
    expect(stack.emulator.stats().faults.throttle).toBe(bound.calls);
    // Only the SDK's waits are real here: they alone bound the run.
    expect(seconds).toBeLessThan(bound.invocations * sdkWaitSeconds() + 2);
    expect(stack.emulator.datasetGroups()).toEqual([]);
  }, 30_000);

  it('skips the polls that meet a 5xx and carries on to ACTIVE', async () => {
    // Prepare
    stack.emulator.faults.serverError({
      count: 3,
      status: 503,
      operation: 'DescribeDatasetGroup',
    });

    // Act
    const run = await runExecution(stack, { name: 'unavailable' });

    // Assess: the polls make one attempt each (no SDK retries) and a
    // failed one is skipped like a throttled one: the next scheduled poll
    // is its retry, and no error reaches the state machine.
    expect(run.outcome.status).toBe('SUCCEEDED');
    expect(run.retriedStates).toEqual([]);
    expect(
      stack.emulator.stats().calls.DescribeDatasetGroup ?? 0,
    ).toBeGreaterThan(3);
    expect(onlyTerminalEvent(run.terminal)['detail-type']).toBe(
      'Dataset Group Created',
    );
  });

  it('fails with PersonalizeLimitExceededError naming the quota, without retrying, when the dataset group quota is reached', async () => {
    // Prepare
    for (const index of [1, 2, 3, 4, 5]) {
      await runExecution(stack, { name: `quota-${index}` });
    }
    stack.emulator.resetStats();
    const bound = quotaBreachBound(definition, 'recognised');
    const startedAt = performance.now();

    // Act
    const run = await runExecution(stack, { name: 'quota-6' });

    // Assess
    const seconds = (performance.now() - startedAt) / 1000;
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'PersonalizeLimitExceededError',
    });
    expect(run.outcome.cause).toContain(
      'You have reached the limit of 5 dataset groups in us-east-1',
    );
    expect(run.outcome.cause).toContain(
      'quota of active dataset groups per region (5 by default, adjustable)',
    );
    expect(run.outcome.cause).toContain(
      'aws service-quotas request-service-quota-increase',
    );
    expect(run.retriedStates).toEqual([]);
    expect(onlyTerminalEvent(run.terminal).detail.error).toMatchObject({
      code: 'PersonalizeLimitExceededError',
      message: run.outcome.cause,
    });
    expect(stack.emulator.stats().calls.CreateDatasetGroup).toBe(bound.calls);
    expect(seconds).toBeLessThan(bound.waitSeconds + 1);
    expect(stack.emulator.datasetGroups()).toHaveLength(5);
  });

  it('rejects an invalid request before calling Personalize', async () => {
    // Act
    const run = await runExecution(stack, { name: 'bad name!', extra: 1 });

    // Assess
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'InvalidDatasetGroupRequestError',
    });
    expect(run.outcome.cause).toMatch(/name: .*pattern/);
    expect(run.outcome.cause).toMatch(/extra/);
    const failed = onlyTerminalEvent(run.terminal);
    expect(failed.detail).toMatchObject({
      datasetGroup: {},
      error: { code: 'InvalidDatasetGroupRequestError' },
    });
    expect(run.events).toHaveLength(1);
    expectEventsToHonourTheirContracts(run.events);
    expect(run.retriedStates).toEqual([]);
    expect(stack.emulator.stats().calls.CreateDatasetGroup).toBe(0);
    expect(stack.emulator.datasetGroups()).toEqual([]);
  });

  it.each([
    [
      'the correlationId of the request',
      { name: 'bad name!', correlationId: 'order-7' },
      'rejected-with-id',
      'order-7',
    ],
    [
      'the execution name, for a request without one',
      { name: 'bad name!' },
      'rejected-without-id',
      'rejected-without-id',
    ],
    [
      'the execution name, for an input that is not an object',
      'acme',
      'rejected-not-an-object',
      'rejected-not-an-object',
    ],
  ])(
    'reports a rejected request under %s',
    async (_case, input, executionName, correlationId) => {
      // Act
      const run = await runExecution(stack, input, executionName);

      // Assess
      const failed = onlyTerminalEvent(run.terminal);
      expect(failed['detail-type']).toBe('Dataset Group Creation Failed');
      expect(failed.detail).toMatchObject({ correlationId, request: input });
      expectEventsToHonourTheirContracts(run.events);
      expect(run.statesEntered.slice(0, 4)).toEqual([
        'ShapeState',
        'CreateDatasetGroup',
        'HasRequestCorrelationId',
        correlationId === 'order-7'
          ? 'UseRequestCorrelationId'
          : 'UseExecutionNameAsCorrelationId',
      ]);
    },
  );

  it.each([false, 0, '', null])(
    'rejects the input %j with Creation Failed under the execution name',
    async (input) => {
      // Prepare: one execution name a case.
      const executionName = `falsy-input-${String(input) || 'empty'}`;

      // Act
      const run = await runExecution(stack, input, executionName);

      // Assess
      expect(run.outcome).toMatchObject({
        status: 'FAILED',
        error: 'InvalidDatasetGroupRequestError',
      });
      expect(onlyTerminalEvent(run.terminal).detail).toMatchObject({
        request: input,
        correlationId: executionName,
        error: { code: 'InvalidDatasetGroupRequestError' },
      });
      expectEventsToHonourTheirContracts(run.events);
    },
  );

  it('publishes Creation Failed without the request when the full event is over the EventBridge entry limit', async () => {
    // Prepare: just under the 256 KiB StartExecution takes, thousands of
    // unknown fields; with the error message, over EventBridge's 256 KB.
    const input = largeInvalidRequest(maxInputBytes - 64, {
      name: 'big-request',
      correlationId: 'big-1',
    });

    // Act
    const run = await runExecution(stack, input, 'big-request-run');

    // Assess
    // An input StartExecution takes.
    expect(Buffer.byteLength(JSON.stringify(input))).toBeLessThanOrEqual(
      maxInputBytes,
    );
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'InvalidDatasetGroupRequestError',
    });
    // The message names the first fields and counts the others.
    expect(run.outcome.cause).toMatch(/unknownField0: is not a known field/);
    expect(run.outcome.cause).toMatch(/; and \d+ more$/);
    expect((run.outcome.cause ?? '').length).toBeLessThan(8 * 1024);
    const failed = onlyTerminalEvent(run.terminal);
    expect(failed.detail).toMatchObject({
      datasetGroup: {},
      request: { omitted: expect.any(String) },
      correlationId: 'big-request-run',
      error: {
        code: 'InvalidDatasetGroupRequestError',
        message: run.outcome.cause,
      },
    });
    expect(run.events).toHaveLength(1);
    expectEventsToHonourTheirContracts(run.events);
    // EventBridge's ValidationException is not retried.
    expect(run.retriedStates).toEqual([]);
    expect(run.statesEntered.slice(-3)).toEqual([
      'PublishCreationFailed',
      'PublishCreationFailedSummary',
      'FailCreation',
    ]);
  });

  it('publishes Creation Failed without the request when the bus refuses the full event after every retry', async () => {
    // Prepare: the full event's 7 attempts are refused, then the bus heals.
    stack.bus.failNextPuts(7);

    // Act
    const run = await runExecution(
      stack,
      { name: 'bad name!', correlationId: 'order-9' },
      'refused-run',
    );

    // Assess
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'InvalidDatasetGroupRequestError',
    });
    expect(run.retriedStates).toEqual(
      Array.from({ length: 6 }, () => 'PublishCreationFailed'),
    );
    expect(onlyTerminalEvent(run.terminal).detail).toMatchObject({
      request: { omitted: expect.any(String) },
      correlationId: 'refused-run',
      error: { code: 'InvalidDatasetGroupRequestError' },
    });
    expectEventsToHonourTheirContracts(run.events);
  });

  it('publishes the full request when a large invalid input still fits the entry limit', async () => {
    // Prepare
    const input = largeInvalidRequest(100 * 1024, { name: 'sizeable' });

    // Act
    const run = await runExecution(stack, input, 'sizeable-run');

    // Assess
    expect(onlyTerminalEvent(run.terminal).detail).toMatchObject({
      request: input,
      error: { code: 'InvalidDatasetGroupRequestError' },
    });
    expect(run.statesEntered).not.toContain('PublishCreationFailedSummary');
  });

  it('retries a PutEvents call that reports FailedEntryCount > 0', async () => {
    // Prepare
    stack.bus.failNextPuts(2);

    // Act
    const run = await runExecution(stack, { name: 'flaky-bus' });

    // Assess
    expect(run.outcome.status).toBe('SUCCEEDED');
    expect(run.retriedStates).toEqual([
      'PublishCreationStarted',
      'PublishCreationStarted',
    ]);
    expect(run.events.map((event) => event['detail-type'])).toEqual([
      'Dataset Group Creation Started',
      'Dataset Group Created',
    ]);
  });

  it('fails with EventBridge.FailedEntry, publishing nothing else, when the Created event cannot be published', async () => {
    // Prepare: every attempt of both publishing tasks (7 each) is refused.
    stack.bus.failNextPuts(14);

    // Act
    const run = await runExecution(stack, { name: 'mute-bus' });

    // Assess
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'EventBridge.FailedEntry',
    });
    expect(run.events).toEqual([]);
    expect(run.statesEntered).not.toContain('PublishCreationFailed');
    expect(stack.emulator.datasetGroups()).toMatchObject([
      { name: 'mute-bus', status: 'ACTIVE' },
    ]);
  });
});
