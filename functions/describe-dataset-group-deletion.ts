import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { personalizeClient } from '#commons/clients/personalize.ts';
import { personalizeDatasetGroups } from '#commons/clients/personalize-dataset-groups.ts';
import { clock } from '#commons/clock.ts';
import type { DatasetGroup } from '#commons/dataset-group/dataset-group.ts';
import {
  type DeletionProgress,
  decideDeletionProgress,
} from '#commons/dataset-group/deletion-progress.ts';
import { sleepsInInvocation } from '#commons/dataset-group/poll-step.ts';
import {
  parseDescribeDeletionTaskInput,
  secondsSince,
} from '#commons/dataset-group/poll-task-input.ts';
import { DatasetGroupNotFoundError } from '#commons/errors.ts';
import {
  readInvocationSafetyMarginSeconds,
  readPollSchedule,
} from '#commons/poll-schedule-config.ts';
import { logger } from '#commons/powertools/logger.ts';
import {
  MetricUnit,
  metricNames,
  metrics,
} from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const datasetGroups = personalizeDatasetGroups(personalizeClient);
const pollSchedule = readPollSchedule();
const safetyMarginSeconds = readInvocationSafetyMarginSeconds();

/**
 * Task `DescribeDatasetGroupDeletion`: polls a deletion until the group is
 * gone (Personalize answers ResourceNotFoundException), the deletion
 * fails, or the next wait is one for the Wait state. Waits under 15 s are
 * slept here, in the same invocation (sleepsInInvocation), so a deletion
 * of a minute costs one invocation, not a Wait–Task–Choice loop a poll.
 */
const describeDatasetGroupDeletion = async (
  event: unknown,
  context: Context,
): Promise<DeletionProgress> => {
  const input = parseDescribeDeletionTaskInput(event);
  const lastSeen = input.datasetGroup as DatasetGroup & {
    datasetGroupArn: string;
  };
  let current: DatasetGroup = lastSeen;
  let position = {
    attempt: input.attempt,
    elapsedSeconds: input.elapsedSeconds,
  };
  for (;;) {
    let gone = false;
    try {
      current = await datasetGroups.describe(
        lastSeen.datasetGroupArn,
        lastSeen.name,
      );
    } catch (error) {
      if (!(error instanceof DatasetGroupNotFoundError)) throw error;
      gone = true;
    }
    const progress = decideDeletionProgress(
      current,
      gone,
      {
        attempt: position.attempt + 1,
        elapsedSeconds: position.elapsedSeconds,
      },
      secondsSince(input.executionStartTime, clock.now()),
      pollSchedule,
    );
    metrics.addMetric(metricNames.datasetGroupPolled, MetricUnit.Count, 1);
    if (progress.outcome === 'DELETED') {
      metrics.addMetric(metricNames.datasetGroupDeleted, MetricUnit.Count, 1);
    } else if (progress.outcome === 'FAILED') {
      metrics.addMetric(
        metricNames.datasetGroupDeletionFailed,
        MetricUnit.Count,
        1,
      );
    }
    const sleep = sleepsInInvocation(progress, {
      remainingMs: context.getRemainingTimeInMillis(),
      safetyMarginSeconds,
    });
    logger.info('Dataset group deletion polled', {
      status: current.status,
      gone,
      outcome: progress.outcome,
      attempt: progress.attempt,
      waitSeconds: progress.waitSeconds,
      next: sleep ? 'sleep' : 'return',
    });
    if (!sleep) return progress;
    await clock.sleep(progress.waitSeconds * 1000);
    position = {
      attempt: progress.attempt,
      elapsedSeconds: progress.elapsedSeconds,
    };
  }
};

export const handler = middy(describeDatasetGroupDeletion)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
