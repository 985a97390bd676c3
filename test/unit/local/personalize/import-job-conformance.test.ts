import {
  CreateDatasetCommand,
  CreateDatasetImportJobCommand,
  DescribeDatasetImportJobCommand,
  InvalidInputException,
  InvalidNextTokenException,
  LimitExceededException,
  ListDatasetImportJobsCommand,
  ListTagsForResourceCommand,
  type PersonalizeClient,
  paginateListDatasetImportJobs,
  ResourceAlreadyExistsException,
  ResourceInUseException,
  ResourceNotFoundException,
  TagResourceCommand,
} from '@aws-sdk/client-personalize';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyLimitExceeded } from '#commons/clients/limit-exceeded.ts';
import {
  createManualClock,
  importFailureReasonFor,
  type ManualClock,
  pendingImportsMessage,
  type RunningPersonalizeEmulator,
  startPersonalizeEmulator,
} from '#local/personalize/index.ts';
import {
  activeGroup,
  activeInteractionsDataset,
  clientFor,
  createSchema,
  datasetArn,
  importJobArn,
  importSettleMs,
  interactionsDefinition,
  lifecycle,
  roleArn,
  startImport,
} from './dataset-fixtures.ts';

/**
 * CreateDatasetImportJob, DescribeDatasetImportJob and
 * ListDatasetImportJobs as the real @aws-sdk/client-personalize sees
 * them: the lifecycle on a manual clock, the quota of five pending or
 * running jobs, and the failure faults.
 */
