import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { personalizeClient } from '#commons/clients/personalize.ts';
import { personalizeDatasetGroups } from '#commons/clients/personalize-dataset-groups.ts';
import { personalizeGroupChildren } from '#commons/clients/personalize-group-children.ts';
import { clock } from '#commons/clock.ts';
import { deleteFailureMetricsOf } from '#commons/dataset-group/creation-metrics.ts';
import type { DatasetGroupDeleteRequest } from '#commons/dataset-group/delete-request-schema.ts';
import {
  type DeletionProgress,
  decideDeletionProgress,
} from '#commons/dataset-group/deletion-progress.ts';
import { startDatasetGroupDeletion } from '#commons/dataset-group/start-deletion.ts';
import {
  correlationIdOf,
  isRepeatedAttempt,
  parseDeleteTaskInput,
  secondsSince,
} from '#commons/dataset-group/task-inputs.ts';
import { validateDeleteRequest } from '#commons/dataset-group/validate-request.ts';
import { readPollSchedule } from '#commons/poll-schedule-config.ts';
import { logger } from '#commons/powertools/logger.ts';
import {
  MetricUnit,
  metricNames,
  metrics,
  recordMetrics,
} from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';
import { holdingsOfInUseGroup } from '#commons/teardown/in-use-group.ts';
import {
  noTeardown,
  type TeardownState,
} from '#commons/teardown/teardown-state.ts';

const datasetGroups = personalizeDatasetGroups(personalizeClient);
const groupChildren = personalizeGroupChildren(personalizeClient);
const pollSchedule = readPollSchedule();

export interface DeleteTaskOutput {
  request: DatasetGroupDeleteRequest;
  correlationId: string;
  alreadyDeleting: boolean;
  progress: DeletionProgress;
  /** The cascade delete's state (outcome NONE without cascade). */
  teardown: TeardownState;
}

/**
 * Task `DeleteDatasetGroup`: validates the request and starts deleting the
 * group, or joins a deletion already underway. Throws typed errors; the
 * state machine's Retry/Catch decide.
 */
const deleteDatasetGroup = async (
  event: unknown,
): Promise<DeleteTaskOutput> => {
  metrics.addMetric(metricNames.deletionRequested, MetricUnit.Count, 1);
  try {
    return await startDeletion(event);
  } catch (error) {
    recordMetrics(deleteFailureMetricsOf(error));
    throw error;
  }
};

const startDeletion = async (event: unknown): Promise<DeleteTaskOutput> => {
  const input = parseDeleteTaskInput(event);
  const correlationId = correlationIdOf(input.request, input.executionName);
  logger.appendKeys({ correlationId });
  const request = validateDeleteRequest(input.request);
  // DeleteEmptyDatasetGroup passes the cascade's state on (the task
  // input's schema knows only the request's fields).
  const teardown =
    (event as { teardown?: TeardownState }).teardown ??
    noTeardown(request.deleteSchemas === true);
  let started: Awaited<ReturnType<typeof startDatasetGroupDeletion>>;
  try {
    started = await startDatasetGroupDeletion(request, datasetGroups, {
      repeated: isRepeatedAttempt(input),
    });
  } catch (error) {
    // The group holds something: a cascade tears it down first; without
    // cascade the error names what it holds.
    const inUse = await holdingsOfInUseGroup(
      error,
      request,
      teardown,
      datasetGroups,
      groupChildren,
    );
    if (inUse === undefined) throw error;
    logger.info('Dataset group holds resources: tearing them down first', {
      inventory: inUse.teardown.inventory.length,
    });
    return {
      request,
      correlationId,
      alreadyDeleting: false,
      progress: inUse.progress,
      teardown: inUse.teardown,
    };
  }
  const { datasetGroup, alreadyDeleting, gone } = started;
  logger.info('Dataset group deletion requested', {
    datasetGroup,
    alreadyDeleting,
  });
  const progress = decideDeletionProgress(
    datasetGroup,
    gone,
    { attempt: 0, elapsedSeconds: 0 },
    secondsSince(input.executionStartTime, clock.now()),
    pollSchedule,
  );
  return {
    request,
    correlationId,
    alreadyDeleting,
    progress,
    teardown,
  };
};

export const handler = middy(deleteDatasetGroup)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
