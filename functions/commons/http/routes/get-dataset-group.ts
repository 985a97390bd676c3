import { validateDeleteRequest } from '../../dataset-group/validate-request.ts';
import { datasetGroupArnOf } from '../../executions/arns.ts';
import { json } from '../responses.ts';
import type { HttpApiDependencies, HttpRoute } from './http-route.ts';

/**
 * GET /dataset-groups/{name}: the DatasetGroup, with its datasets
 * (`datasets`, as ListDatasets summarises them), or a 404.
 */
export const getDatasetGroupRoute =
  (
    deps: Pick<
      HttpApiDependencies,
      'datasetGroups' | 'createStateMachineArn' | 'datasetsOf'
    >,
  ): HttpRoute =>
  async (event) => {
    // The name rules are those of a delete request: just the name.
    const request = validateDeleteRequest({
      name: event.pathParameters.name ?? '',
    });
    const group = await deps.datasetGroups.describe(
      datasetGroupArnOf(deps.createStateMachineArn, request.name),
      request.name,
    );
    if (deps.datasetsOf === undefined || group.datasetGroupArn === undefined) {
      return json(200, group);
    }
    const datasets = await deps.datasetsOf(group.datasetGroupArn);
    return json(200, { ...group, datasets });
  };
