import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { personalizeClient } from '#commons/clients/personalize.ts';
import { personalizeDatasetGroups } from '#commons/clients/personalize-dataset-groups.ts';
import {
  creationMetricsOf,
  polledMetric,
} from '#commons/dataset-group/creation-metrics.ts';
import {
  type CreationProgress,
  decideCreationProgress,
} from '#commons/dataset-group/creation-progress.ts';
import {
  describeTaskInputSchema,
  secondsSince,
} from '#commons/dataset-group/task-inputs.ts';
import { readPollSchedule } from '#commons/poll-schedule-config.ts';
import { logger } from '#commons/powertools/logger.ts';
import { metrics, recordMetrics } from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const datasetGroups = personalizeDatasetGroups(personalizeClient);
const pollSchedule = readPollSchedule();

/**
 * Task `DescribeDatasetGroup`: one poll step. Reads the status and decides
 * whether the group has settled or how long to wait before the next poll.
 */
const describeDatasetGroup = async (
  event: unknown,
): Promise<CreationProgress> => {
  const input = describeTaskInputSchema.parse(event);
  const datasetGroup = await datasetGroups.describe(
    input.datasetGroupArn,
    input.name,
  );
  const progress = decideCreationProgress(
    datasetGroup,
    { attempt: input.attempt + 1, elapsedSeconds: input.elapsedSeconds },
    secondsSince(input.executionStartTime, Date.now()),
    pollSchedule,
  );
  recordMetrics([polledMetric, ...creationMetricsOf(progress)]);
  logger.info('Dataset group polled', {
    status: datasetGroup.status,
    outcome: progress.outcome,
    attempt: progress.attempt,
    waitSeconds: progress.waitSeconds,
  });
  return progress;
};

export const handler = middy(describeDatasetGroup)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
