import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { personalizeClient } from '#commons/clients/personalize.ts';
import { personalizeDatasets } from '#commons/clients/personalize-datasets.ts';
import { clock } from '#commons/clock.ts';
import type { DatasetProgress } from '#commons/dataset-creation/dataset-steps.ts';
import {
  type ImportProgress,
  startImport,
} from '#commons/dataset-creation/import-steps.ts';
import { readImportPollSchedule } from '#commons/dataset-creation/poll-settings.ts';
import type { PreparedDataset } from '#commons/dataset-creation/prepared-dataset.ts';
import { taskInputOf } from '#commons/dataset-creation/task-input.ts';
import { logger } from '#commons/powertools/logger.ts';
import { metrics } from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const datasets = personalizeDatasets(personalizeClient);
const schedule = readImportPollSchedule();

/**
 * Task `CreateDatasetImportJob`: creates or adopts the import job once
 * its dataset is ACTIVE; throws DatasetImportQuotaError while the
 * region's pending imports are at their quota.
 */
const createDatasetImportJob = async (
  event: unknown,
): Promise<ImportProgress> => {
  const input = taskInputOf<{
    dataset: PreparedDataset;
    progress: DatasetProgress;
  }>('CreateDatasetImportJob', event, ['dataset', 'progress']);
  const progress = await startImport(datasets, input, clock.now(), schedule);
  logger.info('Dataset import requested', {
    datasetImportJobArn: progress.importJob.datasetImportJobArn,
    status: progress.importJob.status,
    alreadyExisted: progress.alreadyExisted,
  });
  return progress;
};

export const handler = middy(createDatasetImportJob)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
