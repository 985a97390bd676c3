import type { ChildKind } from './child-kinds.ts';
import type { ChildAttributes } from './child-persistence.ts';
import type { ChildView } from './child-store.ts';
import {
  toWireCampaign,
  toWireCampaignSummary,
  toWireEventTracker,
  toWireEventTrackerSummary,
  toWireFilter,
  toWireFilterSummary,
  toWireMetricAttribution,
  toWireMetricAttributionSummary,
  toWireRecommender,
  toWireRecommenderSummary,
  toWireSolution,
  toWireSolutionSummary,
  toWireSolutionVersion,
  toWireSolutionVersionSummary,
} from './child-wire-format.ts';
import type { RequestBody } from './field-rules.ts';
import type { GroupChildren } from './group-children.ts';
import type { Operation, OperationContext } from './operations.ts';
import {
  parseCreateCampaign,
  parseCreateEventTracker,
  parseCreateFilter,
  parseCreateMetricAttribution,
  parseCreateRecommender,
  parseCreateSolution,
  parseCreateSolutionVersion,
} from './parse-child-requests.ts';
import { parseListChildren } from './parse-dataset-requests.ts';
import { parseArnMember } from './parse-requests.ts';
import { resourceStatus } from './resource-status.ts';

type ChildOperationName =
  | 'CreateEventTracker'
  | 'DescribeEventTracker'
  | 'ListEventTrackers'
  | 'DeleteEventTracker'
  | 'CreateFilter'
  | 'DescribeFilter'
  | 'ListFilters'
  | 'DeleteFilter'
  | 'CreateSolution'
  | 'DescribeSolution'
  | 'ListSolutions'
  | 'DeleteSolution'
  | 'CreateSolutionVersion'
  | 'DescribeSolutionVersion'
  | 'ListSolutionVersions'
  | 'StopSolutionVersionCreation'
  | 'CreateCampaign'
  | 'DescribeCampaign'
  | 'ListCampaigns'
  | 'DeleteCampaign'
  | 'CreateRecommender'
  | 'DescribeRecommender'
  | 'ListRecommenders'
  | 'DeleteRecommender'
  | 'StopRecommender'
  | 'StartRecommender'
  | 'CreateMetricAttribution'
  | 'DescribeMetricAttribution'
  | 'ListMetricAttributions'
  | 'DeleteMetricAttribution';

const childrenOf = (context: OperationContext): GroupChildren =>
  context.stores.children;

/**
 * List*: the page under `resultKey`, of one parent (`parentMember`) or of
 * the whole region.
 */
const listOperation =
  <K extends ChildKind>(
    kind: K,
    parentMember: string,
    resultKey: string,
    toWire: (view: ChildView<ChildAttributes[K]>) => unknown,
  ): Operation =>
  (body, context) => {
    const { page, nextToken } = childrenOf(context).list(
      kind,
      context.region,
      parseListChildren(body, parentMember),
    );
    return {
      [resultKey]: page.map(toWire),
      ...(nextToken !== undefined && { nextToken }),
    };
  };

/** Delete*: `{<arnMember>}`, an empty 200 once the deletion has begun. */
const deleteOperation =
  (kind: Exclude<ChildKind, 'solutionVersion'>, arnMember: string): Operation =>
  (body, context) => {
    childrenOf(context).delete(kind, parseArnMember(body, arnMember));
    return undefined;
  };

const arnOf = (body: RequestBody, member: string) =>
  parseArnMember(body, member);

/** Event trackers, filters, solutions and their versions, campaigns,
 * recommenders and metric attributions. */
