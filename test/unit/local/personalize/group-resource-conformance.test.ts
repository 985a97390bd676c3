import {
  CreateDatasetGroupCommand,
  DeleteEventTrackerCommand,
  DeleteFilterCommand,
  DeleteMetricAttributionCommand,
  DescribeEventTrackerCommand,
  DescribeFilterCommand,
  DescribeMetricAttributionCommand,
  LimitExceededException,
  ListEventTrackersCommand,
  ListFiltersCommand,
  ListMetricAttributionsCommand,
  type PersonalizeClient,
  paginateListEventTrackers,
  paginateListFilters,
  paginateListMetricAttributions,
  ResourceAlreadyExistsException,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-personalize';
import { describe, expect, it } from 'vitest';
import { classifyLimitExceeded } from '#commons/clients/limit-exceeded.ts';
import type {
  ManualClock,
  RunningPersonalizeEmulator,
} from '#local/personalize/index.ts';
import {
  childGoneMs,
  childLifecycle,
  childMaker,
  childSettleMs,
  eventTrackerArn,
  filterArn,
  filterExpression,
  metricAttributionArn,
  outcomeOf,
  startChildEmulator,
  useChildEmulator,
} from './child-fixtures.ts';
import {
  account,
  activeGroup,
  clientFor,
  groupArn,
  roleArn,
} from './dataset-fixtures.ts';

/**
 * Event trackers, filters and metric attributions (the kinds that hang
 * straight off a group and nothing else) as the real
 * @aws-sdk/client-personalize sees them.
 */
describe('Personalize emulator event trackers, filters and metric attributions', () => {
  let clock: ManualClock;
  let emulator: RunningPersonalizeEmulator;
  let client: PersonalizeClient;
  let make: ReturnType<typeof childMaker>;

  useChildEmulator((world) => {
    ({ clock, emulator, client, make } = world);
  });

  describe('CreateEventTracker and DescribeEventTracker', () => {
    it('returns the ARN and a tracking ID, and describes the tracker', async () => {
      // Prepare
      const datasetGroupArn = await activeGroup(client, clock, 'shop');
      const createdAt = clock.now();

      // Act
      const created = await make.eventTracker(datasetGroupArn, 'clicks');
      const { eventTracker } = await client.send(
        new DescribeEventTrackerCommand({
          eventTrackerArn: created.eventTrackerArn,
        }),
      );

      // Assess
      expect(created.eventTrackerArn).toBe(eventTrackerArn('clicks'));
      expect(created.trackingId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
      expect(eventTracker).toEqual({
        name: 'clicks',
        eventTrackerArn: eventTrackerArn('clicks'),
        accountId: account,
        trackingId: created.trackingId,
        datasetGroupArn,
        status: 'CREATE PENDING',
        creationDateTime: new Date(createdAt),
        lastUpdatedDateTime: new Date(createdAt),
      });
    });

    it('allows one event tracker per group: a second answers LimitExceededException', async () => {
      // Prepare
      const datasetGroupArn = await activeGroup(client, clock, 'shop');
      await make.eventTracker(datasetGroupArn, 'first');

      // Act
      const refused = await outcomeOf(
        make.eventTracker(datasetGroupArn, 'second'),
      );

      // Assess
      expect(refused).toBeInstanceOf(LimitExceededException);
      expect(refused).toMatchObject({
        message: `You have reached the limit of 1 event tracker in dataset group ${datasetGroupArn}`,
      });
      expect(
        classifyLimitExceeded('CreateEventTracker', (refused as Error).message),
      ).toBe('quota');
    });

    it('answers ResourceAlreadyExistsException for a name already taken in the region', async () => {
      // Prepare
      await make.eventTracker(
        await activeGroup(client, clock, 'shop'),
        'clicks',
      );
      const other = await activeGroup(client, clock, 'other');

      // Act
      const refused = await outcomeOf(make.eventTracker(other, 'clicks'));

      // Assess
      expect(refused).toBeInstanceOf(ResourceAlreadyExistsException);
      expect(refused).toMatchObject({
        message: 'Event tracker with name clicks already exists',
      });
    });
  });

  describe('CreateFilter and DescribeFilter', () => {
    it('returns the ARN and describes the filter with its expression', async () => {
      // Prepare
      const datasetGroupArn = await activeGroup(client, clock, 'shop');
      const createdAt = clock.now();

      // Act
      const created = await make.filter(datasetGroupArn, 'no-clicks');
      clock.advance(childSettleMs);
      const { filter } = await client.send(
        new DescribeFilterCommand({ filterArn: created.filterArn }),
      );

      // Assess
      expect(created).toMatchObject({ filterArn: filterArn('no-clicks') });
      expect(filter).toEqual({
        name: 'no-clicks',
        filterArn: filterArn('no-clicks'),
        datasetGroupArn,
        filterExpression,
        status: 'ACTIVE',
        creationDateTime: new Date(createdAt),
        lastUpdatedDateTime: new Date(createdAt + childSettleMs),
      });
    });

    it('answers LimitExceededException for a 31st filter in a group', async () => {
      // Prepare
      const datasetGroupArn = await activeGroup(client, clock, 'shop');
      for (let index = 0; index < 30; index += 1) {
        await make.filter(datasetGroupArn, `filter-${index}`);
      }

      // Act
      const refused = await outcomeOf(make.filter(datasetGroupArn, 'one-more'));

      // Assess
      expect(refused).toBeInstanceOf(LimitExceededException);
      expect(refused).toMatchObject({
        message: `You have reached the limit of 30 filters in dataset group ${datasetGroupArn}`,
      });
      expect(emulator.filters()).toHaveLength(30);
    });

    it('does not count CREATE FAILED or deleting filters toward the quota (childQuotas)', async () => {
      // Prepare
      const own = await startChildEmulator({ childQuotas: { filter: 2 } });
      const ownMake = childMaker(own.client, own.clock);
      const datasetGroupArn = await activeGroup(own.client, own.clock, 'shop');
      own.emulator.faults.childCreateFailed({
        kind: 'filter',
        match: 'broken',
      });
      await ownMake.settled(ownMake.filter(datasetGroupArn, 'broken'));
      await ownMake.settled(ownMake.filter(datasetGroupArn, 'going'));
      await own.client.send(
        new DeleteFilterCommand({ filterArn: filterArn('going') }),
      );

      // Act
      const taken = await outcomeOf(ownMake.filter(datasetGroupArn, 'first'));
      const alsoTaken = await outcomeOf(
        ownMake.filter(datasetGroupArn, 'second'),
      );
      const refused = await outcomeOf(ownMake.filter(datasetGroupArn, 'third'));
      await own.close();

      // Assess
      expect(taken).toMatchObject({ filterArn: filterArn('first') });
      expect(alsoTaken).toMatchObject({ filterArn: filterArn('second') });
      expect(refused).toBeInstanceOf(LimitExceededException);
      expect(refused).toMatchObject({
        message: `You have reached the limit of 2 filters in dataset group ${datasetGroupArn}`,
      });
    });
  });

  describe('CreateMetricAttribution and DescribeMetricAttribution', () => {
    it('returns the ARN and describes the attribution with its output config', async () => {
      // Prepare
      const datasetGroupArn = await activeGroup(client, clock, 'shop');
      const createdAt = clock.now();

      // Act
      const created = await make.metricAttribution(datasetGroupArn);
      const { metricAttribution } = await client.send(
        new DescribeMetricAttributionCommand({
          metricAttributionArn: created.metricAttributionArn,
        }),
      );

      // Assess
      expect(created).toMatchObject({
        metricAttributionArn: metricAttributionArn('revenue'),
      });
      expect(metricAttribution).toEqual({
        name: 'revenue',
        metricAttributionArn: metricAttributionArn('revenue'),
        datasetGroupArn,
        metricsOutputConfig: { roleArn },
        status: 'CREATE PENDING',
        creationDateTime: new Date(createdAt),
        lastUpdatedDateTime: new Date(createdAt),
      });
      expect(emulator.metricAttributions()[0]?.metrics).toEqual([
        {
          eventType: 'purchase',
          metricName: 'revenue',
          expression: 'SUM(Items.PRICE)',
        },
      ]);
    });

    it('allows one metric attribution per group: a second answers LimitExceededException', async () => {
      // Prepare
      const datasetGroupArn = await activeGroup(client, clock, 'shop');
      await make.metricAttribution(datasetGroupArn, 'first');

      // Act
      const refused = await outcomeOf(
        make.metricAttribution(datasetGroupArn, 'second'),
      );

      // Assess
      expect(refused).toBeInstanceOf(LimitExceededException);
      expect(refused).toMatchObject({
        message: `You have reached the limit of 1 metric attribution in dataset group ${datasetGroupArn}`,
      });
    });
  });

  /** The same rules for the three kinds, each through its own calls. */
  const kinds = [
    {
      kind: 'event tracker',
      label: 'Event tracker',
      create: (
        make: ReturnType<typeof childMaker>,
        group: string,
        name: string,
      ) => make.eventTracker(group, name),
      arnOf: eventTrackerArn,
      describe: (client: PersonalizeClient, arn: string) =>
        client.send(new DescribeEventTrackerCommand({ eventTrackerArn: arn })),
      remove: (client: PersonalizeClient, arn: string) =>
        client.send(new DeleteEventTrackerCommand({ eventTrackerArn: arn })),
      list: async (client: PersonalizeClient, datasetGroupArn?: string) =>
        (
          await client.send(
            new ListEventTrackersCommand(
              datasetGroupArn === undefined ? {} : { datasetGroupArn },
            ),
          )
        ).eventTrackers?.map((item) => item.name),
      paginate: async (client: PersonalizeClient, datasetGroupArn: string) => {
        const names: Array<string | undefined> = [];
        for await (const page of paginateListEventTrackers(
          { client, pageSize: 1 },
          { datasetGroupArn },
        )) {
          names.push(...(page.eventTrackers ?? []).map((item) => item.name));
        }
        return names;
      },
      views: (emulator: RunningPersonalizeEmulator) => emulator.eventTrackers(),
    },
    {
      kind: 'filter',
      label: 'Filter',
      create: (
        make: ReturnType<typeof childMaker>,
        group: string,
        name: string,
      ) => make.filter(group, name),
      arnOf: filterArn,
      describe: (client: PersonalizeClient, arn: string) =>
        client.send(new DescribeFilterCommand({ filterArn: arn })),
      remove: (client: PersonalizeClient, arn: string) =>
        client.send(new DeleteFilterCommand({ filterArn: arn })),
      list: async (client: PersonalizeClient, datasetGroupArn?: string) =>
        (
          await client.send(
            new ListFiltersCommand(
              datasetGroupArn === undefined ? {} : { datasetGroupArn },
            ),
          )
        ).Filters?.map((item) => item.name),
      paginate: async (client: PersonalizeClient, datasetGroupArn: string) => {
        const names: Array<string | undefined> = [];
        for await (const page of paginateListFilters(
          { client, pageSize: 1 },
          { datasetGroupArn },
        )) {
          names.push(...(page.Filters ?? []).map((item) => item.name));
        }
        return names;
      },
      views: (emulator: RunningPersonalizeEmulator) => emulator.filters(),
    },
    {
      kind: 'metric attribution',
      label: 'Metric attribution',
      create: (
        make: ReturnType<typeof childMaker>,
        group: string,
        name: string,
      ) => make.metricAttribution(group, name),
      arnOf: metricAttributionArn,
      describe: (client: PersonalizeClient, arn: string) =>
        client.send(
          new DescribeMetricAttributionCommand({ metricAttributionArn: arn }),
        ),
      remove: (client: PersonalizeClient, arn: string) =>
        client.send(
          new DeleteMetricAttributionCommand({ metricAttributionArn: arn }),
        ),
      list: async (client: PersonalizeClient, datasetGroupArn?: string) =>
        (
          await client.send(
            new ListMetricAttributionsCommand(
              datasetGroupArn === undefined ? {} : { datasetGroupArn },
            ),
          )
        ).metricAttributions?.map((item) => item.name),
      paginate: async (client: PersonalizeClient, datasetGroupArn: string) => {
        const names: Array<string | undefined> = [];
        for await (const page of paginateListMetricAttributions(
          { client, pageSize: 1 },
          { datasetGroupArn },
        )) {
          names.push(
            ...(page.metricAttributions ?? []).map((item) => item.name),
          );
        }
        return names;
      },
      views: (emulator: RunningPersonalizeEmulator) =>
        emulator.metricAttributions(),
    },
  ];

  describe.each(kinds)('each $kind', (spec) => {
    const statusOf = async (arn: string) => {
      const described = (await spec.describe(client, arn)) as unknown as Record<
        string,
        { status?: string; lastUpdatedDateTime?: Date } | undefined
      >;
      const shape = Object.values(described).find(
        (value) =>
          typeof value === 'object' && value !== null && 'status' in value,
      );
      return shape?.status;
    };

    it('moves CREATE PENDING → CREATE IN_PROGRESS → ACTIVE on the clock', async () => {
      // Prepare
      const group = await activeGroup(client, clock, 'shop');
      await spec.create(make, group, 'one');
      const statuses: Array<string | undefined> = [];

      // Act
      for (const advanceMs of [0, 99, 1, 399, 1]) {
        clock.advance(advanceMs);
        statuses.push(await statusOf(spec.arnOf('one')));
      }

      // Assess
      expect(statuses).toEqual([
        'CREATE PENDING',
        'CREATE PENDING',
        'CREATE IN_PROGRESS',
        'CREATE IN_PROGRESS',
        'ACTIVE',
      ]);
    });

    it('moves DELETE PENDING → DELETE IN_PROGRESS → gone (ResourceNotFoundException, not listed)', async () => {
      // Prepare
      const group = await activeGroup(client, clock, 'shop');
      await make.settled(spec.create(make, group, 'one'));
      const statuses: Array<string | undefined> = [];

      // Act
      const deleted = await spec.remove(client, spec.arnOf('one'));
      for (const advanceMs of [0, 99, 1, 299]) {
        clock.advance(advanceMs);
        statuses.push(await statusOf(spec.arnOf('one')));
      }
      clock.advance(1);
      const gone = await outcomeOf(spec.describe(client, spec.arnOf('one')));

      // Assess
      expect(deleted.$metadata.httpStatusCode).toBe(200);
      expect(statuses).toEqual([
        'DELETE PENDING',
        'DELETE PENDING',
        'DELETE IN_PROGRESS',
        'DELETE IN_PROGRESS',
      ]);
      expect(gone).toBeInstanceOf(ResourceNotFoundException);
      expect(await spec.list(client, group)).toEqual([]);
      expect(spec.views(emulator)).toEqual([]);
    });

    it('refuses to delete it while it is being created, and twice', async () => {
      // Prepare
      const group = await activeGroup(client, clock, 'shop');
      await spec.create(make, group, 'one');
      const arn = spec.arnOf('one');

      // Act
      const pending = await outcomeOf(spec.remove(client, arn));
      clock.advance(childLifecycle.childPendingMs);
      const inProgress = await outcomeOf(spec.remove(client, arn));
      clock.advance(childLifecycle.childInProgressMs);
      await spec.remove(client, arn);
      const again = await outcomeOf(spec.remove(client, arn));

      // Assess
      expect(pending).toBeInstanceOf(ResourceInUseException);
      expect(pending).toMatchObject({
        message: `${spec.label} ${arn} is CREATE PENDING; wait until it is ACTIVE or CREATE FAILED`,
      });
      expect(inProgress).toMatchObject({
        message: `${spec.label} ${arn} is CREATE IN_PROGRESS; wait until it is ACTIVE or CREATE FAILED`,
      });
      expect(again).toBeInstanceOf(ResourceInUseException);
      expect(again).toMatchObject({
        message: `${spec.label} ${arn} is DELETE PENDING; it is already being deleted`,
      });
    });

    it('answers ResourceNotFoundException for a group that does not exist, or in another region', async () => {
      // Prepare
      await activeGroup(client, clock, 'shop');
      const elsewhere = clientFor(emulator.endpoint, 'eu-west-1');

      // Act
      const missing = await outcomeOf(
        spec.create(make, groupArn('missing'), 'one'),
      );
      const otherRegion = await outcomeOf(
        spec.create(childMaker(elsewhere, clock), groupArn('shop'), 'one'),
      );
      elsewhere.destroy();

      // Assess
      expect(missing).toBeInstanceOf(ResourceNotFoundException);
      expect(otherRegion).toBeInstanceOf(ResourceNotFoundException);
      expect(spec.views(emulator)).toEqual([]);
    });

    it('answers ResourceInUseException while the group is not ACTIVE yet', async () => {
      // Prepare
      await client.send(new CreateDatasetGroupCommand({ name: 'shop' }));

      // Act
      const refused = await outcomeOf(
        spec.create(make, groupArn('shop'), 'one'),
      );

      // Assess
      expect(refused).toBeInstanceOf(ResourceInUseException);
      expect(refused).toMatchObject({
        message: expect.stringMatching(
          new RegExp(
            `^Dataset group ${groupArn('shop')} is CREATE PENDING; .+s can be added once it is ACTIVE$`,
          ),
        ),
      });
    });

    it('lists newest first, by group or all of the region, and pages with its paginator', async () => {
      // Prepare
      const shop = await activeGroup(client, clock, 'shop');
      const other = await activeGroup(client, clock, 'other');
      const third = await activeGroup(client, clock, 'third');
      await spec.create(make, shop, 'a');
      clock.advance(1);
      await spec.create(make, other, 'b');
      clock.advance(1);
      await spec.create(make, third, 'c');

      // Act
      const all = await spec.list(client);
      const ofShop = await spec.list(client, shop);
      const paged = await spec.paginate(client, other);

      // Assess
      expect(all).toEqual(['c', 'b', 'a']);
      expect(ofShop).toEqual(['a']);
      expect(paged).toEqual(['b']);
    });

    it('ends CREATE FAILED under the childCreateFailed fault for its kind and name', async () => {
      // Prepare
      const group = await activeGroup(client, clock, 'shop');
      emulator.faults.childCreateFailed({ match: /^bad/ });

      // Act
      await make.settled(spec.create(make, group, 'bad-one'));
      const status = await statusOf(spec.arnOf('bad-one'));

      // Assess
      expect(status).toBe('CREATE FAILED');
      expect(spec.views(emulator)[0]).toMatchObject({
        status: 'CREATE FAILED',
        failureReason: `Emulated failure: the ${spec.kind} could not be created`,
      });
      expect(emulator.stats().faults.childCreateFailed).toBe(1);
    });

    it('goes back to ACTIVE, with failureReason, under the childDeleteFailed fault', async () => {
      // Prepare
      const group = await activeGroup(client, clock, 'shop');
      await make.settled(spec.create(make, group, 'sticky'));
      emulator.faults.childDeleteFailed({ match: 'sticky', count: 1 });
      const arn = spec.arnOf('sticky');

      // Act
      await spec.remove(client, arn);
      clock.advance(childGoneMs);
      const afterFailed = spec.views(emulator)[0];
      await spec.remove(client, arn);
      clock.advance(childGoneMs);
      const afterRetry = await outcomeOf(spec.describe(client, arn));

      // Assess
      expect(afterFailed).toMatchObject({
        status: 'ACTIVE',
        failureReason: `Emulated failure: the ${spec.kind} could not be deleted`,
      });
      expect(afterRetry).toBeInstanceOf(ResourceNotFoundException);
      expect(emulator.stats().faults.childDeleteFailed).toBe(1);
    });
  });

  it('shows failureReason on the wire where the shape has it (Filter, MetricAttribution), not on EventTracker', async () => {
    // Prepare
    const group = await activeGroup(client, clock, 'shop');
    emulator.faults.childCreateFailed({ failureReason: 'no data' });
    await make.eventTracker(group, 'bad');
    await make.filter(group, 'bad');
    await make.settled(make.metricAttribution(group, 'bad'));

    // Act
    const { eventTracker } = await client.send(
      new DescribeEventTrackerCommand({
        eventTrackerArn: eventTrackerArn('bad'),
      }),
    );
    const { filter } = await client.send(
      new DescribeFilterCommand({ filterArn: filterArn('bad') }),
    );
    const { Filters } = await client.send(new ListFiltersCommand({}));
    const { metricAttribution } = await client.send(
      new DescribeMetricAttributionCommand({
        metricAttributionArn: metricAttributionArn('bad'),
      }),
    );

    // Assess
    expect(eventTracker?.status).toBe('CREATE FAILED');
    expect(eventTracker).not.toHaveProperty('failureReason');
    expect(filter).toMatchObject({
      status: 'CREATE FAILED',
      failureReason: 'no data',
    });
    expect(Filters?.[0]).toMatchObject({ failureReason: 'no data' });
    expect(metricAttribution).toMatchObject({ failureReason: 'no data' });
  });
});
