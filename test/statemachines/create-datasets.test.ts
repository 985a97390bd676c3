import {
  CreateDatasetImportJobCommand,
  PersonalizeClient,
} from '@aws-sdk/client-personalize';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BusEvent } from '#local/runtime/event-bus.ts';
import {
  type LocalStack,
  startLocalStack,
} from '#local/runtime/local-stack.ts';
import { expectEventsToHonourTheirContracts } from '#test/helpers/event-contracts.ts';
import { runExecution } from '#test/helpers/run-execution.ts';

const record = (name: string, fields: Array<[string, unknown]>) => ({
  type: 'record',
  name,
  namespace: 'com.amazonaws.personalize.schema',
  fields: fields.map(([field, type]) => ({ name: field, type })),
  version: '1.0',
});
const interactions = {
  datasetType: 'Interactions',
  schema: {
    definition: record('Interactions', [
      ['USER_ID', 'string'],
      ['ITEM_ID', 'string'],
      ['TIMESTAMP', 'long'],
    ]),
  },
};
const items = {
  datasetType: 'items',
  schema: { definition: record('Items', [['ITEM_ID', 'string']]) },
};
const users = {
  datasetType: 'Users',
  schema: {
    definition: JSON.stringify(record('Users', [['USER_ID', 'string']])),
  },
};
const timings = {
  pendingMs: 10,
  inProgressMs: 20,
  deleteMs: 10,
  datasetPendingMs: 10,
  datasetInProgressMs: 20,
  datasetDeleteMs: 10,
  importPendingMs: 10,
  importInProgressMs: 30,
};
const importOf = (file: string) => ({
  dataLocation: `s3://acme-data/${file}`,
  roleArn: 'arn:aws:iam::123456789012:role/PersonalizeS3Access',
});

/**
 * Every path of the real create-datasets.asl.json on the local stack:
 * the real handlers, the real SDK, the emulator's schemas, datasets and
 * import jobs, with shortened lifecycles and waits.
 */
