import {
  CreateDatasetGroupCommand,
  CreateRecommenderCommand,
  DeleteRecommenderCommand,
  DescribeRecommenderCommand,
  InvalidInputException,
  LimitExceededException,
  type PersonalizeClient,
  paginateListRecommenders,
  ResourceInUseException,
  ResourceNotFoundException,
  StartRecommenderCommand,
  StopRecommenderCommand,
} from '@aws-sdk/client-personalize';
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  ManualClock,
  RunningPersonalizeEmulator,
} from '#local/personalize/index.ts';
import {
  childGoneMs,
  childLifecycle,
  type childMaker,
  childSettleMs,
  outcomeOf,
  recipeArn,
  recommenderArn,
  useChildEmulator,
} from './child-fixtures.ts';
import { activeGroup, groupArn } from './dataset-fixtures.ts';

/**
 * Recommenders (domain dataset groups only), their stop and start, as the
 * real @aws-sdk/client-personalize sees them, on a manual clock.
 */
describe('Personalize emulator recommenders', () => {
  let clock: ManualClock;
  let emulator: RunningPersonalizeEmulator;
  let client: PersonalizeClient;
  let make: ReturnType<typeof childMaker>;
  let group: string;

  useChildEmulator((world) => {
    ({ clock, emulator, client, make } = world);
  });

  beforeEach(async () => {
    group = await activeGroup(client, clock, 'shop', 'ECOMMERCE');
  });

  const statusOf = async (arn: string) =>
    (await client.send(new DescribeRecommenderCommand({ recommenderArn: arn })))
      .recommender?.status;
  const stop = (arn: string) =>
    client.send(new StopRecommenderCommand({ recommenderArn: arn }));
  const start = (arn: string) =>
    client.send(new StartRecommenderCommand({ recommenderArn: arn }));
  const remove = (arn: string) =>
    client.send(new DeleteRecommenderCommand({ recommenderArn: arn }));

  it('returns the ARN and describes the recommender, ACTIVE on the clock', async () => {
    // Prepare
    const createdAt = clock.now();

    // Act
    const created = await client.send(
      new CreateRecommenderCommand({
        name: 'for-you',
        datasetGroupArn: group,
        recipeArn: recipeArn('aws-ecomm-recommended-for-you'),
        recommenderConfig: { minRecommendationRequestsPerSecond: 2 },
      }),
    );
    const pending = await statusOf(created.recommenderArn ?? '');
    clock.advance(childSettleMs);
    const { recommender } = await client.send(
      new DescribeRecommenderCommand({
        recommenderArn: created.recommenderArn,
      }),
    );

    // Assess
    expect(created.recommenderArn).toBe(recommenderArn('for-you'));
    expect(pending).toBe('CREATE PENDING');
    expect(recommender).toEqual({
      name: 'for-you',
      recommenderArn: recommenderArn('for-you'),
      datasetGroupArn: group,
      recipeArn: recipeArn('aws-ecomm-recommended-for-you'),
      recommenderConfig: { minRecommendationRequestsPerSecond: 2 },
      status: 'ACTIVE',
      creationDateTime: new Date(createdAt),
      lastUpdatedDateTime: new Date(createdAt + childSettleMs),
    });
  });

  it('refuses a custom dataset group (no domain) with InvalidInputException', async () => {
    // Prepare
    const custom = await activeGroup(client, clock, 'custom');

    // Act
    const refused = await outcomeOf(make.recommender(custom));

    // Assess
    expect(refused).toBeInstanceOf(InvalidInputException);
    expect(refused).toMatchObject({
      message: `Dataset group ${custom} has no domain: recommenders exist only in domain dataset groups (ECOMMERCE or VIDEO_ON_DEMAND); use a solution and a campaign in a custom dataset group`,
    });
  });

  it('needs the group ACTIVE (ResourceInUseException) and existing (ResourceNotFoundException)', async () => {
    // Prepare
    await client.send(
      new CreateDatasetGroupCommand({
        name: 'young',
        domain: 'VIDEO_ON_DEMAND',
      }),
    );

    // Act
    const young = await outcomeOf(make.recommender(groupArn('young')));
    const missing = await outcomeOf(make.recommender(groupArn('missing')));

    // Assess
    expect(young).toBeInstanceOf(ResourceInUseException);
    expect(young).toMatchObject({
      message: `Dataset group ${groupArn('young')} is CREATE PENDING; recommenders can be added once it is ACTIVE`,
    });
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });

  it('answers LimitExceededException for a 6th recommender in a group', async () => {
    // Prepare
    for (let index = 0; index < 5; index += 1) {
      await make.recommender(group, `recommender-${index}`);
    }

    // Act
    const refused = await outcomeOf(make.recommender(group, 'one-more'));

    // Assess
    expect(refused).toBeInstanceOf(LimitExceededException);
    expect(refused).toMatchObject({
      message: `You have reached the limit of 5 recommenders in dataset group ${group}`,
    });
  });

  it('stops ACTIVE → STOP PENDING → STOP IN_PROGRESS → INACTIVE, and starts INACTIVE → START PENDING → START IN_PROGRESS → ACTIVE', async () => {
    // Prepare
    const arn = recommenderArn('for-you');
    await make.settled(make.recommender(group));
    const statuses: Array<string | undefined> = [];
    const follow = async (steps: number[]) => {
      for (const advanceMs of steps) {
        clock.advance(advanceMs);
        statuses.push(await statusOf(arn));
      }
    };

    // Act
    const stopped = await stop(arn);
    await follow([0, 100, 599, 1]);
    const started = await start(arn);
    await follow([0, 100, 699, 1]);

    // Assess
    expect(stopped.recommenderArn).toBe(arn);
    expect(started.recommenderArn).toBe(arn);
    expect(statuses).toEqual([
      'STOP PENDING',
      'STOP IN_PROGRESS',
      'STOP IN_PROGRESS',
      'INACTIVE',
      'START PENDING',
      'START IN_PROGRESS',
      'START IN_PROGRESS',
      'ACTIVE',
    ]);
  });

  it('refuses to stop what is not ACTIVE and to start what is not INACTIVE', async () => {
    // Prepare
    const arn = recommenderArn('for-you');
    await make.recommender(group);

    // Act
    const stopWhileCreating = await outcomeOf(stop(arn));
    const startWhileCreating = await outcomeOf(start(arn));
    clock.advance(childSettleMs);
    const startActive = await outcomeOf(start(arn));
    await stop(arn);
    const stopAgain = await outcomeOf(stop(arn));

    // Assess
    expect(stopWhileCreating).toBeInstanceOf(ResourceInUseException);
    expect(stopWhileCreating).toMatchObject({
      message: `Recommender ${arn} is CREATE PENDING; only a recommender in ACTIVE can be stopped`,
    });
    expect(startWhileCreating).toMatchObject({
      message: `Recommender ${arn} is CREATE PENDING; only a recommender in INACTIVE can be started`,
    });
    expect(startActive).toMatchObject({
      message: `Recommender ${arn} is ACTIVE; only a recommender in INACTIVE can be started`,
    });
    expect(stopAgain).toMatchObject({
      message: `Recommender ${arn} is STOP PENDING; only a recommender in ACTIVE can be stopped`,
    });
  });

  it.each([
    ['STOP PENDING', 0, 'INACTIVE'],
    ['STOP IN_PROGRESS', childLifecycle.childPendingMs, 'INACTIVE'],
  ])(
    'refuses DeleteRecommender while %s',
    async (status, advanceMs, settled) => {
      // Prepare
      const arn = recommenderArn('for-you');
      await make.settled(make.recommender(group));
      await stop(arn);
      clock.advance(advanceMs);

      // Act
      const refused = await outcomeOf(remove(arn));

      // Assess
      expect(refused).toBeInstanceOf(ResourceInUseException);
      expect(refused).toMatchObject({
        message: `Recommender ${arn} is ${status}; wait until it is ${settled}`,
      });
    },
  );

  it.each([
    ['START PENDING', 0],
    ['START IN_PROGRESS', childLifecycle.childPendingMs],
  ])('refuses DeleteRecommender while %s', async (status, advanceMs) => {
    // Prepare
    const arn = recommenderArn('for-you');
    await make.settled(make.recommender(group));
    await stop(arn);
    clock.advance(
      childLifecycle.childPendingMs + childLifecycle.recommenderStopMs,
    );
    await start(arn);
    clock.advance(advanceMs);

    // Act
    const refused = await outcomeOf(remove(arn));

    // Assess
    expect(refused).toMatchObject({
      message: `Recommender ${arn} is ${status}; wait until it is ACTIVE`,
    });
  });

  it('deletes an INACTIVE recommender and a CREATE FAILED one', async () => {
    // Prepare
    emulator.faults.childCreateFailed({ kind: 'recommender', match: 'broken' });
    await make.recommender(group, 'broken');
    await make.settled(make.recommender(group, 'resting'));
    await stop(recommenderArn('resting'));
    clock.advance(
      childLifecycle.childPendingMs + childLifecycle.recommenderStopMs,
    );

    // Act
    const failedStatus = await statusOf(recommenderArn('broken'));
    await remove(recommenderArn('broken'));
    await remove(recommenderArn('resting'));
    clock.advance(childGoneMs);

    // Assess
    expect(failedStatus).toBe('CREATE FAILED');
    expect(emulator.recommenders()).toEqual([]);
  });

  it('goes back to INACTIVE, with failureReason on the wire, when a deletion gives up', async () => {
    // Prepare
    const arn = recommenderArn('for-you');
    await make.settled(make.recommender(group));
    await stop(arn);
    clock.advance(
      childLifecycle.childPendingMs + childLifecycle.recommenderStopMs,
    );
    emulator.faults.childDeleteFailed({
      kind: 'recommender',
      failureReason: 'Internal error while deleting',
    });

    // Act
    await remove(arn);
    const deleting = await statusOf(arn);
    clock.advance(childGoneMs);
    const { recommender } = await client.send(
      new DescribeRecommenderCommand({ recommenderArn: arn }),
    );

    // Assess
    expect(deleting).toBe('DELETE PENDING');
    expect(recommender).toMatchObject({
      status: 'INACTIVE',
      failureReason: 'Internal error while deleting',
      lastUpdatedDateTime: new Date(clock.now()),
    });
  });

  it('pages ListRecommenders of a group with paginateListRecommenders, newest first', async () => {
    // Prepare
    for (const name of ['a', 'b', 'c']) {
      await make.recommender(group, name);
      clock.advance(1);
    }

    // Act
    const names: Array<string | undefined> = [];
    for await (const page of paginateListRecommenders(
      { client, pageSize: 2 },
      { datasetGroupArn: group },
    )) {
      names.push(...(page.recommenders ?? []).map((item) => item.name));
    }

    // Assess
    expect(names).toEqual(['c', 'b', 'a']);
  });
});
