import {
  CreateDatasetCommand,
  type CreateDatasetCommandInput,
  CreateDatasetGroupCommand,
  DeleteDatasetCommand,
  DeleteDatasetGroupCommand,
  DescribeDatasetCommand,
  InvalidInputException,
  InvalidNextTokenException,
  LimitExceededException,
  ListDatasetsCommand,
  ListTagsForResourceCommand,
  type PersonalizeClient,
  paginateListDatasets,
  ResourceAlreadyExistsException,
  ResourceInUseException,
  ResourceNotFoundException,
  TagResourceCommand,
  TooManyTagsException,
  UntagResourceCommand,
} from '@aws-sdk/client-personalize';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createManualClock,
  type ManualClock,
  type RunningPersonalizeEmulator,
  startPersonalizeEmulator,
} from '#local/personalize/index.ts';
import {
  activeGroup,
  activeInteractionsDataset,
  clientFor,
  createSchema,
  datasetArn,
  datasetSettleMs,
  ecommerceInteractionsDefinition,
  ecommerceItemsDefinition,
  groupArn,
  interactionsDefinition,
  itemsDefinition,
  lifecycle,
  schemaArn,
  startImport,
} from './dataset-fixtures.ts';

/**
 * CreateDataset, DescribeDataset, ListDatasets and DeleteDataset as the
 * real @aws-sdk/client-personalize sees them, with the lifecycle on a
 * manual clock, the domain rules, and the group kept while it holds
 * datasets.
 */
