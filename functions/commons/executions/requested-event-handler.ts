import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { sfnClient } from '../clients/sfn.ts';
import { getStringFromEnv } from '../env.ts';
import { FieldIssuesError } from '../errors.ts';
import { logger } from '../powertools/logger.ts';
import { MetricUnit, metricNames, metrics } from '../powertools/metrics.ts';
import { tracer } from '../powertools/tracer.ts';
import { type StartedFromEvent, startFromEvent } from './start-from-event.ts';

/**
 * The handler of a rule target for a `Dataset Group … Requested` event:
 * starts the workflow of the state machine named by `stateMachineVariable`,
 * named after the event id. A duplicate delivery finds the execution it
 * started the first time and is not an error. A detail that breaks the
 * request contract is logged with each field and thrown: it will never
 * become valid, so after the rule's retries it lands in the dead-letter
 * queue, where an operator sees it.
 */
export const requestedEventHandler = <
  Request extends { name: string; correlationId?: string | undefined },
>(options: {
  stateMachineVariable: string;
  validate: (detail: unknown) => Request;
}) => {
  const stateMachineArn = getStringFromEnv(options.stateMachineVariable);
  const onRequested = async (event: unknown): Promise<StartedFromEvent> => {
    try {
      const { request, ...started } = await startFromEvent(
        event,
        options.validate,
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
      // A bad envelope or a bad detail: either names each field.
      if (error instanceof FieldIssuesError) {
        logger.error('Rejected request', { issues: error.issues });
        metrics.addMetric(metricNames.requestRejected, MetricUnit.Count, 1);
      }
      throw error;
    }
  };
  return middy(onRequested)
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }));
};