describe('Personalize emulator dataset import jobs through @aws-sdk/client-personalize', () => {
  let clock: ManualClock;
  let emulator: RunningPersonalizeEmulator;
  let client: PersonalizeClient;
  let dataset: string;

  beforeAll(async () => {
    clock = createManualClock(Date.UTC(2026, 10, 25, 12));
    emulator = await startPersonalizeEmulator({ clock, lifecycle });
    client = clientFor(emulator.endpoint);
  });

  afterAll(async () => {
    client?.destroy();
    await emulator?.close();
  });

  beforeEach(async () => {
    emulator.reset();
    emulator.setLifecycle(lifecycle);
    dataset = await activeInteractionsDataset(client, clock, 'shop');
  });

  const describeJob = async (arn: string) =>
    (
      await client.send(
        new DescribeDatasetImportJobCommand({ datasetImportJobArn: arn }),
      )
    ).datasetImportJob;

  describe('CreateDatasetImportJob and DescribeDatasetImportJob', () => {
    it('returns the ARN of the job name and describes the job with every member', async () => {
      // Prepare
      const createdAt = clock.now();

      // Act
      const created = await startImport(client, 'load', dataset, {
        importMode: 'INCREMENTAL',
        publishAttributionMetricsToS3: false,
      });
      const job = await describeJob(created.datasetImportJobArn ?? '');

      // Assess
      expect(created.datasetImportJobArn).toBe(importJobArn('load'));
      expect(job).toEqual({
        jobName: 'load',
        datasetImportJobArn: importJobArn('load'),
        datasetArn: dataset,
        dataSource: { dataLocation: 's3://bucket/load.csv' },
        roleArn,
        status: 'CREATE PENDING',
        importMode: 'INCREMENTAL',
        publishAttributionMetricsToS3: false,
        creationDateTime: new Date(createdAt),
        lastUpdatedDateTime: new Date(createdAt),
      });
    });

    it('imports in FULL mode when the request names no mode', async () => {
      // Act
      const { datasetImportJobArn = '' } = await startImport(
        client,
        'full',
        dataset,
      );

      // Assess
      expect((await describeJob(datasetImportJobArn))?.importMode).toBe('FULL');
    });

    it('moves the job through CREATE PENDING and CREATE IN_PROGRESS to ACTIVE on the clock', async () => {
      // Prepare
      const { datasetImportJobArn = '' } = await startImport(
        client,
        'timed',
        dataset,
      );
      const statuses: Array<string | undefined> = [];

      // Act
      for (const advanceMs of [0, 199, 1, 999, 1]) {
        clock.advance(advanceMs);
        statuses.push((await describeJob(datasetImportJobArn))?.status);
      }

      // Assess
      expect(statuses).toEqual([
        'CREATE PENDING',
        'CREATE PENDING',
        'CREATE IN_PROGRESS',
        'CREATE IN_PROGRESS',
        'ACTIVE',
      ]);
      const done = await describeJob(datasetImportJobArn);
      expect(done?.lastUpdatedDateTime?.getTime()).toBe(
        (done?.creationDateTime?.getTime() ?? 0) + importSettleMs,
      );
      expect(done).not.toHaveProperty('failureReason');
    });

    it('follows import timings changed with setLifecycle', async () => {
      // Prepare
      const { datasetImportJobArn = '' } = await startImport(
        client,
        'slow',
        dataset,
      );

      // Act
      emulator.setLifecycle({ ...lifecycle, importInProgressMs: 60_000 });
      clock.advance(importSettleMs);
      const status = (await describeJob(datasetImportJobArn))?.status;

      // Assess
      expect(status).toBe('CREATE IN_PROGRESS');
    });

    it.each([
      ['an empty job name', { jobName: '' }, /'jobName'/],
      ['a malformed dataset ARN', { datasetArn: 'dataset' }, /'datasetArn'/],
      [
        'no data source',
        { dataSource: undefined },
        /'dataSource'.*must not be null/,
      ],
      [
        'a data location that is not s3, http or https',
        { dataSource: { dataLocation: 'ftp://bucket/key' } },
        /'dataSource.dataLocation' failed to satisfy constraint: Member must satisfy regular expression pattern/,
      ],
      [
        'a data location over 256 characters',
        { dataSource: { dataLocation: `s3://${'b'.repeat(252)}` } },
        /'dataSource.dataLocation'.*length less than or equal to 256/,
      ],
      ['a malformed role ARN', { roleArn: 'role/import' }, /'roleArn'/],
      ['an unknown import mode', { importMode: 'PARTIAL' }, /'importMode'/],
      [
        'a reserved tag key',
        { tags: [{ tagKey: 'aws:x', tagValue: 'y' }] },
        /reserved prefix/,
      ],
    ])('rejects %s with InvalidInputException', async (_, change, message) => {
      // Act
      const attempt = client.send(
        new CreateDatasetImportJobCommand({
          jobName: 'broken',
          datasetArn: dataset,
          dataSource: { dataLocation: 's3://bucket/key.csv' },
          roleArn,
          ...change,
        } as never),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputException);
      await expect(attempt).rejects.toThrow(message);
      expect(emulator.importJobs()).toEqual([]);
    });

    it('rejects a publishAttributionMetricsToS3 that is not a boolean with InvalidInputException', async () => {
      // Act
      const response = await fetch(emulator.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AmazonPersonalize.CreateDatasetImportJob',
        },
        body: JSON.stringify({
          jobName: 'typed',
          datasetArn: dataset,
          dataSource: { dataLocation: 's3://bucket/key.csv' },
          publishAttributionMetricsToS3: 'yes',
        }),
      });

      // Assess
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        __type: 'InvalidInputException',
        message:
          "1 validation error detected: Value 'yes' at 'publishAttributionMetricsToS3' failed to satisfy constraint: Member must be a boolean",
      });
    });

    it('answers ResourceNotFoundException when the dataset does not exist', async () => {
      // Act
      const attempt = startImport(
        client,
        'orphan',
        datasetArn('shop', 'ITEMS'),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceNotFoundException);
    });

    it('answers ResourceInUseException while the dataset is not ACTIVE', async () => {
      // Prepare
      const datasetGroupArn = await activeGroup(client, clock, 'young');
      const schemaArn = await createSchema(
        client,
        'young-interactions',
        interactionsDefinition,
      );
      const { datasetArn: youngDataset = '' } = await client.send(
        new CreateDatasetCommand({
          name: 'young',
          datasetGroupArn,
          datasetType: 'Interactions',
          schemaArn,
        }),
      );

      // Act
      const attempt = startImport(client, 'too-early', youngDataset);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceInUseException);
      await expect(attempt).rejects.toThrow(
        `Dataset ${youngDataset} is CREATE PENDING; data can be imported once it is ACTIVE`,
      );
    });

    it('refuses a job name used before in the region with ResourceAlreadyExistsException', async () => {
      // Prepare
      await startImport(client, 'once', dataset);
      clock.advance(importSettleMs);

      // Act
      const attempt = startImport(client, 'once', dataset);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(
        ResourceAlreadyExistsException,
      );
      await expect(attempt).rejects.toThrow(
        'Dataset import job with name once already exists',
      );
    });

    it('answers ResourceNotFoundException for a job that does not exist', async () => {
      // Act
      const attempt = describeJob(importJobArn('never'));

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceNotFoundException);
    });
  });

  describe('the quota of pending and running import jobs', () => {
    it('refuses a sixth job at once with LimitExceededException and the developer guide’s sentence', async () => {
      // Prepare
      for (const index of [1, 2, 3, 4, 5]) {
        await startImport(client, `job-${index}`, dataset);
      }
      clock.advance(lifecycle.importPendingMs);

      // Act
      const refused = (await startImport(client, 'job-6', dataset).then(
        () => new Error('not refused'),
        (error: unknown) => error,
      )) as Error;

      // Assess
      expect(refused).toBeInstanceOf(LimitExceededException);
      expect(refused.message).toBe(
        'More than 5 resources with PENDING or IN_PROGRESS status.',
      );
      expect(
        classifyLimitExceeded('CreateDatasetImportJob', refused.message),
      ).toBe('quota');
      expect(emulator.importJobs()).toHaveLength(5);
    });

    it('takes the sixth job once one of the five has ended, ACTIVE or CREATE FAILED', async () => {
      // Prepare
      emulator.faults.importFailed({ match: 'job-1' });
      await startImport(client, 'job-1', dataset);
      clock.advance(10);
      for (const index of [2, 3, 4, 5]) {
        await startImport(client, `job-${index}`, dataset);
      }

      // Act
      clock.advance(importSettleMs - 10);
      const sixth = await startImport(client, 'job-6', dataset);
      const seventh = await startImport(client, 'job-7', dataset).catch(
        (error: unknown) => error,
      );

      // Assess
      expect(sixth.datasetImportJobArn).toBe(importJobArn('job-6'));
      expect(seventh).toBeInstanceOf(LimitExceededException);
    });

    it('counts a job that never ends for good', async () => {
      // Prepare
      emulator.faults.importNeverDone({ match: /^stuck-/ });
      for (const index of [1, 2, 3, 4, 5]) {
        await startImport(client, `stuck-${index}`, dataset);
      }

      // Act
      clock.advance(24 * 60 * 60 * 1_000);
      const refused = startImport(client, 'after-a-day', dataset);

      // Assess
      await expect(refused).rejects.toBeInstanceOf(LimitExceededException);
      expect(emulator.stats().faults.importNeverDone).toBe(5);
    });

    it('counts jobs per region', async () => {
      // Prepare
      const west = clientFor(emulator.endpoint, 'eu-west-1');
      for (const index of [1, 2, 3, 4, 5]) {
        await startImport(client, `east-${index}`, dataset);
      }

      try {
        // Act
        const westDataset = await activeInteractionsDataset(
          west,
          clock,
          'west',
        );
        const created = await startImport(west, 'west-1', westDataset);

        // Assess
        expect(created.datasetImportJobArn).toBe(
          'arn:aws:personalize:eu-west-1:000000000000:dataset-import-job/west-1',
        );
      } finally {
        west.destroy();
      }
    });
  });

  describe('ListDatasetImportJobs', () => {
    it('pages one dataset’s jobs newest first through paginateListDatasetImportJobs', async () => {
      // Prepare
      const other = await (async () => {
        const datasetGroupArn = await activeGroup(client, clock, 'other');
        const schemaArn = await createSchema(
          client,
          'other-interactions',
          interactionsDefinition,
        );
        const created = await client.send(
          new CreateDatasetCommand({
            name: 'other',
            datasetGroupArn,
            datasetType: 'Interactions',
            schemaArn,
          }),
        );
        clock.advance(1_000);
        return created.datasetArn ?? '';
      })();
      await startImport(client, 'elsewhere', other);
      emulator.faults.importFailed({ match: 'b', failureReason: 'Bad CSV' });
      for (const name of ['a', 'b', 'c']) {
        await startImport(client, name, dataset);
        clock.advance(10);
      }
      clock.advance(importSettleMs);

      // Act
      const pages = [];
      for await (const page of paginateListDatasetImportJobs(
        { client, pageSize: 2 },
        { datasetArn: dataset },
      )) {
        pages.push(page);
      }

      // Assess
      expect(pages.map((page) => page.datasetImportJobs?.length)).toEqual([
        2, 1,
      ]);
      const listed = pages.flatMap((page) => page.datasetImportJobs ?? []);
      expect(listed.map((job) => job.jobName)).toEqual(['c', 'b', 'a']);
      expect(listed[1]).toEqual({
        datasetImportJobArn: importJobArn('b'),
        jobName: 'b',
        status: 'CREATE FAILED',
        failureReason: 'Bad CSV',
        importMode: 'FULL',
        creationDateTime: expect.any(Date),
        lastUpdatedDateTime: expect.any(Date),
      });
      const everywhere = await client.send(
        new ListDatasetImportJobsCommand({}),
      );
      expect(everywhere.datasetImportJobs).toHaveLength(4);
    });

    it('rejects a nextToken it did not issue with InvalidNextTokenException', async () => {
      // Act
      const attempt = client.send(
        new ListDatasetImportJobsCommand({ nextToken: 'bm90LWEtdG9rZW4' }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidNextTokenException);
    });
  });

  describe('fault injection', () => {
    it('fails a matching job with the default reason: the role cannot read the data location', async () => {
      // Prepare
      emulator.faults.importFailed({ match: 'denied' });
      const { datasetImportJobArn = '' } = await startImport(
        client,
        'denied',
        dataset,
      );
      const { datasetImportJobArn: fine = '' } = await startImport(
        client,
        'allowed',
        dataset,
      );

      // Act
      clock.advance(importSettleMs);
      const job = await describeJob(datasetImportJobArn);

      // Assess
      expect(job).toMatchObject({
        status: 'CREATE FAILED',
        failureReason:
          'Insufficient privileges for accessing data in Amazon S3. The role does not have permission to read s3://bucket/denied.csv',
      });
      expect(job?.failureReason).toBe(
        importFailureReasonFor('s3://bucket/denied.csv'),
      );
      expect((await describeJob(fine))?.status).toBe('ACTIVE');
      expect(emulator.stats().faults.importFailed).toBe(1);
    });

    it('fails every job with the given reason when the fault matches all', async () => {
      // Prepare
      emulator.faults.importFailed({ failureReason: 'Too few records' });
      const { datasetImportJobArn = '' } = await startImport(
        client,
        'small',
        dataset,
      );

      // Act
      clock.advance(importSettleMs);

      // Assess
      expect(await describeJob(datasetImportJobArn)).toMatchObject({
        status: 'CREATE FAILED',
        failureReason: 'Too few records',
      });
      expect(emulator.importJobs()).toMatchObject([
        { jobName: 'small', failureReason: 'Too few records' },
      ]);
    });

    it('stops failing jobs once the fault is removed', async () => {
      // Prepare
      const remove = emulator.faults.importFailed({});
      remove();
      const { datasetImportJobArn = '' } = await startImport(
        client,
        'lucky',
        dataset,
      );

      // Act
      clock.advance(importSettleMs);

      // Assess
      expect((await describeJob(datasetImportJobArn))?.status).toBe('ACTIVE');
    });

    it('keeps a never-done job in CREATE IN_PROGRESS', async () => {
      // Prepare
      emulator.faults.importNeverDone({ match: 'forever' });
      const { datasetImportJobArn = '' } = await startImport(
        client,
        'forever',
        dataset,
      );

      // Act
      clock.advance(7 * 24 * 60 * 60 * 1_000);

      // Assess
      expect((await describeJob(datasetImportJobArn))?.status).toBe(
        'CREATE IN_PROGRESS',
      );
    });

    it('resets the connection of a DescribeDatasetImportJob like any operation', async () => {
      // Prepare
      const { datasetImportJobArn = '' } = await startImport(
        client,
        'reset',
        dataset,
      );
      emulator.faults.connectionReset({
        operation: 'DescribeDatasetImportJob',
      });

      // Act
      const error = await describeJob(datasetImportJobArn).catch(
        (caught: unknown) => caught,
      );

      // Assess
      expect(error).toMatchObject({ code: 'ECONNRESET' });
      expect((await describeJob(datasetImportJobArn))?.jobName).toBe('reset');
    });
  });

  describe('tags on import jobs', () => {
    it('keeps the tags of the request and adds more', async () => {
      // Prepare
      const { datasetImportJobArn: resourceArn = '' } = await startImport(
        client,
        'tagged',
        dataset,
        { tags: [{ tagKey: 'source', tagValue: 'crm' }] },
      );

      // Act
      await client.send(
        new TagResourceCommand({
          resourceArn,
          tags: [{ tagKey: 'owner', tagValue: 'ml' }],
        }),
      );
      const { tags } = await client.send(
        new ListTagsForResourceCommand({ resourceArn }),
      );

      // Assess
      expect(tags).toEqual([
        { tagKey: 'source', tagValue: 'crm' },
        { tagKey: 'owner', tagValue: 'ml' },
      ]);
    });
  });
});

