import {
  type DatasetGroupSummary,
  paginateListDatasetGroups,
} from '@aws-sdk/client-personalize';
import { toWorkflowError } from '../../clients/personalize-errors.ts';
import { json } from '../responses.ts';
import type { HttpApiDependencies, HttpRoute } from './http-route.ts';

const toSummary = (group: DatasetGroupSummary) => ({
  name: group.name,
  datasetGroupArn: group.datasetGroupArn,
  status: group.status,
  ...(group.domain === undefined ? {} : { domain: group.domain }),
  creationDateTime: group.creationDateTime?.toISOString(),
  lastUpdatedDateTime: group.lastUpdatedDateTime?.toISOString(),
  ...(group.failureReason === undefined
    ? {}
    : { failureReason: group.failureReason }),
});

/**
 * GET /dataset-groups: every dataset group, all pages read. A rate limit
 * becomes PersonalizeThrottledError (429), as on the other routes.
 */
export const listDatasetGroupsRoute =
  (deps: Pick<HttpApiDependencies, 'personalize'>): HttpRoute =>
  async () => {
    const summaries = [];
    try {
      for await (const page of paginateListDatasetGroups(
        { client: deps.personalize },
        {},
      )) {
        summaries.push(...(page.datasetGroups ?? []).map(toSummary));
      }
    } catch (error) {
      throw toWorkflowError(error, 'ListDatasetGroups');
    }
    return json(200, { datasetGroups: summaries });
  };
