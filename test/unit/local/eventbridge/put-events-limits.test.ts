import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxJsonNestingDepth } from '#commons/http/json-nesting.ts';
import { maxPutEventsEntriesBytes } from '#local/eventbridge/entry-size.ts';
import {
  type RunningEventBridgeEndpoint,
  startEventBridgeEndpoint,
} from '#local/eventbridge/index.ts';
import { busEventRows } from '#local/persistence/bus-event-rows.ts';
import { StackDatabase } from '#local/persistence/stack-database.ts';
import { LocalEventBus } from '#local/runtime/event-bus.ts';
import { nestedObjects, postAwsJson } from '#test/helpers/post-aws-json.ts';

/**
 * What PutEvents refuses, and how: the documented limits (entries of
 * 256 KB in all, a Time the envelope can hold) and the local stack's own
 * nesting limit, on a bus kept in SQLite as `npm run local` keeps it.
 */
describe('PutEvents limits', () => {
  let directory: string;
  let database: StackDatabase;
  let bus: LocalEventBus;
  let endpoint: RunningEventBridgeEndpoint;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'put-events-limits-'));
    database = new StackDatabase(join(directory, 'stack.db'));
    bus = new LocalEventBus({
      name: 'stack-bus',
      store: busEventRows(database, 'stack-bus'),
    });
    endpoint = await startEventBridgeEndpoint({ bus });
  });

  afterAll(async () => {
    await endpoint?.close();
    database?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const putEvents = (entries: object[]) =>
    postAwsJson(
      endpoint.endpoint,
      'AWSEvents.PutEvents',
      JSON.stringify({ Entries: entries }),
    );

  const entry = (extra: object = {}) => ({
    Source: 'test.limits',
    DetailType: 'Limit Tested',
    Detail: '{"case":"plain"}',
    EventBusName: 'stack-bus',
    ...extra,
  });

  it.each([1e300, 9e12, -1e12, 'yesterday'])(
    'reports Time %s as the InvalidArgument of its entry, and puts the others',
    async (time) => {
      // Prepare
      const before = bus.events.length;

      // Act
      const answer = await putEvents([entry({ Time: time }), entry()]);

      // Assess
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        FailedEntryCount: 1,
        Entries: [
          {
            ErrorCode: 'InvalidArgument',
            ErrorMessage: expect.stringMatching(/^Parameter Time is not valid/),
          },
          { EventId: expect.any(String) },
        ],
      });
      expect(bus.events.length).toBe(before + 1);
    },
  );

  it.each([
    [-62167219200, '0000-01-01T00:00:00Z'],
    [253402300799, '9999-12-31T23:59:59Z'],
    [-0, '1970-01-01T00:00:00Z'],
  ])(
    'puts an event at Time %s, the envelope saying %s',
    async (time, expected) => {
      // Act
      const answer = await putEvents([entry({ Time: time })]);

      // Assess
      expect(answer.body).toMatchObject({ FailedEntryCount: 0 });
      expect(bus.events.at(-1)?.time).toBe(expected);
    },
  );

  it('puts a DetailType of 128 characters and reports one of 129 as InvalidArgument', async () => {
    // Act
    const answer = await putEvents([
      entry({ DetailType: 'd'.repeat(128) }),
      entry({ DetailType: 'd'.repeat(129) }),
    ]);

    // Assess
    expect(answer.body).toMatchObject({
      FailedEntryCount: 1,
      Entries: [
        { EventId: expect.any(String) },
        {
          ErrorCode: 'InvalidArgument',
          ErrorMessage: expect.stringMatching(/^Parameter DetailType/),
        },
      ],
    });
  });

  it('reports a Detail nested 5,000 levels deep as MalformedDetail and keeps nothing of it', async () => {
    // Prepare
    const before = bus.events.length;

    // Act
    const answer = await putEvents([entry({ Detail: nestedObjects(5_000) })]);

    // Assess
    expect(answer).toEqual({
      status: 200,
      body: {
        FailedEntryCount: 1,
        Entries: [
          {
            ErrorCode: 'MalformedDetail',
            ErrorMessage: `Detail is malformed: it nests deeper than ${maxJsonNestingDepth} levels, the local stack's limit.`,
          },
        ],
      },
    });
    expect(bus.events.length).toBe(before);
  });

  it('puts a Detail nested as deep as the limit', async () => {
    // Act
    const answer = await putEvents([
      entry({ Detail: nestedObjects(maxJsonNestingDepth) }),
    ]);

    // Assess
    expect(answer.body).toMatchObject({ FailedEntryCount: 0 });
  });

  it('takes entries of exactly 256 KB in all and refuses one byte more with a ValidationException', async () => {
    // Prepare: the first entry counts Time 14 + Source 11 + DetailType
    // 12 + Resources 3 + Detail 1,000 = 1,040 bytes (the bus name does
    // not count), the second 23 + its Detail, with multi-byte characters.
    const detailOf = (bytes: number) => {
      const room = bytes - '{"pad":""}'.length;
      return JSON.stringify({
        pad: `${'é'.repeat(Math.floor(room / 2))}${'x'.repeat(room % 2)}`,
      });
    };
    const entriesOf = (total: number) => [
      entry({ Time: 1, Resources: ['a', 'b', 'c'], Detail: detailOf(1_000) }),
      entry({ Detail: detailOf(total - 1_040 - 23) }),
    ];

    // Act
    const atLimit = await putEvents(entriesOf(maxPutEventsEntriesBytes));
    const over = await putEvents(entriesOf(maxPutEventsEntriesBytes + 1));

    // Assess
    expect(atLimit.body).toMatchObject({ FailedEntryCount: 0 });
    expect(over).toEqual({
      status: 400,
      body: {
        __type: 'ValidationException',
        message: 'Total size of the entries in the request is over the limit.',
      },
    });
  });

  it('answers SerializationException for a request body nested too deep', async () => {
    // Act
    const answer = await postAwsJson(
      endpoint.endpoint,
      'AWSEvents.PutEvents',
      `{"Entries":[${nestedObjects(5_000)}]}`,
    );

    // Assess
    expect(answer).toMatchObject({
      status: 400,
      body: { __type: 'SerializationException' },
    });
  });
});
