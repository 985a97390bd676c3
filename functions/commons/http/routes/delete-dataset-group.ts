import { validateDeleteRequest } from '../../dataset-group/validate-request.ts';
import { datasetGroupArnOf } from '../../executions/arns.ts';
import { randomExecutionName } from '../../executions/execution-names.ts';
import { startWorkflow } from '../../executions/start-workflow.ts';
import { metricNames } from '../../powertools/metrics.ts';
import { json } from '../responses.ts';
import {
  type HttpApiDependencies,
  type HttpRoute,
  statusUrlOf,
} from './http-route.ts';

/**
 * DELETE /dataset-groups/{name}: start the delete workflow for a group
 * that exists (DatasetGroupNotFoundError, a 404, otherwise).
 */
export const deleteDatasetGroupRoute =
  (
    deps: Pick<
      HttpApiDependencies,
      | 'sfn'
      | 'datasetGroups'
      | 'createStateMachineArn'
      | 'deleteStateMachineArn'
      | 'count'
    >,
  ): HttpRoute =>
  async (event) => {
    const request = validateDeleteRequest({
      name: event.pathParameters.name ?? '',
    });
    await deps.datasetGroups.describe(
      datasetGroupArnOf(deps.createStateMachineArn, request.name),
      request.name,
    );
    const executionName = randomExecutionName('delete');
    const started = await startWorkflow(
      deps.sfn,
      deps.deleteStateMachineArn,
      executionName,
      request,
    );
    deps.count(metricNames.executionStarted);
    return json(202, {
      executionArn: started.executionArn,
      executionName,
      statusUrl: statusUrlOf(executionName),
    });
  };
