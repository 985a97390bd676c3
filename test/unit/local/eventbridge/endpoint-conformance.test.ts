import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
  PutRuleCommand,
} from '@aws-sdk/client-eventbridge';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type LocalRule,
  lambdaTarget,
  type RunningEventBridgeEndpoint,
  startEventBridgeEndpoint,
} from '#local/eventbridge/index.ts';
import type { BusEvent } from '#local/runtime/event-bus.ts';
import { LocalEventBus } from '#local/runtime/event-bus.ts';
import { getTestEvent } from '#test/unit/functions/commons/events/event-contract-helpers.ts';

/**
 * The EventBridge endpoint as the real @aws-sdk/client-eventbridge sees
 * it: PutEvents entries become events on the local buses, and the rules
 * of those buses deliver them to in-test targets.
 */
const createRequested = getTestEvent(
  'com.example.tenant-onboarding/dataset-group-create-requested.json',
);
const deleteRequested = getTestEvent(
  'com.example.tenant-onboarding/dataset-group-delete-requested.json',
);

const entryOf = (
  event: typeof createRequested,
  extra: Partial<PutEventsRequestEntry> = {},
): PutEventsRequestEntry => ({
  Source: event.source,
  DetailType: event['detail-type'],
  Detail: JSON.stringify(event.detail),
  EventBusName: 'personalize-dataset-groups',
  ...extra,
});

const recordingTarget = () => {
  const received: BusEvent[] = [];
  return {
    received,
    target: async (event: BusEvent) => {
      received.push(event);
    },
  };
};

const createRule = (
  target: LocalRule['target'],
  extra: Partial<LocalRule> = {},
): LocalRule => ({
  name: 'on-create-requested',
  eventBusName: 'personalize-dataset-groups',
  eventPattern: {
    source: ['com.example.tenant-onboarding'],
    'detail-type': ['Dataset Group Create Requested'],
  },
  target,
  ...extra,
});

