import {
  CreateDatasetCommand,
  DeleteCampaignCommand,
  DeleteDatasetCommand,
  DeleteDatasetGroupCommand,
  DeleteEventTrackerCommand,
  DeleteFilterCommand,
  DeleteMetricAttributionCommand,
  DeleteRecommenderCommand,
  DeleteSchemaCommand,
  DeleteSolutionCommand,
  DescribeDatasetGroupCommand,
  type PersonalizeClient,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-personalize';
import { describe, expect, it } from 'vitest';
import type {
  ManualClock,
  RunningPersonalizeEmulator,
} from '#local/personalize/index.ts';
import {
  campaignArn,
  childGoneMs,
  childLifecycle,
  type childMaker,
  eventTrackerArn,
  filterArn,
  metricAttributionArn,
  outcomeOf,
  recommenderArn,
  useChildEmulator,
} from './child-fixtures.ts';
import {
  activeGroup,
  activeInteractionsDataset,
  createSchema,
  datasetArn,
  datasetSettleMs,
  ecommerceInteractionsDefinition,
  groupArn,
  schemaArn,
} from './dataset-fixtures.ts';

/**
 * The deletion order the emulator enforces across kinds (a group and its
 * datasets are kept while anything uses them), and the deletion log a
 * cascade is checked against.
 */
describe('Personalize emulator deletion order and deletion log', () => {
  let clock: ManualClock;
  let emulator: RunningPersonalizeEmulator;
  let client: PersonalizeClient;
  let make: ReturnType<typeof childMaker>;

  useChildEmulator((world) => {
    ({ clock, emulator, client, make } = world);
  });

  const deleteGroup = (name: string) =>
    client.send(
      new DeleteDatasetGroupCommand({ datasetGroupArn: groupArn(name) }),
    );

  /**
   * An ECOMMERCE group `shop` holding one of everything: an Interactions
   * dataset, an event tracker, a filter, a metric attribution, a
   * recommender, a trained solution and a campaign on it, all ACTIVE.
   */
  const fullShop = async () => {
    const datasetGroupArn = await activeGroup(
      client,
      clock,
      'shop',
      'ECOMMERCE',
    );
    await createSchema(
      client,
      'shop-interactions',
      ecommerceInteractionsDefinition,
      'ECOMMERCE',
    );
    await client.send(
      new CreateDatasetCommand({
        name: 'shop-interactions',
        datasetGroupArn,
        datasetType: 'Interactions',
        schemaArn: schemaArn('shop-interactions'),
      }),
    );
    clock.advance(datasetSettleMs);
    await make.eventTracker(datasetGroupArn);
    await make.filter(datasetGroupArn);
    await make.metricAttribution(datasetGroupArn);
    await make.recommender(datasetGroupArn);
    const trained = await make.trainedSolution(datasetGroupArn);
    await make.settled(make.campaign(trained.version));
    return { datasetGroupArn, ...trained };
  };

  describe('DeleteDatasetGroup', () => {
    it('refuses while the group holds anything, naming all it holds', async () => {
      // Prepare
      await fullShop();

      // Act
      const refused = await outcomeOf(deleteGroup('shop'));

      // Assess
      expect(refused).toBeInstanceOf(ResourceInUseException);
      expect(refused).toMatchObject({
        message: `Dataset group ${groupArn('shop')} still contains 1 dataset, 1 event tracker, 1 solution, 1 recommender, 1 filter, 1 metric attribution; delete them first`,
      });
    });

    it.each([
      ['event tracker', (group: string) => make.eventTracker(group)],
      ['filter', (group: string) => make.filter(group)],
      ['solution', (group: string) => make.solution(group)],
      ['metric attribution', (group: string) => make.metricAttribution(group)],
      ['recommender', (group: string) => make.recommender(group)],
    ])(
      'refuses while the group holds only a %s, until it is gone',
      async (noun, create) => {
        // Prepare
        const group = await activeGroup(client, clock, 'shop', 'ECOMMERCE');
        await make.settled(create(group));
        const [child] = [
          ...emulator.eventTrackers(),
          ...emulator.filters(),
          ...emulator.solutions(),
          ...emulator.metricAttributions(),
          ...emulator.recommenders(),
        ];
        const deleteChild = {
          'event tracker': DeleteEventTrackerCommand,
          filter: DeleteFilterCommand,
          solution: DeleteSolutionCommand,
          'metric attribution': DeleteMetricAttributionCommand,
          recommender: DeleteRecommenderCommand,
        }[noun];
        const arnMember = {
          'event tracker': 'eventTrackerArn',
          filter: 'filterArn',
          solution: 'solutionArn',
          'metric attribution': 'metricAttributionArn',
          recommender: 'recommenderArn',
        }[noun];

        // Act
        const holding = await outcomeOf(deleteGroup('shop'));
        await client.send(
          new (deleteChild as typeof DeleteFilterCommand)({
            [arnMember ?? '']: child?.arn,
          } as never),
        );
        const whileGoing = await outcomeOf(deleteGroup('shop'));
        clock.advance(childGoneMs);
        const afterwards = await outcomeOf(deleteGroup('shop'));

        // Assess
        expect(holding).toBeInstanceOf(ResourceInUseException);
        expect(holding).toMatchObject({
          message: `Dataset group ${groupArn('shop')} still contains 1 ${noun}; delete them first`,
        });
        expect(whileGoing).toBeInstanceOf(ResourceInUseException);
        expect(afterwards).toMatchObject({
          $metadata: { httpStatusCode: 200 },
        });
      },
    );

    it('counts several of a kind', async () => {
      // Prepare
      const group = await activeGroup(client, clock, 'shop');
      await make.filter(group, 'one');
      await make.filter(group, 'two');
      await make.solution(group, 'three');

      // Act
      const refused = await outcomeOf(deleteGroup('shop'));

      // Assess
      expect(refused).toMatchObject({
        message: `Dataset group ${groupArn('shop')} still contains 1 solution, 2 filters; delete them first`,
      });
    });
  });

  describe('DeleteDataset', () => {
    it.each([
      ['event tracker', (group: string) => make.eventTracker(group)],
      ['solution', (group: string) => make.solution(group)],
    ])('refuses while the group has a %s', async (noun, create) => {
      // Prepare
      const dataset = await activeInteractionsDataset(client, clock, 'shop');
      await make.settled(create(groupArn('shop')));

      // Act
      const refused = await outcomeOf(
        client.send(new DeleteDatasetCommand({ datasetArn: dataset })),
      );

      // Assess
      expect(refused).toBeInstanceOf(ResourceInUseException);
      expect(refused).toMatchObject({
        message: `Dataset ${dataset} is in use: dataset group ${groupArn('shop')} still contains 1 ${noun}; delete them first`,
      });
    });

    it('refuses while a domain group has a recommender, even one being deleted', async () => {
      // Prepare
      const { datasetGroupArn } = await fullShop();
      for (const [Command, input] of [
        [DeleteCampaignCommand, { campaignArn: campaignArn('campaign') }],
        [
          DeleteEventTrackerCommand,
          { eventTrackerArn: eventTrackerArn('tracker') },
        ],
      ] as const) {
        await client.send(
          new (Command as typeof DeleteCampaignCommand)(input as never),
        );
      }
      clock.advance(childGoneMs);
      await client.send(
        new DeleteSolutionCommand({
          solutionArn: emulator.solutions()[0]?.arn,
        }),
      );
      await client.send(
        new DeleteRecommenderCommand({
          recommenderArn: recommenderArn('for-you'),
        }),
      );

      // Act
      const refused = await outcomeOf(
        client.send(
          new DeleteDatasetCommand({
            datasetArn: datasetArn('shop', 'INTERACTIONS'),
          }),
        ),
      );
      clock.advance(childGoneMs);
      const accepted = await client.send(
        new DeleteDatasetCommand({
          datasetArn: datasetArn('shop', 'INTERACTIONS'),
        }),
      );

      // Assess
      expect(refused).toMatchObject({
        message: `Dataset ${datasetArn('shop', 'INTERACTIONS')} is in use: dataset group ${datasetGroupArn} still contains 1 solution, 1 recommender; delete them first`,
      });
      expect(accepted.$metadata.httpStatusCode).toBe(200);
    });

    it('is not held back by filters and metric attributions', async () => {
      // Prepare
      const dataset = await activeInteractionsDataset(client, clock, 'shop');
      await make.settled(make.filter(groupArn('shop')));
      await make.settled(make.metricAttribution(groupArn('shop')));

      // Act
      const accepted = await client.send(
        new DeleteDatasetCommand({ datasetArn: dataset }),
      );

      // Assess
      expect(accepted.$metadata.httpStatusCode).toBe(200);
    });
  });

  describe('deletionLog()', () => {
    it('records a whole teardown in the order it went, each child before its parent', async () => {
      // Prepare
      const { datasetGroupArn, solution, version } = await fullShop();
      const start = clock.now();

      // Act
      await client.send(
        new DeleteCampaignCommand({ campaignArn: campaignArn('campaign') }),
      );
      await client.send(
        new DeleteFilterCommand({ filterArn: filterArn('no-clicks') }),
      );
      clock.advance(10);
      await client.send(
        new DeleteMetricAttributionCommand({
          metricAttributionArn: metricAttributionArn('revenue'),
        }),
      );
      await client.send(
        new DeleteEventTrackerCommand({
          eventTrackerArn: eventTrackerArn('tracker'),
        }),
      );
      await client.send(
        new DeleteRecommenderCommand({
          recommenderArn: recommenderArn('for-you'),
        }),
      );
      clock.advance(childGoneMs);
      await client.send(new DeleteSolutionCommand({ solutionArn: solution }));
      clock.advance(childGoneMs);
      await client.send(
        new DeleteDatasetCommand({
          datasetArn: datasetArn('shop', 'INTERACTIONS'),
        }),
      );
      clock.advance(
        childLifecycle.datasetPendingMs + childLifecycle.datasetDeleteMs,
      );
      await client.send(new DeleteDatasetGroupCommand({ datasetGroupArn }));
      await client.send(
        new DeleteSchemaCommand({ schemaArn: schemaArn('shop-interactions') }),
      );
      clock.advance(childLifecycle.deleteMs);
      const groupGone = await outcomeOf(
        client.send(new DescribeDatasetGroupCommand({ datasetGroupArn })),
      );
      const log = emulator.deletionLog();

      // Assess
      const solutionGoneAt = start + 10 + 2 * childGoneMs;
      const datasetGoneAt =
        solutionGoneAt +
        childLifecycle.datasetPendingMs +
        childLifecycle.datasetDeleteMs;
      expect(groupGone).toBeInstanceOf(ResourceNotFoundException);
      expect(log).toEqual([
        {
          kind: 'campaign',
          arn: campaignArn('campaign'),
          name: 'campaign',
          goneAt: start + childGoneMs,
        },
        {
          kind: 'filter',
          arn: filterArn('no-clicks'),
          name: 'no-clicks',
          goneAt: start + childGoneMs,
        },
        {
          kind: 'eventTracker',
          arn: eventTrackerArn('tracker'),
          name: 'tracker',
          goneAt: start + 10 + childGoneMs,
        },
        {
          kind: 'recommender',
          arn: recommenderArn('for-you'),
          name: 'for-you',
          goneAt: start + 10 + childGoneMs,
        },
        {
          kind: 'metricAttribution',
          arn: metricAttributionArn('revenue'),
          name: 'revenue',
          goneAt: start + 10 + childGoneMs,
        },
        {
          kind: 'solutionVersion',
          arn: version,
          name: version.split('/').at(-1),
          goneAt: solutionGoneAt,
        },
        {
          kind: 'solution',
          arn: solution,
          name: 'solution',
          goneAt: solutionGoneAt,
        },
        {
          kind: 'dataset',
          arn: datasetArn('shop', 'INTERACTIONS'),
          name: 'shop-interactions',
          goneAt: datasetGoneAt,
        },
        {
          kind: 'schema',
          arn: schemaArn('shop-interactions'),
          name: 'shop-interactions',
          goneAt: datasetGoneAt,
        },
        {
          kind: 'datasetGroup',
          arn: datasetGroupArn,
          name: 'shop',
          goneAt: datasetGoneAt + childLifecycle.deleteMs,
        },
      ]);
    });

    it('holds a resource only once it is gone, whenever the emulator is read', async () => {
      // Prepare
      const group = await activeGroup(client, clock, 'shop');
      await make.settled(make.filter(group));
      await client.send(
        new DeleteFilterCommand({ filterArn: filterArn('no-clicks') }),
      );
      const deletedAt = clock.now();

      // Act
      const whileDeleting = emulator.deletionLog();
      clock.advance(10 * childGoneMs);
      const later = emulator.deletionLog();

      // Assess
      expect(whileDeleting).toEqual([]);
      expect(later).toEqual([
        {
          kind: 'filter',
          arn: filterArn('no-clicks'),
          name: 'no-clicks',
          goneAt: deletedAt + childGoneMs,
        },
      ]);
    });

    it('does not record a deletion that gave up', async () => {
      // Prepare
      const group = await activeGroup(client, clock, 'shop');
      await make.settled(make.filter(group));
      emulator.faults.childDeleteFailed({ kind: 'filter' });

      // Act
      await client.send(
        new DeleteFilterCommand({ filterArn: filterArn('no-clicks') }),
      );
      clock.advance(childGoneMs);

      // Assess
      expect(emulator.deletionLog()).toEqual([]);
      expect(emulator.filters()).toMatchObject([{ status: 'ACTIVE' }]);
    });
  });

  it('forgets every new kind and the deletion log on reset()', async () => {
    // Prepare
    await fullShop();
    await client.send(
      new DeleteFilterCommand({ filterArn: filterArn('no-clicks') }),
    );
    clock.advance(childGoneMs);
    const before = emulator.deletionLog().length;

    // Act
    emulator.reset();

    // Assess
    expect(before).toBe(1);
    expect(emulator.deletionLog()).toEqual([]);
    for (const views of [
      emulator.eventTrackers(),
      emulator.filters(),
      emulator.solutions(),
      emulator.solutionVersions(),
      emulator.campaigns(),
      emulator.recommenders(),
      emulator.metricAttributions(),
    ]) {
      expect(views).toEqual([]);
    }
  });
});
