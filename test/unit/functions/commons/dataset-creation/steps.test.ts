import { describe, expect, it } from 'vitest';
import {
  pollDataset,
  startDataset,
} from '#commons/dataset-creation/dataset-steps.ts';
import {
  pollImport,
  startImport,
} from '#commons/dataset-creation/import-steps.ts';
import type { PreparedDataset } from '#commons/dataset-creation/prepared-dataset.ts';
import { decideResourceProgress } from '#commons/dataset-creation/resource-progress.ts';
import { defaultPollSchedule } from '#commons/dataset-group/poll-schedule.ts';
import { InMemoryDatasetsApi } from '#test/helpers/in-memory-datasets-api.ts';

const prefix = 'arn:aws:personalize:us-east-1:000000000000:';
const group = { name: 'acme', datasetGroupArn: `${prefix}dataset-group/acme` };
const users: PreparedDataset = {
  datasetType: 'Users',
  datasetName: 'acme-users',
  datasetArn: `${prefix}dataset/acme/USERS`,
  schema: {
    name: 'acme-users',
    schemaArn: `${prefix}schema/acme-users`,
    definition:
      '{"type":"record","name":"Users","fields":[{"name":"USER_ID","type":"string"}]}',
  },
  importJob: {
    jobName: 'acme-users-import',
    datasetImportJobArn: `${prefix}dataset-import-job/acme-users-import`,
    dataLocation: 's3://bucket/users.csv',
    roleArn: 'arn:aws:iam::123456789012:role/PersonalizeS3',
    importMode: 'FULL',
  },
};
const kind = { label: 'dataset d', createFailedCode: 'F', timedOutCode: 'T' };
const schedule = { ...defaultPollSchedule, deadlineSeconds: 100 };

describe('decideResourceProgress', () => {
  it('settles on ACTIVE and CREATE FAILED, waits otherwise, and fails at the deadline', () => {
    const at = { attempt: 3, elapsedSeconds: 50 };
    expect(
      decideResourceProgress('ACTIVE', undefined, kind, at, 50, schedule),
    ).toMatchObject({ outcome: 'ACTIVE', waitSeconds: 0 });
    expect(
      decideResourceProgress(
        'CREATE FAILED',
        'bad rows',
        kind,
        at,
        50,
        schedule,
      ),
    ).toMatchObject({
      outcome: 'FAILED',
      error: {
        code: 'F',
        message: 'Personalize reported CREATE FAILED for dataset d: bad rows',
      },
    });
    expect(
      decideResourceProgress(
        'CREATE IN_PROGRESS',
        undefined,
        kind,
        at,
        50,
        schedule,
      ),
    ).toMatchObject({
      outcome: 'IN_PROGRESS',
      waitSeconds: 5,
      elapsedSeconds: 55,
    });
    expect(
      decideResourceProgress(
        'CREATE IN_PROGRESS',
        undefined,
        kind,
        at,
        100,
        schedule,
      ),
    ).toMatchObject({ outcome: 'FAILED', error: { code: 'T' } });
  });
});

const loop = (slept: number[]) => ({
  remainingMs: () => 300_000,
  safetyMarginSeconds: 10,
  sleep: async (ms: number) => {
    slept.push(ms);
  },
});

describe('the dataset steps', () => {
  it('create, then poll until ACTIVE, sleeping the short waits, and report the dataset', async () => {
    const api = new InMemoryDatasetsApi();
    let now = Date.parse('2026-01-01T00:00:00Z');
    const started = await startDataset(
      api,
      { dataset: users, datasetGroup: group },
      now,
      schedule,
    );
    expect(started).toMatchObject({
      outcome: 'IN_PROGRESS',
      waitSeconds: 2,
      alreadyExisted: false,
      schemaAdopted: false,
    });
    const slept: number[] = [];
    let polls = 0;
    const realDescribe = api.describeDataset.bind(api);
    api.describeDataset = async (arn) => {
      polls += 1;
      if (polls === 3) {
        const record = api.datasets.get(arn);
        if (record) record.status = 'ACTIVE';
      }
      now += 2000;
      return realDescribe(arn);
    };
    const settled = await pollDataset(
      api,
      { dataset: users, progress: started },
      { now: () => now },
      schedule,
      loop(slept),
    );
    expect(polls).toBe(3);
    expect(slept).toEqual([2000, 2000, 2000]);
    expect(settled.report).toEqual({
      datasetType: 'Users',
      name: 'acme-users',
      datasetArn: users.datasetArn,
      schemaArn: users.schema.schemaArn,
      status: 'ACTIVE',
    });
    expect(settled.settledAt).toBeDefined();
  });

  it('returns a long wait to the state machine instead of sleeping it', async () => {
    const api = new InMemoryDatasetsApi();
    const started = await startDataset(
      api,
      { dataset: users, datasetGroup: group },
      Date.now(),
      defaultPollSchedule,
    );
    const slept: number[] = [];
    const late = {
      ...started,
      attempt: 5,
      elapsedSeconds: 200,
      waitSeconds: 20,
    };
    const progress = await pollDataset(
      api,
      { dataset: users, progress: late },
      { now: () => Date.now() },
      defaultPollSchedule,
      loop(slept),
    );
    expect(progress).toMatchObject({
      outcome: 'IN_PROGRESS',
      waitSeconds: 20,
      attempt: 6,
    });
    expect(slept).toEqual([]);
  });

  it('an import waits for the quota within its deadline, then times out', async () => {
    const api = new InMemoryDatasetsApi();
    api.initialStatus = 'ACTIVE';
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const dataset = await startDataset(
      api,
      { dataset: users, datasetGroup: group },
      t0,
      schedule,
    );
    expect(dataset.outcome).toBe('ACTIVE');
    api.quotaFull = true;
    await expect(
      startImport(
        api,
        { dataset: users, progress: dataset },
        t0 + 50_000,
        schedule,
      ),
    ).rejects.toMatchObject({ name: 'DatasetImportQuotaError' });
    await expect(
      startImport(
        api,
        { dataset: users, progress: dataset },
        t0 + 100_000,
        schedule,
      ),
    ).rejects.toMatchObject({ name: 'DatasetImportTimedOutError' });
    api.quotaFull = false;
    api.initialStatus = 'CREATE PENDING';
    const started = await startImport(
      api,
      { dataset: users, progress: dataset },
      t0 + 60_000,
      schedule,
    );
    expect(started.outcome).toBe('IN_PROGRESS');
    const job = api.importJobs.get(users.importJob?.datasetImportJobArn ?? '');
    if (job) {
      job.status = 'CREATE FAILED';
      job.failureReason = 'Access denied to s3://bucket/users.csv';
    }
    const failed = await pollImport(
      api,
      { dataset: users, progress: dataset, importProgress: started },
      { now: () => t0 + 61_000 },
      schedule,
      loop([]),
    );
    expect(failed.report).toMatchObject({
      status: 'FAILED',
      importJob: { jobName: 'acme-users-import', status: 'FAILED' },
      error: {
        code: 'DatasetImportFailed',
        message: expect.stringContaining('Access denied'),
      },
    });
  });
});
