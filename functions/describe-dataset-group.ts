import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { personalizeDatasetGroups } from '#commons/clients/personalize-dataset-groups.ts';
import { personalizePollingClient } from '#commons/clients/personalize-polling.ts';
import { clock } from '#commons/clock.ts';
import {
  creationMetricsOf,
  polledMetric,
  pollFailedMetric,
  pollThrottledMetric,
} from '#commons/dataset-group/creation-metrics.ts';
import {
  type CreationProgress,
  decideCreationProgress,
} from '#commons/dataset-group/creation-progress.ts';
import type { DatasetGroup } from '#commons/dataset-group/dataset-group.ts';
import {
  decidePollStep,
  firstWaitToSleep,
  invocationPosition,
} from '#commons/dataset-group/poll-step.ts';
import {
  parseDescribeTaskInput,
  secondsSince,
} from '#commons/dataset-group/poll-task-input.ts';
import {
  DatasetGroupPendingError,
  PersonalizeThrottledError,
  PersonalizeUnavailableError,
} from '#commons/errors.ts';
import {
  readInvocationSafetyMarginSeconds,
  readPollSchedule,
} from '#commons/poll-schedule-config.ts';
import { logger } from '#commons/powertools/logger.ts';
import { metrics, recordMetrics } from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const datasetGroups = personalizeDatasetGroups(personalizePollingClient);
const pollSchedule = readPollSchedule();
const safetyMarginSeconds = readInvocationSafetyMarginSeconds();

/**
 * Task `DescribeDatasetGroup`: polls the status and decides whether the
 * group has settled and, if not, where the next wait is spent
 * (poll-step.ts): slept here, in the same invocation; as the task's Retry,
 * by throwing DatasetGroupPendingError; or in the state machine's Wait
 * state, by returning the wait. Entered straight from the create task
 * (nothing polled yet), it first sleeps the schedule's first wait.
 */
const describeDatasetGroup = async (
  event: unknown,
  context: Context,
): Promise<CreationProgress> => {
  const input = parseDescribeTaskInput(event);
  let position = invocationPosition(input);
  let slept = false;
  let datasetGroup: DatasetGroup = {
    name: input.name,
    datasetGroupArn: input.datasetGroupArn,
  };
  const firstWait = firstWaitToSleep(position, {
    pollRetry: input.pollRetry,
    retryCount: input.retryCount,
    wallElapsedSeconds: secondsSince(input.executionStartTime, clock.now()),
    remainingMs: context.getRemainingTimeInMillis(),
    safetyMarginSeconds,
  });
  if (firstWait > 0) await clock.sleep(firstWait * 1000);
  for (;;) {
    try {
      datasetGroup = await datasetGroups.describe(
        input.datasetGroupArn,
        input.name,
      );
    } catch (error) {
      // A throttled or failed poll is a skipped poll: the schedule goes
      // on, with the status last seen, and the next poll is its retry.
      if (error instanceof PersonalizeThrottledError) {
        recordMetrics([pollThrottledMetric]);
      } else if (error instanceof PersonalizeUnavailableError) {
        recordMetrics([pollFailedMetric]);
      } else {
        throw error;
      }
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
    const step = decidePollStep(progress, {
      pollRetry: input.pollRetry,
      retryCount: input.retryCount,
      slept,
      remainingMs: context.getRemainingTimeInMillis(),
      safetyMarginSeconds,
      deadlineSeconds: pollSchedule.deadlineSeconds,
    });
    logger.info('Dataset group polled', {
      status: datasetGroup.status,
      outcome: progress.outcome,
      attempt: progress.attempt,
      waitSeconds:
        step.action === 'retry' ? step.delaySeconds : progress.waitSeconds,
      next: step.action,
    });
    if (step.action === 'return') return progress;
    if (step.action === 'retry') {
      throw new DatasetGroupPendingError(
        `Dataset group ${input.name} is ${datasetGroup.status ?? 'in an unknown status'} after ${Math.round(
          progress.elapsedSeconds - progress.waitSeconds,
        )} s (poll ${progress.attempt}); the task's Retry polls again in ${Math.round(step.delaySeconds)} s`,
      );
    }
    await clock.sleep(progress.waitSeconds * 1000);
    slept = true;
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