describe('create-datasets state machine', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({
      waitMs: 2,
      retryMs: 1,
      emulator: { lifecycle: timings },
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  beforeEach(() => {
    stack.emulator.reset();
    stack.emulator.faults.clear();
    stack.emulator.setLifecycle(timings);
  });

  const createGroup = async (name: string, domain?: string) => {
    const run = await runExecution(stack, {
      name,
      ...(domain === undefined ? {} : { domain }),
    });
    expect(run.terminal.map((event) => event['detail-type'])).toEqual([
      'Dataset Group Created',
    ]);
  };

  const typesOf = (events: BusEvent[]) =>
    events.map((event) => event['detail-type']);

  it('creates every declared dataset in parallel and ends with one Ready event listing each ARN', async () => {
    await createGroup('acme');
    const run = await runExecution(
      stack,
      {
        name: 'acme',
        datasets: [interactions, items, users],
        correlationId: 'c-1',
      },
      undefined,
      'datasets',
    );
    expect(run.outcome.status).toBe('SUCCEEDED');
    expect(typesOf(run.terminal)).toEqual(['Dataset Group Datasets Ready']);
    const detail = run.terminal[0]?.detail as {
      correlationId: string;
      datasets: Array<{
        datasetType: string;
        datasetArn: string;
        status: string;
      }>;
    };
    expect(detail.correlationId).toBe('c-1');
    expect(
      detail.datasets.map((dataset) => [
        dataset.datasetType,
        dataset.status,
        dataset.datasetArn,
      ]),
    ).toEqual([
      [
        'Interactions',
        'ACTIVE',
        'arn:aws:personalize:us-east-1:000000000000:dataset/acme/INTERACTIONS',
      ],
      [
        'Items',
        'ACTIVE',
        'arn:aws:personalize:us-east-1:000000000000:dataset/acme/ITEMS',
      ],
      [
        'Users',
        'ACTIVE',
        'arn:aws:personalize:us-east-1:000000000000:dataset/acme/USERS',
      ],
    ]);
    expect(
      typesOf(run.events).filter((type) => type === 'Dataset Created'),
    ).toHaveLength(3);
    expect(stack.emulator.datasets().map((dataset) => dataset.status)).toEqual([
      'ACTIVE',
      'ACTIVE',
      'ACTIVE',
    ]);
    expectEventsToHonourTheirContracts(run.events);
    // The Map ran the three iterations at once: their creates overlap.
    const creates = stack.emulator.stats().callTimes('CreateDataset');
    const describes = stack.emulator.stats().callTimes('DescribeDataset');
    expect(creates).toHaveLength(3);
    expect(Math.max(...creates)).toBeLessThan(Math.min(...describes.slice(-3)));
  });

  it('adopts the schemas and datasets a first run created, and reports them adopted', async () => {
    await createGroup('acme');
    await runExecution(
      stack,
      { name: 'acme', datasets: [items] },
      undefined,
      'datasets',
    );
    const again = await runExecution(
      stack,
      { name: 'acme', datasets: [items] },
      undefined,
      'datasets',
    );
    expect(typesOf(again.terminal)).toEqual(['Dataset Group Datasets Ready']);
    const created = again.events.find(
      (event) => event['detail-type'] === 'Dataset Created',
    );
    expect(created?.detail).toMatchObject({
      alreadyExisted: true,
      schemaAdopted: true,
    });
    expect(stack.emulator.schemas()).toHaveLength(1);
  });

  it('reports a schema conflict for that dataset and fails the run, the others still created', async () => {
    await createGroup('acme');
    await runExecution(
      stack,
      { name: 'acme', datasets: [items] },
      undefined,
      'datasets',
    );
    const changed = {
      datasetType: 'Items',
      schema: {
        definition: record('Items', [
          ['ITEM_ID', 'string'],
          ['PRICE', 'float'],
        ]),
      },
    };
    const run = await runExecution(
      stack,
      { name: 'acme', datasets: [changed, users] },
      undefined,
      'datasets',
    );
    expect(run.outcome.status).toBe('FAILED');
    expect(typesOf(run.terminal)).toEqual(['Dataset Group Datasets Failed']);
    const failed = run.events.find(
      (event) => event['detail-type'] === 'Dataset Creation Failed',
    );
    expect(failed?.detail).toMatchObject({
      dataset: {
        datasetType: 'Items',
        status: 'FAILED',
        error: { code: 'SchemaConflictError' },
      },
    });
    const summary = run.terminal[0]?.detail as {
      datasets: Array<{ datasetType: string; status: string }>;
    };
    expect(
      summary.datasets.map((dataset) => [dataset.datasetType, dataset.status]),
    ).toEqual([
      ['Items', 'FAILED'],
      ['Users', 'ACTIVE'],
    ]);
    expectEventsToHonourTheirContracts(run.events);
  });

  it('reports a dataset that ends CREATE FAILED', async () => {
    await createGroup('acme');
    stack.emulator.faults.datasetCreateFailed({ match: 'acme-users' });
    const run = await runExecution(
      stack,
      { name: 'acme', datasets: [interactions, users] },
      undefined,
      'datasets',
    );
    expect(typesOf(run.terminal)).toEqual(['Dataset Group Datasets Failed']);
    const failed = run.events.find(
      (event) => event['detail-type'] === 'Dataset Creation Failed',
    );
    expect(failed?.detail).toMatchObject({
      dataset: { datasetType: 'Users', error: { code: 'DatasetCreateFailed' } },
    });
    expectEventsToHonourTheirContracts(run.events);
  });

  it('imports after the dataset is ACTIVE, and reports a failed import with its reason', async () => {
    await createGroup('acme');
    stack.emulator.faults.importFailed({ match: 'acme-items-import' });
    const run = await runExecution(
      stack,
      {
        name: 'acme',
        datasets: [
          { ...interactions, importJob: importOf('interactions.csv') },
          { ...items, importJob: importOf('items.csv') },
        ],
      },
      undefined,
      'datasets',
    );
    expect(typesOf(run.terminal)).toEqual(['Dataset Group Datasets Failed']);
    expect(
      typesOf(run.events).filter((type) => type.startsWith('Dataset Import')),
    ).toEqual(
      expect.arrayContaining([
        'Dataset Import Completed',
        'Dataset Import Failed',
      ]),
    );
    const failed = run.events.find(
      (event) => event['detail-type'] === 'Dataset Import Failed',
    );
    expect(failed?.detail).toMatchObject({
      report: {
        datasetType: 'Items',
        importJob: { status: 'FAILED' },
        error: {
          code: 'DatasetImportFailed',
          message: expect.stringContaining('s3://acme-data/items.csv'),
        },
      },
    });
    expectEventsToHonourTheirContracts(run.events);
  });

  it('waits for the import quota, then imports', async () => {
    await createGroup('acme');
    await runExecution(
      stack,
      { name: 'acme', datasets: [users] },
      undefined,
      'datasets',
    );
    // Five slow imports of another dataset hold the region's quota.
    stack.emulator.setLifecycle({ ...timings, importInProgressMs: 600_000 });
    const usersArn =
      'arn:aws:personalize:us-east-1:000000000000:dataset/acme/USERS';
    const client = new PersonalizeClient({
      endpoint: stack.emulator.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    for (let index = 0; index < 5; index += 1) {
      await client.send(
        new CreateDatasetImportJobCommand({
          jobName: `blocker-${index}`,
          datasetArn: usersArn,
          dataSource: { dataLocation: 's3://acme-data/users.csv' },
          roleArn: importOf('x').roleArn,
        }),
      );
    }
    const refusedBefore =
      stack.emulator.stats().calls.CreateDatasetImportJob ?? 0;
    const started = stack.createDatasetsWorkflow.start({
      name: 'acme',
      datasets: [{ ...items, importJob: importOf('items.csv') }],
    });
    const drained = (async () => {
      for await (const _ of started.eventLogs) {
        // The history is not needed here.
      }
    })();
    // Bounded: refused at least twice (each refusal is 3 SDK attempts).
    for (
      let tries = 0;
      tries < 600 &&
      (stack.emulator.stats().calls.CreateDatasetImportJob ?? 0) <
        refusedBefore + 6;
      tries += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(
      stack.emulator.stats().calls.CreateDatasetImportJob,
    ).toBeGreaterThanOrEqual(refusedBefore + 6);
    // The blockers finish: the quota frees, and the import goes ahead.
    stack.emulator.setLifecycle(timings);
    await drained;
    const outcome = await started.outcome;
    expect(outcome.status).toBe('SUCCEEDED');
    const events = stack.bus.events.filter((event) =>
      event.resources.includes(started.executionArn),
    );
    expect(typesOf(events)).toEqual(
      expect.arrayContaining([
        'Dataset Import Completed',
        'Dataset Group Datasets Ready',
      ]),
    );
  }, 60_000);

  it('fails a dataset that never settles at its deadline, and publishes one terminal event', async () => {
    await createGroup('acme');
    stack.emulator.faults.datasetNeverActive({ match: 'acme-users' });
    const run = await runExecution(
      stack,
      { name: 'acme', datasets: [users] },
      undefined,
      'datasets',
    );
    expect(typesOf(run.terminal)).toEqual(['Dataset Group Datasets Failed']);
    const failed = run.events.find(
      (event) => event['detail-type'] === 'Dataset Creation Failed',
    );
    expect(failed?.detail).toMatchObject({
      dataset: {
        datasetType: 'Users',
        error: {
          code: 'DatasetCreationTimedOut',
          message: expect.stringContaining('the deadline is 3600 s'),
        },
      },
    });
    // The adaptive schedule: about 65 polls to the hour's deadline, not 1,800 of a fixed 2 s loop.
    const polls = stack.emulator.stats().calls.DescribeDataset ?? 0;
    expect(polls).toBeGreaterThan(40);
    expect(polls).toBeLessThan(100);
  });

  it('rejects a request whose definition breaks its type, creating nothing', async () => {
    await createGroup('acme');
    const broken = {
      datasetType: 'Users',
      schema: { definition: record('Users', [['NAME', 'string']]) },
    };
    const run = await runExecution(
      stack,
      { name: 'acme', datasets: [items, broken] },
      undefined,
      'datasets',
    );
    expect(run.outcome.status).toBe('FAILED');
    expect(typesOf(run.terminal)).toEqual(['Dataset Group Datasets Failed']);
    expect(run.terminal[0]?.detail).toMatchObject({
      datasets: [],
      error: {
        code: 'InvalidDatasetsRequestError',
        message: expect.stringContaining('datasets[1]'),
      },
    });
    expect(stack.emulator.schemas()).toEqual([]);
    expect(stack.emulator.datasets()).toEqual([]);
    expectEventsToHonourTheirContracts(run.events);
  });

  it('refuses a group that does not exist', async () => {
    const run = await runExecution(
      stack,
      { name: 'nobody', datasets: [items] },
      undefined,
      'datasets',
    );
    expect(run.terminal[0]?.detail).toMatchObject({
      error: { code: 'DatasetGroupNotReadyError' },
    });
  });
});
