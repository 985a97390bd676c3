import {
  CreateDatasetCommand,
  CreateDatasetGroupCommand,
  CreateDatasetImportJobCommand,
  CreateSchemaCommand,
  PersonalizeClient,
} from '@aws-sdk/client-personalize';
import type { ManualClock } from '#local/personalize/index.ts';

/** Helpers of the schema, dataset and import-job conformance tests. */
export const account = '000000000000';

export const arnIn = (resource: string, region = 'us-east-1') =>
  `arn:aws:personalize:${region}:${account}:${resource}`;

export const groupArn = (name: string) => arnIn(`dataset-group/${name}`);
export const schemaArn = (name: string) => arnIn(`schema/${name}`);
export const datasetArn = (group: string, type: string) =>
  arnIn(`dataset/${group}/${type}`);
export const importJobArn = (name: string) =>
  arnIn(`dataset-import-job/${name}`);

export const roleArn = `arn:aws:iam::${account}:role/personalize-import`;

export const clientFor = (endpoint: string, region = 'us-east-1') =>
  new PersonalizeClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });

/** Every status lasts a known time on the manual clock. */
export const lifecycle = {
  pendingMs: 1_000,
  inProgressMs: 4_000,
  deleteMs: 2_000,
  datasetPendingMs: 100,
  datasetInProgressMs: 300,
  datasetDeleteMs: 200,
  importPendingMs: 200,
  importInProgressMs: 1_000,
};

export const groupSettleMs = lifecycle.pendingMs + lifecycle.inProgressMs;
export const datasetSettleMs =
  lifecycle.datasetPendingMs + lifecycle.datasetInProgressMs;
export const importSettleMs =
  lifecycle.importPendingMs + lifecycle.importInProgressMs;

const record = (name: string, fields: Array<[string, unknown, object?]>) =>
  JSON.stringify({
    type: 'record',
    name,
    namespace: 'com.amazonaws.personalize.schema',
    fields: fields.map(([field, type, extra]) => ({
      name: field,
      type,
      ...extra,
    })),
    version: '1.0',
  });

export const interactionsDefinition = record('Interactions', [
  ['USER_ID', 'string'],
  ['ITEM_ID', 'string'],
  ['TIMESTAMP', 'long'],
]);

export const itemsDefinition = record('Items', [
  ['ITEM_ID', 'string'],
  ['GENRE', ['null', 'string'], { categorical: true }],
]);

export const ecommerceItemsDefinition = record('Items', [
  ['ITEM_ID', 'string'],
  ['PRICE', 'float'],
  ['CATEGORY_L1', 'string', { categorical: true }],
]);

export const ecommerceInteractionsDefinition = record('Interactions', [
  ['USER_ID', 'string'],
  ['ITEM_ID', 'string'],
  ['TIMESTAMP', 'long'],
  ['EVENT_TYPE', 'string'],
]);

/** Creates a group and moves the clock until it is ACTIVE. */
export const activeGroup = async (
  client: PersonalizeClient,
  clock: ManualClock,
  name: string,
  domain?: 'ECOMMERCE' | 'VIDEO_ON_DEMAND',
) => {
  const { datasetGroupArn } = await client.send(
    new CreateDatasetGroupCommand({
      name,
      ...(domain !== undefined && { domain }),
    }),
  );
  clock.advance(groupSettleMs);
  return datasetGroupArn ?? '';
};

export const createSchema = async (
  client: PersonalizeClient,
  name: string,
  schema: string,
  domain?: 'ECOMMERCE' | 'VIDEO_ON_DEMAND',
) => {
  const created = await client.send(
    new CreateSchemaCommand({
      name,
      schema,
      ...(domain !== undefined && { domain }),
    }),
  );
  return created.schemaArn ?? '';
};

/**
 * A custom group `group` with an ACTIVE Interactions dataset in it; the
 * dataset's ARN.
 */
export const activeInteractionsDataset = async (
  client: PersonalizeClient,
  clock: ManualClock,
  group: string,
) => {
  const datasetGroupArn = await activeGroup(client, clock, group);
  const schema = await createSchema(
    client,
    `${group}-interactions`,
    interactionsDefinition,
  );
  const { datasetArn } = await client.send(
    new CreateDatasetCommand({
      name: `${group}-interactions`,
      datasetGroupArn,
      datasetType: 'Interactions',
      schemaArn: schema,
    }),
  );
  clock.advance(datasetSettleMs);
  return datasetArn ?? '';
};

export const startImport = (
  client: PersonalizeClient,
  jobName: string,
  datasetArnValue: string,
  extra: Record<string, unknown> = {},
) =>
  client.send(
    new CreateDatasetImportJobCommand({
      jobName,
      datasetArn: datasetArnValue,
      dataSource: { dataLocation: `s3://bucket/${jobName}.csv` },
      roleArn,
      ...extra,
    }),
  );
