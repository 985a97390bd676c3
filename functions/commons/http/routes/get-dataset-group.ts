import { validateDeleteRequest } from '../../dataset-group/validate-request.ts';
import { datasetGroupArnOf } from '../../executions/arns.ts';
import { json } from '../responses.ts';
import type { HttpApiDependencies, HttpRoute } from './http-route.ts';

/** GET /dataset-groups/{name}: the DatasetGroup, or a 404. */
export const getDatasetGroupRoute =
  (
    deps: Pick<HttpApiDependencies, 'datasetGroups' | 'createStateMachineArn'>,
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
    return json(200, group);
  };