export const childOperations: Record<ChildOperationName, Operation> = {
  CreateEventTracker: (body, context) =>
    childrenOf(context).createEventTracker(
      context.region,
      parseCreateEventTracker(body),
    ),
  DescribeEventTracker: (body, context) => ({
    eventTracker: toWireEventTracker(
      childrenOf(context).describe(
        'eventTracker',
        arnOf(body, 'eventTrackerArn'),
      ),
    ),
  }),
  ListEventTrackers: listOperation(
    'eventTracker',
    'datasetGroupArn',
    'eventTrackers',
    toWireEventTrackerSummary,
  ),
  DeleteEventTracker: deleteOperation('eventTracker', 'eventTrackerArn'),

  CreateFilter: (body, context) =>
    childrenOf(context).createFilter(context.region, parseCreateFilter(body)),
  DescribeFilter: (body, context) => ({
    filter: toWireFilter(
      childrenOf(context).describe('filter', arnOf(body, 'filterArn')),
    ),
  }),
  // The model's result key is `Filters`, capital F.
  ListFilters: listOperation(
    'filter',
    'datasetGroupArn',
    'Filters',
    toWireFilterSummary,
  ),
  DeleteFilter: deleteOperation('filter', 'filterArn'),

  CreateSolution: (body, context) =>
    childrenOf(context).createSolution(
      context.region,
      parseCreateSolution(body),
    ),
  DescribeSolution: (body, context) => {
    const children = childrenOf(context);
    const solution = children.describe('solution', arnOf(body, 'solutionArn'));
    return {
      solution: toWireSolution(
        solution,
        children.latestVersionOf(solution.arn),
      ),
    };
  },
  ListSolutions: listOperation(
    'solution',
    'datasetGroupArn',
    'solutions',
    toWireSolutionSummary,
  ),
  DeleteSolution: deleteOperation('solution', 'solutionArn'),

  CreateSolutionVersion: (body, context) =>
    childrenOf(context).createSolutionVersion(
      context.region,
      parseCreateSolutionVersion(body),
    ),
  DescribeSolutionVersion: (body, context) => {
    const children = childrenOf(context);
    const version = children.describe(
      'solutionVersion',
      arnOf(body, 'solutionVersionArn'),
    );
    return {
      solutionVersion: toWireSolutionVersion(
        version,
        version.status === resourceStatus.active
          ? children.timings.solutionVersionTrainingMs
          : undefined,
      ),
    };
  },
  ListSolutionVersions: listOperation(
    'solutionVersion',
    'solutionArn',
    'solutionVersions',
    toWireSolutionVersionSummary,
  ),
  StopSolutionVersionCreation: (body, context) => {
    childrenOf(context).stopSolutionVersionCreation(
      arnOf(body, 'solutionVersionArn'),
    );
    return undefined;
  },

  CreateCampaign: (body, context) =>
    childrenOf(context).createCampaign(
      context.region,
      parseCreateCampaign(body),
    ),
  DescribeCampaign: (body, context) => ({
    campaign: toWireCampaign(
      childrenOf(context).describe('campaign', arnOf(body, 'campaignArn')),
    ),
  }),
  ListCampaigns: listOperation(
    'campaign',
    'solutionArn',
    'campaigns',
    toWireCampaignSummary,
  ),
  DeleteCampaign: deleteOperation('campaign', 'campaignArn'),

  CreateRecommender: (body, context) =>
    childrenOf(context).createRecommender(
      context.region,
      parseCreateRecommender(body),
    ),
  DescribeRecommender: (body, context) => ({
    recommender: toWireRecommender(
      childrenOf(context).describe(
        'recommender',
        arnOf(body, 'recommenderArn'),
      ),
    ),
  }),
  ListRecommenders: listOperation(
    'recommender',
    'datasetGroupArn',
    'recommenders',
    toWireRecommenderSummary,
  ),
  DeleteRecommender: deleteOperation('recommender', 'recommenderArn'),
  StopRecommender: (body, context) =>
    childrenOf(context).stopRecommender(arnOf(body, 'recommenderArn')),
  StartRecommender: (body, context) =>
    childrenOf(context).startRecommender(arnOf(body, 'recommenderArn')),

  CreateMetricAttribution: (body, context) =>
    childrenOf(context).createMetricAttribution(
      context.region,
      parseCreateMetricAttribution(body),
    ),
  DescribeMetricAttribution: (body, context) => ({
    metricAttribution: toWireMetricAttribution(
      childrenOf(context).describe(
        'metricAttribution',
        arnOf(body, 'metricAttributionArn'),
      ),
    ),
  }),
  ListMetricAttributions: listOperation(
    'metricAttribution',
    'datasetGroupArn',
    'metricAttributions',
    toWireMetricAttributionSummary,
  ),
  DeleteMetricAttribution: deleteOperation(
    'metricAttribution',
    'metricAttributionArn',
  ),
};