describe('EventBridge endpoint through @aws-sdk/client-eventbridge', () => {
  let endpoint: RunningEventBridgeEndpoint | undefined;
  let client: EventBridgeClient | undefined;

  const start = async (
    rules: LocalRule[],
    retry = { maxRetries: 2, delayMs: 1 },
  ) => {
    const bus = new LocalEventBus();
    endpoint = await startEventBridgeEndpoint({ bus, rules, retry });
    client = new EventBridgeClient({
      endpoint: endpoint.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    return { bus, endpoint, client };
  };

  afterEach(async () => {
    client?.destroy();
    await endpoint?.close();
    endpoint = undefined;
    client = undefined;
  });

  it('publishes an entry on the bus and delivers it to the matching rule', async () => {
    // Prepare
    const recorder = recordingTarget();
    const { bus, endpoint, client } = await start([
      createRule(recorder.target),
    ]);

    // Act
    const output = await client.send(
      new PutEventsCommand({
        Entries: [
          entryOf(createRequested, {
            Time: new Date('2025-06-02T10:03:00.250Z'),
            Resources: ['arn:aws:example:us-east-1:123456789012:tenant/acme'],
          }),
        ],
      }),
    );
    await endpoint.idle();

    // Assess
    expect(output.FailedEntryCount).toBe(0);
    const eventId = output.Entries?.[0]?.EventId;
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(bus.events).toEqual([
      {
        version: '0',
        id: eventId,
        'detail-type': 'Dataset Group Create Requested',
        source: 'com.example.tenant-onboarding',
        account: '000000000000',
        time: '2025-06-02T10:03:00Z',
        region: 'us-east-1',
        resources: ['arn:aws:example:us-east-1:123456789012:tenant/acme'],
        detail: createRequested.detail,
      },
    ]);
    expect(recorder.received).toEqual(bus.events);
    expect(endpoint.deliveries).toMatchObject({
      matched: 1,
      succeeded: 1,
      retried: 0,
      deadLettered: 0,
    });
  });

  it('keeps an event no rule matches on the bus without delivering it', async () => {
    // Prepare
    const recorder = recordingTarget();
    const { bus, endpoint, client } = await start([
      createRule(recorder.target),
    ]);

    // Act
    const output = await client.send(
      new PutEventsCommand({ Entries: [entryOf(deleteRequested)] }),
    );
    await endpoint.idle();

    // Assess
    expect(output.FailedEntryCount).toBe(0);
    expect(bus.events.map((event) => event['detail-type'])).toEqual([
      'Dataset Group Delete Requested',
    ]);
    expect(recorder.received).toEqual([]);
    expect(endpoint.deliveries.matched).toBe(0);
  });

  it('answers PutEvents before the target has run', async () => {
    // Prepare
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = false;
    const { endpoint, client } = await start([
      createRule(async () => {
        await gate;
        finished = true;
      }),
    ]);

    // Act
    const output = await client.send(
      new PutEventsCommand({ Entries: [entryOf(createRequested)] }),
    );
    const finishedWhenAnswered = finished;
    release();
    await endpoint.idle();

    // Assess
    expect(output.FailedEntryCount).toBe(0);
    expect(finishedWhenAnswered).toBe(false);
    expect(finished).toBe(true);
  });

  it('reports each invalid entry with its error code and publishes the others', async () => {
    // Prepare
    const recorder = recordingTarget();
    const { bus, endpoint, client } = await start([
      createRule(recorder.target),
    ]);

    // Act
    const output = await client.send(
      new PutEventsCommand({
        Entries: [
          entryOf(createRequested, { Detail: '{"name":' }),
          entryOf(createRequested),
          entryOf(createRequested, { Detail: '["not", "an", "object"]' }),
          entryOf(createRequested, { Source: undefined }),
          entryOf(createRequested, { DetailType: undefined }),
          entryOf(createRequested, { Detail: undefined }),
        ],
      }),
    );
    await endpoint.idle();

    // Assess
    expect(output.FailedEntryCount).toBe(5);
    expect(output.Entries).toEqual([
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { EventId: bus.events[0]?.id },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage:
          'Parameter Source is not valid. Reason: Source is a required argument.',
      },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage:
          'Parameter DetailType is not valid. Reason: DetailType is a required argument.',
      },
      {
        ErrorCode: 'InvalidArgument',
        ErrorMessage:
          'Parameter Detail is not valid. Reason: Detail is a required argument.',
      },
    ]);
    expect(bus.events).toHaveLength(1);
    expect(recorder.received).toHaveLength(1);
  });

  it('rejects more than 10 entries with ValidationException and publishes none', async () => {
    // Prepare
    const { bus, client } = await start([]);

    // Act
    const attempt = client.send(
      new PutEventsCommand({
        Entries: Array.from({ length: 11 }, () => entryOf(createRequested)),
      }),
    );

    // Assess
    await expect(attempt).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(attempt).rejects.toThrow(/less than or equal to 10/);
    expect(bus.events).toEqual([]);
  });

  it('accepts exactly 10 entries', async () => {
    // Prepare
    const { bus, client } = await start([]);

    // Act
    const output = await client.send(
      new PutEventsCommand({
        Entries: Array.from({ length: 10 }, () => entryOf(createRequested)),
      }),
    );

    // Assess
    expect(output.FailedEntryCount).toBe(0);
    expect(bus.events).toHaveLength(10);
  });

  it('retries a target that throws, then dead-letters the event', async () => {
    // Prepare
    let calls = 0;
    const { bus, endpoint, client } = await start([
      createRule(async () => {
        calls += 1;
        throw new TypeError(`broken handler, call ${calls}`);
      }),
    ]);

    // Act
    await client.send(
      new PutEventsCommand({ Entries: [entryOf(createRequested)] }),
    );
    await endpoint.idle();

    // Assess
    expect(calls).toBe(3);
    expect(endpoint.deliveries).toMatchObject({
      matched: 1,
      succeeded: 0,
      retried: 2,
      deadLettered: 1,
    });
    expect(endpoint.deadLetters).toMatchObject([
      {
        ruleName: 'on-create-requested',
        eventBusName: 'personalize-dataset-groups',
        event: bus.events[0],
        attempts: 3,
        error: { name: 'TypeError', message: 'broken handler, call 3' },
      },
    ]);
  });

  it('delivers on a retry when the target recovers', async () => {
    // Prepare
    let calls = 0;
    const { endpoint, client } = await start([
      createRule(async () => {
        calls += 1;
        if (calls === 1) throw new Error('cold start timeout');
      }),
    ]);

    // Act
    await client.send(
      new PutEventsCommand({ Entries: [entryOf(createRequested)] }),
    );
    await endpoint.idle();

    // Assess
    expect(calls).toBe(2);
    expect(endpoint.deliveries).toMatchObject({
      succeeded: 1,
      retried: 1,
      deadLettered: 0,
    });
    expect(endpoint.deadLetters).toEqual([]);
  });

  it('invokes a Lambda handler target the way Lambda does, its errors named by errorType', async () => {
    // Prepare
    class DatasetGroupRequestRejectedError extends Error {
      constructor(message: string) {
        super(message);
        this.name = 'DatasetGroupRequestRejectedError';
      }
    }
    const invocations: Array<{ event: unknown; functionName: string }> = [];
    const { bus, endpoint, client } = await start([
      createRule(
        lambdaTarget(async (event, context) => {
          invocations.push({ event, functionName: context.functionName });
          throw new DatasetGroupRequestRejectedError('name taken');
        }, 'on-create-requested'),
      ),
    ]);

    // Act
    await client.send(
      new PutEventsCommand({ Entries: [entryOf(createRequested)] }),
    );
    await endpoint.idle();

    // Assess
    expect(invocations).toEqual(
      Array.from({ length: 3 }, () => ({
        event: bus.events[0],
        functionName: 'on-create-requested',
      })),
    );
    expect(invocations[0]?.event).not.toBe(bus.events[0]);
    expect(endpoint.deadLetters[0]?.error).toMatchObject({
      name: 'DatasetGroupRequestRejectedError',
    });
    expect(
      JSON.parse(endpoint.deadLetters[0]?.error.message ?? '{}'),
    ).toMatchObject({ errorMessage: 'name taken' });
  });

  it('routes by bus name or ARN, and loses entries for a bus that does not exist', async () => {
    // Prepare
    const onStackBus = recordingTarget();
    const onDefaultBus = recordingTarget();
    const { bus, endpoint, client } = await start([
      createRule(onStackBus.target),
      createRule(onDefaultBus.target, { eventBusName: 'default' }),
    ]);

    // Act
    const output = await client.send(
      new PutEventsCommand({
        Entries: [
          entryOf(createRequested, {
            EventBusName:
              'arn:aws:events:us-east-1:000000000000:event-bus/personalize-dataset-groups',
          }),
          entryOf(createRequested, { EventBusName: undefined }),
          entryOf(createRequested, { EventBusName: 'no-such-bus' }),
        ],
      }),
    );
    await endpoint.idle();

    // Assess
    expect(output.FailedEntryCount).toBe(0);
    expect(bus.events).toHaveLength(1);
    expect(endpoint.buses.get('default')?.events).toHaveLength(1);
    expect(onStackBus.received).toHaveLength(1);
    expect(onDefaultBus.received).toHaveLength(1);
    expect(endpoint.unroutedEntries).toBe(1);
  });

  it('delivers events published on the bus in-process too', async () => {
    // Prepare
    const recorder = recordingTarget();
    const { bus, endpoint } = await start([createRule(recorder.target)]);

    // Act
    bus.putEvents([
      {
        Source: createRequested.source,
        DetailType: createRequested['detail-type'],
        Detail: createRequested.detail,
      },
    ]);
    await endpoint.idle();

    // Assess
    expect(recorder.received).toEqual(bus.events);
  });

  it('answers other operations with UnknownOperationException', async () => {
    // Prepare
    const { client } = await start([]);

    // Act
    const attempt = client.send(
      new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["x"]}' }),
    );

    // Assess
    await expect(attempt).rejects.toMatchObject({
      name: 'UnknownOperationException',
    });
  });

  it('refuses a rule whose pattern it cannot match', async () => {
    // Act
    const attempt = start([
      createRule(async () => undefined, {
        eventPattern: { source: 'not-a-list' },
      }),
    ]);

    // Assess
    await expect(attempt).rejects.toThrow(/source/);
  });
});
