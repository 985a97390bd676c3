import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { limitExceededAfterRetries } from '#commons/clients/limit-exceeded.ts';
import { personalizeClient } from '#commons/clients/personalize.ts';
import { personalizeDatasetGroups } from '#commons/clients/personalize-dataset-groups.ts';
import { clock } from '#commons/clock.ts';
import { createOrAdoptDatasetGroup } from '#commons/dataset-group/create-or-adopt.ts';
import {
  adoptedMetric,
  createFailureMetricsOf,
  creationRequestedMetric,
} from '#commons/dataset-group/creation-metrics.ts';
import {
  type CreationProgress,
  decideCreationProgress,
} from '#commons/dataset-group/creation-progress.ts';
import type { DatasetGroupRequest } from '#commons/dataset-group/request-schema.ts';
import {
  correlationIdOf,
  parseCreateTaskInput,
  secondsSince,
} from '#commons/dataset-group/task-inputs.ts';
import { validateDatasetGroupRequest } from '#commons/dataset-group/validate-request.ts';
import { readPollSchedule } from '#commons/poll-schedule-config.ts';
import { logger } from '#commons/powertools/logger.ts';
import { metrics, recordMetrics } from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const datasetGroups = personalizeDatasetGroups(personalizeClient);
const pollSchedule = readPollSchedule();

export interface CreateTaskOutput {
  request: DatasetGroupRequest;
  correlationId: string;
  alreadyExisted: boolean;
  progress: CreationProgress;
}

/**
 * Task `CreateDatasetGroup`: validates the request, creates the dataset
 * group or adopts an identical existing one, and returns the first poll
 * decision. The group's outcome metrics are the describe task's: every
 * execution polls at least once, an adopted ACTIVE group included.
 * Throws typed errors; the state machine's Retry/Catch decide. An
 * unrecognised LimitExceededException is thrown as throttling for the
 * first few retries (`retryCount`), then as the quota it may be.
 */
const createDatasetGroup = async (
  event: unknown,
): Promise<CreateTaskOutput> => {
  recordMetrics([creationRequestedMetric]);
  let retryCount = 0;
  try {
    const input = parseCreateTaskInput(event);
    retryCount = input.retryCount ?? 0;
    return await createOrAdopt(input);
  } catch (caught) {
    const error = limitExceededAfterRetries(caught, retryCount);
    recordMetrics(createFailureMetricsOf(error));
    throw error;
  }
};

const createOrAdopt = async (
  input: ReturnType<typeof parseCreateTaskInput>,
): Promise<CreateTaskOutput> => {
  const correlationId = correlationIdOf(input.request, input.executionName);
  logger.appendKeys({ correlationId });
  const request = validateDatasetGroupRequest(input.request);
  const { datasetGroup, alreadyExisted } = await createOrAdoptDatasetGroup(
    request,
    datasetGroups,
  );
  logger.info('Dataset group creation requested', {
    datasetGroup,
    alreadyExisted,
  });
  const progress = decideCreationProgress(
    datasetGroup,
    { attempt: 0, elapsedSeconds: 0 },
    secondsSince(input.executionStartTime, clock.now()),
    pollSchedule,
  );
  if (alreadyExisted) recordMetrics([adoptedMetric]);
  return {
    request,
    correlationId,
    alreadyExisted,
    progress,
  };
};

export const handler = middy(createDatasetGroup)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