describe('Personalize emulator importJobQuota', () => {
  it('refuses the job over the configured quota with the quota in the message', async () => {
    // Prepare
    const clock = createManualClock();
    const emulator = await startPersonalizeEmulator({
      clock,
      lifecycle,
      importJobQuota: 2,
    });
    const client = clientFor(emulator.endpoint);

    try {
      const dataset = await activeInteractionsDataset(client, clock, 'q');
      await startImport(client, 'one', dataset);
      await startImport(client, 'two', dataset);

      // Act
      const refused = startImport(client, 'three', dataset);

      // Assess
      await expect(refused).rejects.toBeInstanceOf(LimitExceededException);
      await expect(refused).rejects.toThrow(pendingImportsMessage(2));
      expect(pendingImportsMessage(2)).toBe(
        'More than 2 resources with PENDING or IN_PROGRESS status.',
      );
    } finally {
      client.destroy();
      await emulator.close();
    }
  });

  it.each([-1, 1.5, Number.NaN])(
    'refuses an importJobQuota of %s',
    async (quota) => {
      // Act
      const start = startPersonalizeEmulator({ importJobQuota: quota });

      // Assess
      await expect(start).rejects.toThrow(
        'importJobQuota must be an integer >= 0 (or Infinity)',
      );
    },
  );
});
