import {
  CreateDatasetCommand,
  CreateSchemaCommand,
  DeleteDatasetCommand,
  DeleteSchemaCommand,
  DescribeSchemaCommand,
  InvalidInputException,
  InvalidNextTokenException,
  LimitExceededException,
  ListSchemasCommand,
  type PersonalizeClient,
  paginateListSchemas,
  ResourceAlreadyExistsException,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-personalize';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyLimitExceeded } from '#commons/clients/limit-exceeded.ts';
import {
  createManualClock,
  type ManualClock,
  type RunningPersonalizeEmulator,
  startPersonalizeEmulator,
} from '#local/personalize/index.ts';
import {
  activeGroup,
  clientFor,
  createSchema,
  datasetSettleMs,
  interactionsDefinition,
  itemsDefinition,
  lifecycle,
  schemaArn,
} from './dataset-fixtures.ts';

/**
 * CreateSchema, DescribeSchema, ListSchemas and DeleteSchema as the real
 * @aws-sdk/client-personalize sees them.
 */
describe('Personalize emulator schemas through @aws-sdk/client-personalize', () => {
  let clock: ManualClock;
  let emulator: RunningPersonalizeEmulator;
  let client: PersonalizeClient;

  beforeAll(async () => {
    clock = createManualClock(Date.UTC(2026, 10, 25, 12));
    emulator = await startPersonalizeEmulator({
      clock,
      lifecycle,
      schemaQuota: 3,
    });
    client = clientFor(emulator.endpoint);
  });

  afterAll(async () => {
    client?.destroy();
    await emulator?.close();
  });

  beforeEach(() => {
    emulator.reset();
  });

  const describeSchema = async (arn: string) =>
    (await client.send(new DescribeSchemaCommand({ schemaArn: arn }))).schema;

  describe('CreateSchema and DescribeSchema', () => {
    it('returns the ARN and describes the schema with its text, domain and dates', async () => {
      // Act
      const created = await createSchema(
        client,
        'shop-items',
        itemsDefinition,
        'ECOMMERCE',
      );
      const schema = await describeSchema(created);

      // Assess
      expect(created).toBe(schemaArn('shop-items'));
      expect(schema).toEqual({
        name: 'shop-items',
        schemaArn: schemaArn('shop-items'),
        schema: itemsDefinition,
        domain: 'ECOMMERCE',
        creationDateTime: new Date(Date.UTC(2026, 10, 25, 12)),
        lastUpdatedDateTime: new Date(Date.UTC(2026, 10, 25, 12)),
      });
    });

    it('leaves the domain out of a schema created without one', async () => {
      // Act
      const arn = await createSchema(client, 'custom', interactionsDefinition);

      // Assess
      expect(await describeSchema(arn)).not.toHaveProperty('domain');
    });

    it('accepts a record without any dataset type’s required fields: CreateDataset checks those', async () => {
      // Prepare
      const bare = JSON.stringify({
        type: 'record',
        name: 'Bare',
        fields: [{ name: 'SOMETHING', type: 'string' }],
      });

      // Act
      const arn = await createSchema(client, 'bare', bare);

      // Assess
      expect(arn).toBe(schemaArn('bare'));
    });

    it.each([
      ['a schema that is not JSON', { schema: '{not json' }, /not JSON/],
      [
        'a schema that is not Avro',
        { schema: '{"type":"record","name":"R","fields":[{"name":"A"}]}' },
        /not a valid Avro schema/,
      ],
      [
        'an Avro schema that is not a record',
        { schema: '{"type":"enum","name":"E","symbols":["A"]}' },
        /must be an Avro record/,
      ],
      [
        'a schema over 20,000 characters',
        { schema: `${'x'.repeat(20_001)}` },
        /'schema' failed to satisfy constraint: Member must have length less than or equal to 20000/,
      ],
      ['no schema', { schema: undefined }, /'schema'.*must not be null/],
      ['an empty name', { name: '' }, /'name'/],
      ['a name that breaks the pattern', { name: 'bad name' }, /'name'/],
      ['an unknown domain', { domain: 'RETAIL' }, /'domain'/],
    ])('rejects %s with InvalidInputException', async (_, change, message) => {
      // Act
      const attempt = client.send(
        new CreateSchemaCommand({
          name: 'broken',
          schema: interactionsDefinition,
          ...change,
        } as never),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputException);
      await expect(attempt).rejects.toThrow(message);
      expect(emulator.schemas()).toEqual([]);
    });

    it('refuses a second schema of the same name with ResourceAlreadyExistsException', async () => {
      // Prepare
      await createSchema(client, 'twice', interactionsDefinition);

      // Act
      const attempt = createSchema(client, 'twice', itemsDefinition);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(
        ResourceAlreadyExistsException,
      );
      await expect(attempt).rejects.toThrow(
        'Schema with name twice already exists',
      );
    });

    it('enforces the schema quota per region with LimitExceededException worded as a quota', async () => {
      // Prepare
      for (const name of ['s1', 's2', 's3']) {
        await createSchema(client, name, interactionsDefinition);
      }

      // Act
      const refused = (await createSchema(
        client,
        's4',
        interactionsDefinition,
      ).then(
        () => new Error('not refused'),
        (error: unknown) => error,
      )) as Error;

      // Assess
      expect(refused).toBeInstanceOf(LimitExceededException);
      expect(refused.message).toBe(
        'You have reached the maximum number of 3 schemas in us-east-1; delete schemas no dataset uses',
      );
      expect(classifyLimitExceeded('CreateSchema', refused.message)).toBe(
        'quota',
      );
      expect(emulator.schemas()).toHaveLength(3);
    });

    it('keeps schemas of one region apart from another’s', async () => {
      // Prepare
      const west = clientFor(emulator.endpoint, 'eu-west-1');
      await createSchema(client, 'same', interactionsDefinition);

      try {
        // Act
        const created = await createSchema(west, 'same', itemsDefinition);
        const listed = await west.send(new ListSchemasCommand({}));

        // Assess
        expect(created).toBe(
          'arn:aws:personalize:eu-west-1:000000000000:schema/same',
        );
        expect(listed.schemas?.map((schema) => schema.schemaArn)).toEqual([
          created,
        ]);
      } finally {
        west.destroy();
      }
    });

    it('answers ResourceNotFoundException for a schema that does not exist', async () => {
      // Act
      const attempt = describeSchema(schemaArn('missing'));

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceNotFoundException);
    });

    it('rejects a malformed schema ARN with InvalidInputException', async () => {
      // Act
      const attempt = describeSchema('not-an-arn');

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputException);
    });
  });

  describe('ListSchemas', () => {
    it('pages newest first through paginateListSchemas, summaries without the schema text', async () => {
      // Prepare
      for (const name of ['a', 'b', 'c']) {
        await createSchema(client, name, interactionsDefinition, 'ECOMMERCE');
        clock.advance(10);
      }

      // Act
      const pages = [];
      for await (const page of paginateListSchemas(
        { client, pageSize: 2 },
        {},
      )) {
        pages.push(page);
      }

      // Assess
      expect(pages.map((page) => page.schemas?.length)).toEqual([2, 1]);
      const listed = pages.flatMap((page) => page.schemas ?? []);
      expect(listed.map((schema) => schema.name)).toEqual(['c', 'b', 'a']);
      expect(listed[0]).toEqual({
        name: 'c',
        schemaArn: schemaArn('c'),
        domain: 'ECOMMERCE',
        creationDateTime: expect.any(Date),
        lastUpdatedDateTime: expect.any(Date),
      });
    });

    it('rejects a nextToken it did not issue with InvalidNextTokenException', async () => {
      // Act
      const attempt = client.send(new ListSchemasCommand({ nextToken: 'x' }));

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidNextTokenException);
    });

    it('rejects maxResults of 0 with InvalidInputException', async () => {
      // Act
      const attempt = client.send(new ListSchemasCommand({ maxResults: 0 }));

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputException);
    });
  });

  describe('DeleteSchema', () => {
    it('deletes a schema no dataset uses', async () => {
      // Prepare
      const arn = await createSchema(client, 'unused', interactionsDefinition);

      // Act
      await client.send(new DeleteSchemaCommand({ schemaArn: arn }));

      // Assess
      await expect(describeSchema(arn)).rejects.toBeInstanceOf(
        ResourceNotFoundException,
      );
      expect(emulator.schemas()).toEqual([]);
    });

    it('refuses with ResourceInUseException while a dataset uses the schema, and deletes it once the dataset is gone', async () => {
      // Prepare
      const datasetGroupArn = await activeGroup(client, clock, 'user');
      const arn = await createSchema(client, 'used', interactionsDefinition);
      const { datasetArn } = await client.send(
        new CreateDatasetCommand({
          name: 'uses-it',
          datasetGroupArn,
          datasetType: 'Interactions',
          schemaArn: arn,
        }),
      );
      clock.advance(datasetSettleMs);

      const deleteSchema = () =>
        client
          .send(new DeleteSchemaCommand({ schemaArn: arn }))
          .catch((error: unknown) => error);

      // Act
      const refused = await deleteSchema();
      await client.send(new DeleteDatasetCommand({ datasetArn }));
      const whileDeleting = await deleteSchema();
      clock.advance(lifecycle.datasetPendingMs + lifecycle.datasetDeleteMs);
      const afterwards = await deleteSchema();

      // Assess
      expect(refused).toBeInstanceOf(ResourceInUseException);
      expect(refused).toMatchObject({
        message: `Schema ${arn} is used by dataset ${datasetArn}; delete the datasets that use it first`,
      });
      expect(whileDeleting).toBeInstanceOf(ResourceInUseException);
      expect(afterwards).toMatchObject({ $metadata: { httpStatusCode: 200 } });
      expect(emulator.schemas()).toEqual([]);
    });

    it('answers ResourceNotFoundException for a schema that does not exist', async () => {
      // Act
      const attempt = client.send(
        new DeleteSchemaCommand({ schemaArn: schemaArn('nobody') }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceNotFoundException);
    });
  });

  describe('generic faults', () => {
    it('throttles CreateSchema like any operation', async () => {
      // Prepare
      emulator.faults.throttle({ operation: 'CreateSchema' });

      // Act
      const throttled = createSchema(client, 'later', interactionsDefinition);

      // Assess
      await expect(throttled).rejects.toBeInstanceOf(LimitExceededException);
      expect(emulator.schemas()).toEqual([]);
      expect(emulator.stats().faults.throttle).toBe(1);
      expect(emulator.stats().calls.CreateSchema).toBe(1);
    });
  });
});

describe('Personalize emulator schema quota', () => {
  it('is 500 per region by default', async () => {
    // Prepare
    const emulator = await startPersonalizeEmulator();
    const client = clientFor(emulator.endpoint);

    try {
      await Promise.all(
        Array.from({ length: 500 }, (_, index) =>
          createSchema(client, `s${index}`, interactionsDefinition),
        ),
      );

      // Act
      const refused = createSchema(client, 's500', interactionsDefinition);

      // Assess
      await expect(refused).rejects.toBeInstanceOf(LimitExceededException);
      await expect(refused).rejects.toThrow(/maximum number of 500 schemas/);
      expect(emulator.schemas()).toHaveLength(500);
    } finally {
      client.destroy();
      await emulator.close();
    }
  });
});
