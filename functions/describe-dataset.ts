import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { personalizeDatasets } from '#commons/clients/personalize-datasets.ts';
import { personalizePollingClient } from '#commons/clients/personalize-polling.ts';
import { clock } from '#commons/clock.ts';
import {
  type DatasetProgress,
  pollDataset,
} from '#commons/dataset-creation/dataset-steps.ts';
import { readDatasetPollSchedule } from '#commons/dataset-creation/poll-settings.ts';
import type { PreparedDataset } from '#commons/dataset-creation/prepared-dataset.ts';
import { taskInputOf } from '#commons/dataset-creation/task-input.ts';
import { readInvocationSafetyMarginSeconds } from '#commons/poll-schedule-config.ts';
import { logger } from '#commons/powertools/logger.ts';
import { metrics } from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const datasets = personalizeDatasets(personalizePollingClient);
const schedule = readDatasetPollSchedule();
const safetyMarginSeconds = readInvocationSafetyMarginSeconds();

/**
 * Task `DescribeDataset`: polls the dataset, sleeping short waits in the
 * invocation, until it settles or a long wait is due (the Wait state's).
 */
const describeDataset = async (
  event: unknown,
  context: Context,
): Promise<DatasetProgress> => {
  const input = taskInputOf<{
    dataset: PreparedDataset;
    progress: DatasetProgress;
  }>('DescribeDataset', event, ['dataset', 'progress']);
  const progress = await pollDataset(datasets, input, clock, schedule, {
    remainingMs: () => context.getRemainingTimeInMillis(),
    safetyMarginSeconds,
    sleep: clock.sleep,
  });
  logger.info('Dataset polled', {
    datasetArn: progress.dataset.datasetArn,
    status: progress.dataset.status,
    outcome: progress.outcome,
    attempt: progress.attempt,
  });
  return progress;
};

export const handler = middy(describeDataset)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
