import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { sfnClient } from '#commons/clients/sfn.ts';
import { datasetsTriggerOf } from '#commons/dataset-creation/created-event-trigger.ts';
import { getStringFromEnv } from '#commons/env.ts';
import { parseEventBridgeEnvelope } from '#commons/events/eventbridge-envelope.ts';
import { findOrStartWorkflow } from '#commons/executions/start-workflow.ts';
import { logger } from '#commons/powertools/logger.ts';
import {
  MetricUnit,
  metricNames,
  metrics,
} from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const stateMachineArn = getStringFromEnv('CREATE_DATASETS_STATE_MACHINE_ARN');

/**
 * Target of the rule for `Dataset Group Created` events whose request
 * declares datasets: starts the create-datasets workflow, named after the
 * group's execution, so a duplicated event starts one run.
 */
const onDatasetGroupCreated = async (event: unknown) => {
  const trigger = datasetsTriggerOf(parseEventBridgeEnvelope(event));
  if (trigger === undefined) {
    logger.info('The request declares no datasets: nothing to start');
    return { started: false };
  }
  const started = await findOrStartWorkflow(
    sfnClient,
    stateMachineArn,
    trigger.executionName,
    trigger.input,
  );
  logger.info(
    started.replay
      ? 'Duplicate trigger: the datasets execution already exists'
      : 'Datasets execution started',
    { executionArn: started.executionArn, name: trigger.input.name },
  );
  metrics.addMetric(
    started.replay
      ? metricNames.duplicateExecutionIgnored
      : metricNames.executionStarted,
    MetricUnit.Count,
    1,
  );
  return {
    started: !started.replay,
    executionArn: started.executionArn,
    executionName: trigger.executionName,
  };
};

export const handler = middy(onDatasetGroupCreated)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
