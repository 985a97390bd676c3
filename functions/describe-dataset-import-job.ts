import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { personalizeDatasets } from '#commons/clients/personalize-datasets.ts';
import { personalizePollingClient } from '#commons/clients/personalize-polling.ts';
import { clock } from '#commons/clock.ts';
import type { DatasetProgress } from '#commons/dataset-creation/dataset-steps.ts';
import {
  type ImportProgress,
  pollImport,
} from '#commons/dataset-creation/import-steps.ts';
import { readImportPollSchedule } from '#commons/dataset-creation/poll-settings.ts';
import type { PreparedDataset } from '#commons/dataset-creation/prepared-dataset.ts';
import { taskInputOf } from '#commons/dataset-creation/task-input.ts';
import { readInvocationSafetyMarginSeconds } from '#commons/poll-schedule-config.ts';
import { logger } from '#commons/powertools/logger.ts';
import { metrics } from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const datasets = personalizeDatasets(personalizePollingClient);
const schedule = readImportPollSchedule();
const safetyMarginSeconds = readInvocationSafetyMarginSeconds();

/** Task `DescribeDatasetImportJob`: polls the import as DescribeDataset. */
const describeDatasetImportJob = async (
  event: unknown,
  context: Context,
): Promise<ImportProgress> => {
  const input = taskInputOf<{
    dataset: PreparedDataset;
    progress: DatasetProgress;
    importProgress: ImportProgress;
  }>('DescribeDatasetImportJob', event, [
    'dataset',
    'progress',
    'importProgress',
  ]);
  const progress = await pollImport(datasets, input, clock, schedule, {
    remainingMs: () => context.getRemainingTimeInMillis(),
    safetyMarginSeconds,
    sleep: clock.sleep,
  });
  logger.info('Dataset import polled', {
    datasetImportJobArn: progress.importJob.datasetImportJobArn,
    status: progress.importJob.status,
    outcome: progress.outcome,
    attempt: progress.attempt,
  });
  return progress;
};

export const handler = middy(describeDatasetImportJob)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
