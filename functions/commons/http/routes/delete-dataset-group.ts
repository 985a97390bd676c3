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

/** A query value as the request contract takes it: "true"/"false" as booleans. */
const flagOf = (value: string | undefined): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/**
 * DELETE /dataset-groups/{name}[?cascade=true[&deleteSchemas=true]]:
 * start the delete workflow for a group that exists
 * (DatasetGroupNotFoundError, a 404, otherwise). The query parameters are
 * the delete request's fields; one the contract does not know, or a value
 * other than true or false, is a 400 that names it.
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
    const query = (event.queryStringParameters ?? {}) as Record<
      string,
      string | undefined
    >;
    const request = validateDeleteRequest({
      ...Object.fromEntries(
        Object.entries(query).map(([field, value]) => [field, flagOf(value)]),
      ),
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
