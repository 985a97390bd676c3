import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { personalizeClient } from '#commons/clients/personalize.ts';
import { personalizeDatasetGroups } from '#commons/clients/personalize-dataset-groups.ts';
import { personalizeDatasets } from '#commons/clients/personalize-datasets.ts';
import {
  type PreparedRun,
  prepareDatasets,
} from '#commons/dataset-creation/prepare-step.ts';
import { taskInputOf } from '#commons/dataset-creation/task-input.ts';
import { logger } from '#commons/powertools/logger.ts';
import { metrics } from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const groups = personalizeDatasetGroups(personalizeClient);
const datasets = personalizeDatasets(personalizeClient);

/**
 * Task `PrepareDatasets`: validates the request against the group it
 * names and plans each dataset (prepare-step.ts). Creates nothing.
 */
const prepare = async (event: unknown): Promise<PreparedRun> => {
  const input = taskInputOf<{ request: unknown; executionName: string }>(
    'PrepareDatasets',
    event,
    [],
  );
  const run = await prepareDatasets(groups, datasets, input);
  logger.info('Datasets prepared', {
    datasetGroupArn: run.datasetGroup.datasetGroupArn,
    datasets: run.datasets.map((dataset) => dataset.datasetType),
  });
  return run;
};

export const handler = middy(prepare)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
