import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { sfnClient } from '#commons/clients/sfn.ts';
import { validateDeleteRequest } from '#commons/dataset-group/validate-request.ts';
import { getStringFromEnv } from '#commons/env.ts';
import { InvalidDatasetGroupRequestError } from '#commons/errors.ts';
import {
  type StartedFromEvent,
  startFromEvent,
} from '#commons/executions/start-from-event.ts';
import { logger } from '#commons/powertools/logger.ts';
import {
  MetricUnit,
  metricNames,
  metrics,
} from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const stateMachineArn = getStringFromEnv('DELETE_STATE_MACHINE_ARN');

/**
 * Target of the rule for `Dataset Group Delete Requested`: starts the
 * delete workflow, named after the event id. A duplicate delivery finds
 * the execution it started the first time and is not an error. A detail
 * that breaks the request contract is logged with each field and thrown:
 * it will never become valid, so after the rule's retries it lands in the
 * dead-letter queue, where an operator sees it.
 */
const onRequested = async (event: unknown): Promise<StartedFromEvent> => {
  try {
    const { request, ...started } = await startFromEvent(
      event,
      validateDeleteRequest,
      sfnClient,
      stateMachineArn,
    );
    logger.info(
      started.duplicate
        ? 'Duplicate delivery: the execution already exists'
        : 'Execution started',
      { ...started, name: request.name },
    );
    metrics.addMetric(
      started.duplicate
        ? metricNames.duplicateExecutionIgnored
        : metricNames.executionStarted,
      MetricUnit.Count,
      1,
    );
    return started;
  } catch (error) {
    if (error instanceof InvalidDatasetGroupRequestError) {
      logger.error('Rejected request', { issues: error.issues });
      metrics.addMetric(metricNames.requestRejected, MetricUnit.Count, 1);
    }
    throw error;
  }
};

export const handler = middy(onRequested)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
