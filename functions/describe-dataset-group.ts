import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { personalizePollingClient } from '#commons/clients/personalize.ts';
import { personalizeDatasetGroups } from '#commons/clients/personalize-dataset-groups.ts';
import { clock } from '#commons/clock.ts';
import {
  creationMetricsOf,
  polledMetric,
  pollThrottledMetric,
} from '#commons/dataset-group/creation-metrics.ts';
import {
  type CreationProgress,
  decideCreationProgress,
  type PollPosition,
} from '#commons/dataset-group/creation-progress.ts';
import type { DatasetGroup } from '#commons/dataset-group/dataset-group.ts';
import { shouldPollInProcess } from '#commons/dataset-group/in-lambda-polling.ts';
import {
  parseDescribeTaskInput,
  secondsSince,
} from '#commons/dataset-group/poll-task-input.ts';
import { PersonalizeThrottledError } from '#commons/errors.ts';
import {
  readInLambdaPolling,
  readPollSchedule,
} from '#commons/poll-schedule-config.ts';
import { logger } from '#commons/powertools/logger.ts';
import { metrics, recordMetrics } from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const datasetGroups = personalizeDatasetGroups(personalizePollingClient);
const pollSchedule = readPollSchedule();
const inLambdaPolling = readInLambdaPolling();

/**
 * Task `DescribeDatasetGroup`: polls the status and decides whether the
 * group has settled or how long to wait. Short waits are slept here, in
 * the same invocation (cheaper than a Wait state, see in-lambda-polling);
 * a longer wait is returned to the state machine's Wait state.
 */
const describeDatasetGroup = async (
  event: unknown,
  context: Context,
): Promise<CreationProgress> => {
  const input = parseDescribeTaskInput(event);
  let position: PollPosition = {
    attempt: input.attempt,
    elapsedSeconds: input.elapsedSeconds,
  };
  let datasetGroup: DatasetGroup = {
    name: input.name,
    datasetGroupArn: input.datasetGroupArn,
  };
  for (;;) {
    try {
      datasetGroup = await datasetGroups.describe(
        input.datasetGroupArn,
        input.name,
      );
    } catch (error) {
      // A throttled poll is a skipped poll: the schedule goes on, with the
      // status last seen, and the next poll is its retry.
      if (!(error instanceof PersonalizeThrottledError)) throw error;
      recordMetrics([pollThrottledMetric]);
    }
    const progress = decideCreationProgress(
      datasetGroup,
      {
        attempt: position.attempt + 1,
        elapsedSeconds: position.elapsedSeconds,
      },
      secondsSince(input.executionStartTime, clock.now()),
      pollSchedule,
    );
    recordMetrics([polledMetric, ...creationMetricsOf(progress)]);
    logger.info('Dataset group polled', {
      status: datasetGroup.status,
      outcome: progress.outcome,
      attempt: progress.attempt,
      waitSeconds: progress.waitSeconds,
    });
    if (
      !shouldPollInProcess(
        progress,
        inLambdaPolling,
        context.getRemainingTimeInMillis(),
      )
    ) {
      return progress;
    }
    await clock.sleep(progress.waitSeconds * 1000);
    position = {
      attempt: progress.attempt,
      elapsedSeconds: progress.elapsedSeconds,
    };
  }
};

export const handler = middy(describeDatasetGroup)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