describe('Personalize emulator datasets through @aws-sdk/client-personalize', () => {
  let clock: ManualClock;
  let emulator: RunningPersonalizeEmulator;
  let client: PersonalizeClient;

  beforeAll(async () => {
    clock = createManualClock(Date.UTC(2026, 10, 25, 12));
    emulator = await startPersonalizeEmulator({ clock, lifecycle });
    client = clientFor(emulator.endpoint);
  });

  afterAll(async () => {
    client?.destroy();
    await emulator?.close();
  });

  beforeEach(() => {
    emulator.reset();
    emulator.setLifecycle(lifecycle);
  });

  const createDataset = (input: Partial<CreateDatasetCommandInput>) =>
    client.send(
      new CreateDatasetCommand({
        name: 'shop-interactions',
        datasetGroupArn: groupArn('shop'),
        datasetType: 'Interactions',
        schemaArn: schemaArn('interactions'),
        ...input,
      }),
    );

  const describeDataset = async (arn: string) =>
    (await client.send(new DescribeDatasetCommand({ datasetArn: arn })))
      .dataset;

  /** An ACTIVE custom group `shop` and an Interactions schema. */
  const customShop = async () => {
    await activeGroup(client, clock, 'shop');
    await createSchema(client, 'interactions', interactionsDefinition);
  };

  describe('CreateDataset and DescribeDataset', () => {
    it('returns the ARN of the group and type, and describes the dataset', async () => {
      // Prepare
      await customShop();
      const createdAt = clock.now();

      // Act
      const created = await createDataset({ datasetType: 'interactions' });
      const dataset = await describeDataset(created.datasetArn ?? '');

      // Assess
      expect(created.datasetArn).toBe(datasetArn('shop', 'INTERACTIONS'));
      expect(dataset).toEqual({
        name: 'shop-interactions',
        datasetArn: datasetArn('shop', 'INTERACTIONS'),
        datasetGroupArn: groupArn('shop'),
        datasetType: 'Interactions',
        schemaArn: schemaArn('interactions'),
        status: 'CREATE PENDING',
        creationDateTime: new Date(createdAt),
        lastUpdatedDateTime: new Date(createdAt),
      });
    });

    it('moves the dataset through CREATE PENDING and CREATE IN_PROGRESS to ACTIVE on the clock', async () => {
      // Prepare
      await customShop();
      const { datasetArn: arn = '' } = await createDataset({});
      const statuses: Array<string | undefined> = [];

      // Act
      for (const advanceMs of [0, 99, 1, 299, 1]) {
        clock.advance(advanceMs);
        statuses.push((await describeDataset(arn))?.status);
      }

      // Assess
      expect(statuses).toEqual([
        'CREATE PENDING',
        'CREATE PENDING',
        'CREATE IN_PROGRESS',
        'CREATE IN_PROGRESS',
        'ACTIVE',
      ]);
      const active = await describeDataset(arn);
      expect(active?.lastUpdatedDateTime?.getTime()).toBe(
        (active?.creationDateTime?.getTime() ?? 0) + datasetSettleMs,
      );
    });

    it('follows timings changed with setLifecycle', async () => {
      // Prepare
      await customShop();
      const { datasetArn: arn = '' } = await createDataset({});

      // Act
      emulator.setLifecycle({
        ...lifecycle,
        datasetPendingMs: 0,
        datasetInProgressMs: 0,
      });
      const status = (await describeDataset(arn))?.status;

      // Assess
      expect(status).toBe('ACTIVE');
    });

    it('takes every type in a custom group, and each type once', async () => {
      // Prepare
      await customShop();
      await createSchema(client, 'items', itemsDefinition);

      // Act
      await createDataset({});
      await createDataset({
        name: 'shop-items',
        datasetType: 'ITEMS',
        schemaArn: schemaArn('items'),
      });
      const again = createDataset({ name: 'other', datasetType: 'Items' });

      // Assess
      await expect(again).rejects.toBeInstanceOf(
        ResourceAlreadyExistsException,
      );
      await expect(again).rejects.toThrow(
        `Dataset group ${groupArn('shop')} already has a dataset of type Items`,
      );
      expect(emulator.datasets().map((dataset) => dataset.datasetType)).toEqual(
        ['Interactions', 'Items'],
      );
    });

    it('answers ResourceNotFoundException when the group does not exist', async () => {
      // Prepare
      await createSchema(client, 'interactions', interactionsDefinition);

      // Act
      const attempt = createDataset({});

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceNotFoundException);
    });

    it('answers ResourceInUseException while the group is not ACTIVE yet', async () => {
      // Prepare
      await client.send(new CreateDatasetGroupCommand({ name: 'shop' }));
      await createSchema(client, 'interactions', interactionsDefinition);

      // Act
      const attempt = createDataset({});

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceInUseException);
      await expect(attempt).rejects.toThrow(
        `Dataset group ${groupArn('shop')} is CREATE PENDING; datasets can be added once it is ACTIVE`,
      );
    });

    it('answers ResourceNotFoundException when the schema does not exist', async () => {
      // Prepare
      await activeGroup(client, clock, 'shop');

      // Act
      const attempt = createDataset({});

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceNotFoundException);
    });

    it('refuses a schema that lacks a field the type needs with InvalidInputException naming the field', async () => {
      // Prepare
      await activeGroup(client, clock, 'shop');
      await createSchema(client, 'items', itemsDefinition);

      // Act
      const attempt = createDataset({ schemaArn: schemaArn('items') });

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputException);
      await expect(attempt).rejects.toThrow(
        `Schema ${schemaArn('items')} does not fit a Interactions dataset: field USER_ID is required for Interactions (type "string"); field TIMESTAMP is required for Interactions (type "long")`,
      );
      expect(emulator.datasets()).toEqual([]);
    });

    it('refuses a type a domain group does not take with InvalidInputException', async () => {
      // Prepare
      await activeGroup(client, clock, 'shop', 'ECOMMERCE');

      // Act
      const attempt = createDataset({ datasetType: 'Actions' });

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputException);
      await expect(attempt).rejects.toThrow(
        /Dataset type Actions is not available .* of domain ECOMMERCE: it takes Interactions, Items, Users/,
      );
    });

    it('refuses a schema with a domain in a custom group with InvalidInputException', async () => {
      // Prepare
      await activeGroup(client, clock, 'shop');
      await createSchema(
        client,
        'interactions',
        ecommerceInteractionsDefinition,
        'ECOMMERCE',
      );

      // Act
      const attempt = createDataset({});

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputException);
      await expect(attempt).rejects.toThrow(
        /has domain ECOMMERCE, but dataset group .* has no domain: use a schema without a domain/,
      );
    });

    it('refuses a schema without the group’s domain in a domain group with InvalidInputException', async () => {
      // Prepare
      await activeGroup(client, clock, 'shop', 'ECOMMERCE');
      await createSchema(
        client,
        'interactions',
        ecommerceInteractionsDefinition,
      );

      // Act
      const attempt = createDataset({});

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputException);
      await expect(attempt).rejects.toThrow(
        /has no domain, but dataset group .* has domain ECOMMERCE: use a schema of domain ECOMMERCE/,
      );
    });

    it('checks the domain’s required fields in a domain group', async () => {
      // Prepare
      await activeGroup(client, clock, 'shop', 'ECOMMERCE');
      await createSchema(client, 'items', itemsDefinition, 'ECOMMERCE');
      await createSchema(client, 'good', ecommerceItemsDefinition, 'ECOMMERCE');

      // Act
      const refused = await createDataset({
        datasetType: 'Items',
        schemaArn: schemaArn('items'),
      }).catch((error: unknown) => error);
      const created = await createDataset({
        datasetType: 'Items',
        schemaArn: schemaArn('good'),
      });

      // Assess
      expect(refused).toBeInstanceOf(InvalidInputException);
      expect(refused).toMatchObject({
        message: expect.stringMatching(
          /field PRICE is required for Items in a group of domain ECOMMERCE/,
        ),
      });
      expect(created.datasetArn).toBe(datasetArn('shop', 'ITEMS'));
    });

    it.each([
      [
        'an unknown dataset type',
        { datasetType: 'Purchases' },
        /Purchases is not a dataset type/,
      ],
      [
        'a type that breaks the pattern',
        { datasetType: 'Items-1' },
        /'datasetType'/,
      ],
      ['an empty name', { name: '' }, /'name'/],
      ['a malformed schema ARN', { schemaArn: 'schema/x' }, /'schemaArn'/],
      [
        'a missing group ARN',
        { datasetGroupArn: undefined },
        /'datasetGroupArn'.*must not be null/,
      ],
      [
        'a reserved tag key',
        { tags: [{ tagKey: 'aws:x', tagValue: 'y' }] },
        /reserved prefix/,
      ],
    ])('rejects %s with InvalidInputException', async (_, change, message) => {
      // Prepare
      await customShop();

      // Act
      const attempt = createDataset(change as never);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputException);
      await expect(attempt).rejects.toThrow(message);
      expect(emulator.datasets()).toEqual([]);
    });

    it('refuses more than 50 tags with TooManyTagsException', async () => {
      // Prepare
      await customShop();
      const tags = Array.from({ length: 51 }, (_, index) => ({
        tagKey: `k${index}`,
        tagValue: 'v',
      }));

      // Act
      const attempt = createDataset({ tags });

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(TooManyTagsException);
    });

    it('answers ResourceNotFoundException for a dataset that does not exist', async () => {
      // Act
      const attempt = describeDataset(datasetArn('none', 'ITEMS'));

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceNotFoundException);
    });
  });

  describe('ListDatasets', () => {
    it('pages one group’s datasets newest first through paginateListDatasets', async () => {
      // Prepare
      await customShop();
      await createSchema(client, 'items', itemsDefinition);
      await createSchema(
        client,
        'users',
        itemsDefinition.replace('ITEM_ID', 'USER_ID'),
      );
      await activeGroup(client, clock, 'other');
      await createDataset({ datasetGroupArn: groupArn('other') });
      for (const [type, schema] of [
        ['Interactions', 'interactions'],
        ['Items', 'items'],
        ['Users', 'users'],
      ] as const) {
        await createDataset({
          name: `shop-${schema}`,
          datasetType: type,
          schemaArn: schemaArn(schema),
        });
        clock.advance(10);
      }

      // Act
      const pages = [];
      for await (const page of paginateListDatasets(
        { client, pageSize: 2 },
        { datasetGroupArn: groupArn('shop') },
      )) {
        pages.push(page);
      }
      const everywhere = await client.send(new ListDatasetsCommand({}));

      // Assess
      expect(pages.map((page) => page.datasets?.length)).toEqual([2, 1]);
      const listed = pages.flatMap((page) => page.datasets ?? []);
      expect(listed.map((dataset) => dataset.datasetType)).toEqual([
        'Users',
        'Items',
        'Interactions',
      ]);
      expect(listed[0]).toEqual({
        name: 'shop-users',
        datasetArn: datasetArn('shop', 'USERS'),
        datasetType: 'Users',
        status: 'CREATE PENDING',
        creationDateTime: expect.any(Date),
        lastUpdatedDateTime: expect.any(Date),
      });
      expect(everywhere.datasets).toHaveLength(4);
    });

    it('refuses a nextToken issued for another group with InvalidNextTokenException', async () => {
      // Prepare
      await customShop();
      await createSchema(client, 'items', itemsDefinition);
      await createDataset({});
      await createDataset({
        name: 'i',
        datasetType: 'Items',
        schemaArn: schemaArn('items'),
      });
      const first = await client.send(
        new ListDatasetsCommand({
          datasetGroupArn: groupArn('shop'),
          maxResults: 1,
        }),
      );

      // Act
      const attempt = client.send(
        new ListDatasetsCommand({
          datasetGroupArn: groupArn('elsewhere'),
          nextToken: first.nextToken,
        }),
      );

      // Assess
      expect(first.nextToken).toEqual(expect.any(String));
      await expect(attempt).rejects.toBeInstanceOf(InvalidNextTokenException);
    });

    it('rejects a malformed group ARN with InvalidInputException', async () => {
      // Act
      const attempt = client.send(
        new ListDatasetsCommand({ datasetGroupArn: 'shop' }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputException);
    });
  });

  describe('DeleteDataset', () => {
    it('moves an ACTIVE dataset through DELETE PENDING and DELETE IN_PROGRESS, then forgets it', async () => {
      // Prepare
      const arn = await activeInteractionsDataset(client, clock, 'shop');

      // Act
      await client.send(new DeleteDatasetCommand({ datasetArn: arn }));
      const statuses = [(await describeDataset(arn))?.status];
      clock.advance(lifecycle.datasetPendingMs);
      statuses.push((await describeDataset(arn))?.status);
      clock.advance(lifecycle.datasetDeleteMs - 1);
      statuses.push((await describeDataset(arn))?.status);
      clock.advance(1);
      const gone = describeDataset(arn);

      // Assess
      expect(statuses).toEqual([
        'DELETE PENDING',
        'DELETE IN_PROGRESS',
        'DELETE IN_PROGRESS',
      ]);
      await expect(gone).rejects.toBeInstanceOf(ResourceNotFoundException);
      expect(emulator.datasets()).toEqual([]);
    });

    it('accepts a second delete of a dataset already being deleted', async () => {
      // Prepare
      const arn = await activeInteractionsDataset(client, clock, 'shop');
      await client.send(new DeleteDatasetCommand({ datasetArn: arn }));

      // Act
      const again = await client.send(
        new DeleteDatasetCommand({ datasetArn: arn }),
      );

      // Assess
      expect(again.$metadata.httpStatusCode).toBe(200);
      expect((await describeDataset(arn))?.status).toBe('DELETE PENDING');
    });

    it('refuses with ResourceInUseException while the dataset is being created', async () => {
      // Prepare
      await customShop();
      const { datasetArn: arn = '' } = await createDataset({});

      // Act
      const attempt = client.send(
        new DeleteDatasetCommand({ datasetArn: arn }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceInUseException);
      await expect(attempt).rejects.toThrow(
        `Dataset ${arn} is CREATE PENDING; wait until it is ACTIVE or CREATE FAILED`,
      );
    });

    it('refuses with ResourceInUseException while an import into it has not ended, then deletes it', async () => {
      // Prepare
      const arn = await activeInteractionsDataset(client, clock, 'shop');
      const { datasetImportJobArn } = await startImport(client, 'load', arn);
      const deleteDataset = () =>
        client
          .send(new DeleteDatasetCommand({ datasetArn: arn }))
          .catch((error: unknown) => error);

      // Act
      const whilePending = await deleteDataset();
      clock.advance(lifecycle.importPendingMs);
      const whileRunning = await deleteDataset();
      clock.advance(lifecycle.importInProgressMs);
      const afterwards = await deleteDataset();

      // Assess
      expect(whilePending).toBeInstanceOf(ResourceInUseException);
      expect(whilePending).toMatchObject({
        message: `Dataset ${arn} has dataset import job ${datasetImportJobArn} in CREATE PENDING; wait until it is ACTIVE or CREATE FAILED`,
      });
      expect(whileRunning).toBeInstanceOf(ResourceInUseException);
      expect(whileRunning).toMatchObject({
        message: expect.stringContaining('in CREATE IN_PROGRESS'),
      });
      expect(afterwards).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    });

    it('forgets the dataset’s import jobs with it', async () => {
      // Prepare
      const arn = await activeInteractionsDataset(client, clock, 'shop');
      await startImport(client, 'load', arn);
      clock.advance(lifecycle.importPendingMs + lifecycle.importInProgressMs);
      await client.send(new DeleteDatasetCommand({ datasetArn: arn }));

      // Act
      clock.advance(lifecycle.datasetPendingMs + lifecycle.datasetDeleteMs);

      // Assess
      expect(emulator.importJobs()).toEqual([]);
    });

    it('answers ResourceNotFoundException for a dataset that does not exist', async () => {
      // Act
      const attempt = client.send(
        new DeleteDatasetCommand({ datasetArn: datasetArn('x', 'ITEMS') }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceNotFoundException);
    });
  });

  describe('DeleteDatasetGroup of a group that holds datasets', () => {
    it('refuses with ResourceInUseException until the datasets are gone', async () => {
      // Prepare
      const arn = await activeInteractionsDataset(client, clock, 'shop');
      const deleteGroup = () =>
        client
          .send(
            new DeleteDatasetGroupCommand({
              datasetGroupArn: groupArn('shop'),
            }),
          )
          .catch((error: unknown) => error);

      // Act
      const holding = await deleteGroup();
      await client.send(new DeleteDatasetCommand({ datasetArn: arn }));
      const whileDeleting = await deleteGroup();
      clock.advance(lifecycle.datasetPendingMs + lifecycle.datasetDeleteMs);
      const afterwards = await deleteGroup();

      // Assess
      expect(holding).toBeInstanceOf(ResourceInUseException);
      expect(holding).toMatchObject({
        message: `Dataset group ${groupArn('shop')} still contains 1 dataset; delete them first`,
      });
      expect(whileDeleting).toBeInstanceOf(ResourceInUseException);
      expect(afterwards).toMatchObject({ $metadata: { httpStatusCode: 200 } });
      expect(emulator.datasetGroups()[0]?.status).toBe('DELETE PENDING');
    });

    it('shows the group as holding datasets in datasetGroups()', async () => {
      // Act
      await activeInteractionsDataset(client, clock, 'shop');

      // Assess
      expect(emulator.datasetGroups()).toMatchObject([
        { name: 'shop', hasDatasets: true },
      ]);
    });
  });

  describe('tags on datasets', () => {
    it('adds, lists and removes tags of a dataset ARN', async () => {
      // Prepare
      await customShop();
      const { datasetArn: resourceArn = '' } = await createDataset({
        tags: [{ tagKey: 'team', tagValue: 'ml' }],
      });

      // Act
      await client.send(
        new TagResourceCommand({
          resourceArn,
          tags: [{ tagKey: 'stage', tagValue: 'dev' }],
        }),
      );
      const afterTag = await client.send(
        new ListTagsForResourceCommand({ resourceArn }),
      );
      await client.send(
        new UntagResourceCommand({ resourceArn, tagKeys: ['team'] }),
      );
      const afterUntag = await client.send(
        new ListTagsForResourceCommand({ resourceArn }),
      );

      // Assess
      expect(afterTag.tags).toEqual([
        { tagKey: 'team', tagValue: 'ml' },
        { tagKey: 'stage', tagValue: 'dev' },
      ]);
      expect(afterUntag.tags).toEqual([{ tagKey: 'stage', tagValue: 'dev' }]);
      expect(emulator.datasetGroups()[0]?.tags).toEqual([]);
    });

    it('answers ResourceNotFoundException for the tags of a dataset that does not exist', async () => {
      // Act
      const attempt = client.send(
        new ListTagsForResourceCommand({
          resourceArn: datasetArn('shop', 'ITEMS'),
        }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceNotFoundException);
    });

    it('refuses tags that would exceed 50 with TooManyTagsException', async () => {
      // Prepare
      await customShop();
      const { datasetArn: resourceArn = '' } = await createDataset({
        tags: Array.from({ length: 50 }, (_, index) => ({
          tagKey: `k${index}`,
          tagValue: 'v',
        })),
      });

      // Act
      const attempt = client.send(
        new TagResourceCommand({
          resourceArn,
          tags: [{ tagKey: 'one-more', tagValue: 'v' }],
        }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(TooManyTagsException);
    });
  });

  describe('fault injection', () => {
    it('ends a matching dataset CREATE FAILED, with the reason in datasets() only', async () => {
      // Prepare
      await customShop();
      emulator.faults.datasetCreateFailed({
        match: /^shop-/,
        failureReason: 'Schema rejected',
      });
      const { datasetArn: arn = '' } = await createDataset({});

      // Act
      clock.advance(datasetSettleMs);
      const dataset = await describeDataset(arn);

      // Assess
      expect(dataset?.status).toBe('CREATE FAILED');
      expect(dataset).not.toHaveProperty('failureReason');
      expect(emulator.datasets()).toMatchObject([
        { status: 'CREATE FAILED', failureReason: 'Schema rejected' },
      ]);
      expect(emulator.stats().faults.datasetCreateFailed).toBe(1);
    });

    it('leaves a dataset the fault does not match ACTIVE', async () => {
      // Prepare
      await customShop();
      emulator.faults.datasetCreateFailed({ match: 'someone-else' });
      const { datasetArn: arn = '' } = await createDataset({});

      // Act
      clock.advance(datasetSettleMs);

      // Assess
      expect((await describeDataset(arn))?.status).toBe('ACTIVE');
      expect(emulator.stats().faults.datasetCreateFailed).toBe(0);
    });

    it('keeps a never-active dataset in CREATE IN_PROGRESS', async () => {
      // Prepare
      await customShop();
      emulator.faults.datasetNeverActive({});
      const { datasetArn: arn = '' } = await createDataset({});

      // Act
      clock.advance(24 * 60 * 60 * 1_000);

      // Assess
      expect((await describeDataset(arn))?.status).toBe('CREATE IN_PROGRESS');
      expect(emulator.stats().faults.datasetNeverActive).toBe(1);
    });

    it('throttles, rate-limits and fails the dataset operations like any operation', async () => {
      // Prepare
      await customShop();
      emulator.faults.throttle({ operation: 'CreateDataset' });
      emulator.faults.serverError({ operation: 'ListDatasets', status: 503 });
      emulator.faults.rateLimit('DescribeDataset', { tps: 1, burst: 1 });

      // Act
      const throttled = await createDataset({}).catch(
        (error: unknown) => error,
      );
      const { datasetArn: arn = '' } = await createDataset({});
      const unavailable = await client
        .send(new ListDatasetsCommand({}))
        .catch((error: unknown) => error);
      await describeDataset(arn);
      const limited = await describeDataset(arn).catch(
        (error: unknown) => error,
      );

      // Assess
      expect(throttled).toBeInstanceOf(LimitExceededException);
      expect(unavailable).toMatchObject({
        name: 'ServiceUnavailable',
        $metadata: { httpStatusCode: 503 },
      });
      expect(limited).toBeInstanceOf(LimitExceededException);
      expect(emulator.datasets()).toHaveLength(1);
      expect(emulator.stats().faults).toMatchObject({
        throttle: 1,
        serverError: 1,
        rateLimit: 1,
      });
      emulator.faults.rateLimit('DescribeDataset', undefined);
    });
  });
});
