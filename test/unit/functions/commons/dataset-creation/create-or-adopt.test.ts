import { describe, expect, it } from 'vitest';
import {
  createOrAdoptDataset,
  createOrAdoptImportJob,
  createOrAdoptSchema,
  sameSchemaDefinition,
} from '#commons/dataset-creation/create-or-adopt.ts';
import type { PreparedDataset } from '#commons/dataset-creation/prepared-dataset.ts';
import { InMemoryDatasetsApi } from '#test/helpers/in-memory-datasets-api.ts';

const prefix = 'arn:aws:personalize:us-east-1:000000000000:';
const groupArn = `${prefix}dataset-group/acme`;
const definition = JSON.stringify({
  type: 'record',
  name: 'Items',
  fields: [{ name: 'ITEM_ID', type: 'string' }],
});
const items: PreparedDataset = {
  datasetType: 'Items',
  datasetName: 'acme-items',
  datasetArn: `${prefix}dataset/acme/ITEMS`,
  schema: {
    name: 'acme-items',
    schemaArn: `${prefix}schema/acme-items`,
    definition,
  },
  importJob: {
    jobName: 'acme-items-import',
    datasetImportJobArn: `${prefix}dataset-import-job/acme-items-import`,
    dataLocation: 's3://bucket/items.csv',
    roleArn: 'arn:aws:iam::123456789012:role/PersonalizeS3',
    importMode: 'FULL',
  },
};

describe('createOrAdoptSchema', () => {
  it('creates the schema, then adopts it when the definition is the same in another key order', async () => {
    const api = new InMemoryDatasetsApi();
    expect(await createOrAdoptSchema(api, items, undefined)).toEqual({
      schemaArn: items.schema.schemaArn,
      adopted: false,
    });
    const reordered = JSON.stringify({
      fields: [{ type: 'string', name: 'ITEM_ID' }],
      name: 'Items',
      type: 'record',
    });
    const again = await createOrAdoptSchema(
      api,
      { ...items, schema: { ...items.schema, definition: reordered } },
      undefined,
    );
    expect(again).toEqual({ schemaArn: items.schema.schemaArn, adopted: true });
  });

  it('refuses a schema of that name with another definition or domain', async () => {
    const api = new InMemoryDatasetsApi();
    await createOrAdoptSchema(api, items, undefined);
    const other = JSON.stringify({
      type: 'record',
      name: 'Items',
      fields: [
        { name: 'ITEM_ID', type: 'string' },
        { name: 'PRICE', type: 'float' },
      ],
    });
    await expect(
      createOrAdoptSchema(
        api,
        { ...items, schema: { ...items.schema, definition: other } },
        undefined,
      ),
    ).rejects.toMatchObject({
      name: 'SchemaConflictError',
      message: expect.stringContaining('another definition'),
    });
    await expect(
      createOrAdoptSchema(api, items, 'ECOMMERCE'),
    ).rejects.toMatchObject({ name: 'SchemaConflictError' });
  });

  it('uses a schema declared by its ARN as it is', async () => {
    const api = new InMemoryDatasetsApi();
    const byArn = {
      ...items,
      schema: { name: 'shared', schemaArn: `${prefix}schema/shared` },
    };
    expect(await createOrAdoptSchema(api, byArn, undefined)).toEqual({
      schemaArn: `${prefix}schema/shared`,
      adopted: true,
    });
    expect(api.schemas.size).toBe(0);
  });

  it('tells key order apart from content', () => {
    expect(sameSchemaDefinition('{"a":1,"b":[1,2]}', '{"b":[1,2],"a":1}')).toBe(
      true,
    );
    expect(sameSchemaDefinition('{"b":[2,1]}', '{"b":[1,2]}')).toBe(false);
  });
});

describe('createOrAdoptDataset', () => {
  it('creates, then adopts the same type with the same schema, and refuses another schema', async () => {
    const api = new InMemoryDatasetsApi();
    const first = await createOrAdoptDataset(
      api,
      items,
      groupArn,
      items.schema.schemaArn,
    );
    expect(first).toMatchObject({
      adopted: false,
      dataset: { datasetArn: items.datasetArn, status: 'CREATE PENDING' },
    });
    const again = await createOrAdoptDataset(
      api,
      items,
      groupArn,
      items.schema.schemaArn,
    );
    expect(again.adopted).toBe(true);
    await expect(
      createOrAdoptDataset(api, items, groupArn, `${prefix}schema/other`),
    ).rejects.toMatchObject({
      name: 'DatasetConflictError',
      message: expect.stringContaining(`${prefix}schema/other`),
    });
  });
});

describe('createOrAdoptImportJob', () => {
  it('creates, adopts the same job, refuses another location, and reports the quota', async () => {
    const api = new InMemoryDatasetsApi();
    const created = await createOrAdoptImportJob(api, items, items.datasetArn);
    expect(created).toMatchObject({ kind: 'job', adopted: false });
    expect(
      await createOrAdoptImportJob(api, items, items.datasetArn),
    ).toMatchObject({ kind: 'job', adopted: true });
    const moved = {
      ...items,
      importJob: {
        ...(items.importJob as NonNullable<PreparedDataset['importJob']>),
        dataLocation: 's3://bucket/other.csv',
      },
    };
    await expect(
      createOrAdoptImportJob(api, moved, items.datasetArn),
    ).rejects.toMatchObject({ name: 'ImportJobConflictError' });
    api.quotaFull = true;
    const renamed = {
      ...items,
      importJob: {
        ...(items.importJob as NonNullable<PreparedDataset['importJob']>),
        jobName: 'second',
        datasetImportJobArn: `${prefix}dataset-import-job/second`,
      },
    };
    expect(
      await createOrAdoptImportJob(api, renamed, items.datasetArn),
    ).toMatchObject({ kind: 'quota' });
  });
});
