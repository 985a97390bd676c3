import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { personalizeClient } from '#commons/clients/personalize.ts';
import { personalizeDatasets } from '#commons/clients/personalize-datasets.ts';
import { clock } from '#commons/clock.ts';
import {
  type DatasetProgress,
  startDataset,
} from '#commons/dataset-creation/dataset-steps.ts';
import { readDatasetPollSchedule } from '#commons/dataset-creation/poll-settings.ts';
import type {
  PreparedDataset,
  TargetGroup,
} from '#commons/dataset-creation/prepared-dataset.ts';
import { taskInputOf } from '#commons/dataset-creation/task-input.ts';
import { logger } from '#commons/powertools/logger.ts';
import { metrics } from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const datasets = personalizeDatasets(personalizeClient);
const schedule = readDatasetPollSchedule();

/**
 * Task `CreateDataset` (one iteration of the Map): creates or adopts the
 * schema, then the dataset, and returns the first poll decision.
 */
const createDataset = async (event: unknown): Promise<DatasetProgress> => {
  const input = taskInputOf<{
    dataset: PreparedDataset;
    datasetGroup: TargetGroup;
  }>('CreateDataset', event, ['dataset', 'datasetGroup']);
  const progress = await startDataset(datasets, input, clock.now(), schedule);
  logger.info('Dataset creation requested', {
    datasetArn: progress.dataset.datasetArn,
    status: progress.dataset.status,
    alreadyExisted: progress.alreadyExisted,
    schemaAdopted: progress.schemaAdopted,
  });
  return progress;
};

export const handler = middy(createDataset)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
