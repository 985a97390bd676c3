import {
  DeleteCampaignCommand,
  DeleteDatasetCommand,
  DeleteEventTrackerCommand,
  DeleteFilterCommand,
  DeleteMetricAttributionCommand,
  DeleteRecommenderCommand,
  DeleteSchemaCommand,
  DeleteSolutionCommand,
  DescribeDatasetCommand,
  type PersonalizeClient,
  paginateListCampaigns,
  paginateListDatasets,
  paginateListEventTrackers,
  paginateListFilters,
  paginateListMetricAttributions,
  paginateListRecommenders,
  paginateListSolutions,
  paginateListSolutionVersions,
  ResourceInUseException,
  ResourceNotFoundException,
  StopSolutionVersionCreationCommand,
} from '@aws-sdk/client-personalize';
import { PersonalizeThrottledError } from '../errors.ts';
import type { ChildResource } from '../teardown/child-resources.ts';
import type {
  ActionResult,
  GroupChildrenApi,
} from '../teardown/teardown-api.ts';
import type { TeardownAction } from '../teardown/teardown-plan.ts';
import { datasetsError } from './personalize-datasets.ts';

interface Summary {
  name?: string | undefined;
  status?: string | undefined;
  failureReason?: string | undefined;
}

const childOf = (
  kind: ChildResource['kind'],
  arn: string | undefined,
  summary: Summary,
  extra: Partial<ChildResource> = {},
): ChildResource[] =>
  arn === undefined
    ? []
    : [
        {
          kind,
          arn,
          name: summary.name ?? arn.split('/').at(-1) ?? arn,
          ...(summary.status !== undefined && { status: summary.status }),
          ...(summary.failureReason !== undefined && {
            failureReason: summary.failureReason,
          }),
          ...extra,
        },
      ];

/** Every page of a paginator, flattened. */
const all = async <Page, Item>(
  pages: AsyncIterable<Page>,
  items: (page: Page) => Item[] | undefined,
): Promise<Item[]> => {
  const found: Item[] = [];
  for await (const page of pages) found.push(...(items(page) ?? []));
  return found;
};

const settled = async (
  operation: string,
  call: () => Promise<unknown>,
): Promise<ActionResult> => {
  try {
    await call();
    return 'requested';
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return 'gone';
    if (error instanceof ResourceInUseException) return 'in-use';
    const mapped = datasetsError(error, operation);
    if (mapped instanceof PersonalizeThrottledError) return 'throttled';
    throw mapped;
  }
};

/** The teardown's calls over the Personalize SDK client. */
export const personalizeGroupChildren = (
  client: PersonalizeClient,
): GroupChildrenApi => {
  const listed = async <T>(
    operation: string,
    call: () => Promise<T[]>,
  ): Promise<T[]> => {
    try {
      return await call();
    } catch (error) {
      // ListSolutionVersions of a solution just deleted.
      if (error instanceof ResourceNotFoundException) return [];
      throw datasetsError(error, operation);
    }
  };
  const schemaOf = async (datasetArn: string) => {
    try {
      const { dataset } = await client.send(
        new DescribeDatasetCommand({ datasetArn }),
      );
      return dataset?.schemaArn;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw datasetsError(error, 'DescribeDataset');
    }
  };
  return {
    async listChildren(datasetGroupArn) {
      const [
        solutions,
        recommenders,
        trackers,
        filters,
        attributions,
        datasets,
      ] = await Promise.all([
        listed('ListSolutions', () =>
          all(
            paginateListSolutions({ client }, { datasetGroupArn }),
            (page) => page.solutions,
          ),
        ),
        listed('ListRecommenders', () =>
          all(
            paginateListRecommenders({ client }, { datasetGroupArn }),
            (page) => page.recommenders,
          ),
        ),
        listed('ListEventTrackers', () =>
          all(
            paginateListEventTrackers({ client }, { datasetGroupArn }),
            (page) => page.eventTrackers,
          ),
        ),
        listed('ListFilters', () =>
          all(
            paginateListFilters({ client }, { datasetGroupArn }),
            (page) => page.Filters,
          ),
        ),
        listed('ListMetricAttributions', () =>
          all(
            paginateListMetricAttributions({ client }, { datasetGroupArn }),
            (page) => page.metricAttributions,
          ),
        ),
        listed('ListDatasets', () =>
          all(
            paginateListDatasets({ client }, { datasetGroupArn }),
            (page) => page.datasets,
          ),
        ),
      ]);
      const perSolution = await Promise.all(
        solutions.map(async (solution) => {
          const solutionArn = solution.solutionArn ?? '';
          // The solution may go between the two lists: then so did these.
          const [campaigns, versions] = await Promise.all([
            listed('ListCampaigns', () =>
              all(
                paginateListCampaigns({ client }, { solutionArn }),
                (page) => page.campaigns,
              ),
            ),
            listed('ListSolutionVersions', () =>
              all(
                paginateListSolutionVersions({ client }, { solutionArn }),
                (page) => page.solutionVersions,
              ),
            ),
          ]);
          return [
            ...campaigns.flatMap((campaign) =>
              childOf('campaign', campaign.campaignArn, campaign, {
                solutionArn,
              }),
            ),
            ...versions.flatMap((version) =>
              childOf(
                'solutionVersion',
                version.solutionVersionArn,
                {
                  name: version.solutionVersionArn?.split('/').at(-1),
                  ...(version.status !== undefined && {
                    status: version.status,
                  }),
                  ...(version.failureReason !== undefined && {
                    failureReason: version.failureReason,
                  }),
                },
                { solutionArn },
              ),
            ),
          ];
        }),
      );
      return [
        ...perSolution.flat(),
        ...recommenders.flatMap((recommender) =>
          childOf('recommender', recommender.recommenderArn, recommender),
        ),
        ...trackers.flatMap((tracker) =>
          childOf('eventTracker', tracker.eventTrackerArn, tracker),
        ),
        ...filters.flatMap((filter) =>
          childOf('filter', filter.filterArn, filter),
        ),
        ...attributions.flatMap((attribution) =>
          childOf(
            'metricAttribution',
            attribution.metricAttributionArn,
            attribution,
          ),
        ),
        ...solutions.flatMap((solution) =>
          childOf('solution', solution.solutionArn, solution),
        ),
        ...datasets.flatMap((dataset) =>
          childOf('dataset', dataset.datasetArn, dataset),
        ),
      ];
    },

    act({ child, operation }: TeardownAction) {
      const arn = child.arn;
      switch (operation === 'stop' ? 'stop' : child.kind) {
        case 'stop':
          return settled('StopSolutionVersionCreation', () =>
            client.send(
              new StopSolutionVersionCreationCommand({
                solutionVersionArn: arn,
              }),
            ),
          );
        case 'campaign':
          return settled('DeleteCampaign', () =>
            client.send(new DeleteCampaignCommand({ campaignArn: arn })),
          );
        case 'recommender':
          return settled('DeleteRecommender', () =>
            client.send(new DeleteRecommenderCommand({ recommenderArn: arn })),
          );
        case 'eventTracker':
          return settled('DeleteEventTracker', () =>
            client.send(
              new DeleteEventTrackerCommand({ eventTrackerArn: arn }),
            ),
          );
        case 'filter':
          return settled('DeleteFilter', () =>
            client.send(new DeleteFilterCommand({ filterArn: arn })),
          );
        case 'metricAttribution':
          return settled('DeleteMetricAttribution', () =>
            client.send(
              new DeleteMetricAttributionCommand({ metricAttributionArn: arn }),
            ),
          );
        case 'solution':
          return settled('DeleteSolution', () =>
            client.send(new DeleteSolutionCommand({ solutionArn: arn })),
          );
        case 'dataset':
          return settled('DeleteDataset', () =>
            client.send(new DeleteDatasetCommand({ datasetArn: arn })),
          );
        default:
          throw new RangeError(`Cannot delete a ${child.kind} this way`);
      }
    },

    schemaArnOf: schemaOf,

    deleteSchema: (schemaArn) =>
      settled('DeleteSchema', () =>
        client.send(new DeleteSchemaCommand({ schemaArn })),
      ),
  };
};
