import type { ChildView } from './child-store.ts';
import type { ChildViewOf } from './group-children.ts';
import { epochSeconds } from './wire-format.ts';

/** status and the two timestamps, which every summary has. */
const statusAndTimes = (view: ChildView<unknown>) => ({
  status: view.status,
  creationDateTime: epochSeconds(view.creationDateTime),
  lastUpdatedDateTime: epochSeconds(view.lastUpdatedDateTime),
});

const failureOf = (view: ChildView<unknown>) =>
  view.failureReason === undefined ? {} : { failureReason: view.failureReason };

/** EventTrackerSummary (ListEventTrackers). */
export const toWireEventTrackerSummary = (
  view: ChildViewOf<'eventTracker'>,
) => ({
  name: view.name,
  eventTrackerArn: view.eventTrackerArn,
  ...statusAndTimes(view),
});

/** EventTracker (DescribeEventTracker): no failureReason in the shape. */
export const toWireEventTracker = (view: ChildViewOf<'eventTracker'>) => ({
  ...toWireEventTrackerSummary(view),
  accountId: view.accountId,
  trackingId: view.trackingId,
  datasetGroupArn: view.datasetGroupArn,
});

/** FilterSummary (ListFilters). */
export const toWireFilterSummary = (view: ChildViewOf<'filter'>) => ({
  name: view.name,
  filterArn: view.filterArn,
  datasetGroupArn: view.datasetGroupArn,
  ...statusAndTimes(view),
  ...failureOf(view),
});

/** Filter (DescribeFilter). */
export const toWireFilter = (view: ChildViewOf<'filter'>) => ({
  ...toWireFilterSummary(view),
  filterExpression: view.filterExpression,
});

/** SolutionVersionSummary (ListSolutionVersions, latestSolutionVersion). */
export const toWireSolutionVersionSummary = (
  view: ChildViewOf<'solutionVersion'>,
) => ({
  solutionVersionArn: view.solutionVersionArn,
  trainingMode: view.trainingMode,
  trainingType: view.trainingType,
  ...statusAndTimes(view),
  ...failureOf(view),
});

/** SolutionSummary (ListSolutions). */
export const toWireSolutionSummary = (view: ChildViewOf<'solution'>) => ({
  name: view.name,
  solutionArn: view.solutionArn,
  ...statusAndTimes(view),
  ...(view.recipeArn !== undefined && { recipeArn: view.recipeArn }),
});

/** The configuration a solution was created with, as far as it was given. */
const settingsOf = (
  view: ChildViewOf<'solution'> | ChildViewOf<'solutionVersion'>,
) => ({
  performHPO: view.performHPO ?? false,
  performAutoML: view.performAutoML ?? false,
  ...(view.performIncrementalUpdate !== undefined && {
    performIncrementalUpdate: view.performIncrementalUpdate,
  }),
  ...(view.eventType !== undefined && { eventType: view.eventType }),
  ...(view.solutionConfig !== undefined && {
    solutionConfig: view.solutionConfig,
  }),
  datasetGroupArn: view.datasetGroupArn,
});

/** Solution (DescribeSolution), with its newest version's summary. */
export const toWireSolution = (
  view: ChildViewOf<'solution'>,
  latest: ChildViewOf<'solutionVersion'> | undefined,
) => ({
  ...toWireSolutionSummary(view),
  ...settingsOf(view),
  ...(view.performAutoTraining !== undefined && {
    performAutoTraining: view.performAutoTraining,
  }),
  ...(latest !== undefined && {
    latestSolutionVersion: toWireSolutionVersionSummary(latest),
  }),
});

/**
 * SolutionVersion (DescribeSolutionVersion); trainingHours once ACTIVE,
 * from the time it trained.
 */
export const toWireSolutionVersion = (
  view: ChildViewOf<'solutionVersion'>,
  trainedMs: number | undefined,
) => ({
  ...toWireSolutionVersionSummary(view),
  ...(view.versionName !== undefined && { name: view.versionName }),
  solutionArn: view.solutionArn,
  ...(view.recipeArn !== undefined && { recipeArn: view.recipeArn }),
  ...settingsOf(view),
  ...(trainedMs !== undefined && { trainingHours: trainedMs / 3_600_000 }),
});

/** CampaignSummary (ListCampaigns). */
export const toWireCampaignSummary = (view: ChildViewOf<'campaign'>) => ({
  name: view.name,
  campaignArn: view.campaignArn,
  ...statusAndTimes(view),
  ...failureOf(view),
});

/** Campaign (DescribeCampaign). */
export const toWireCampaign = (view: ChildViewOf<'campaign'>) => ({
  ...toWireCampaignSummary(view),
  solutionVersionArn: view.solutionVersionArn,
  minProvisionedTPS: view.minProvisionedTPS,
  ...(view.campaignConfig !== undefined && {
    campaignConfig: view.campaignConfig,
  }),
});

/** RecommenderSummary (ListRecommenders). */
export const toWireRecommenderSummary = (view: ChildViewOf<'recommender'>) => ({
  name: view.name,
  recommenderArn: view.recommenderArn,
  datasetGroupArn: view.datasetGroupArn,
  recipeArn: view.recipeArn,
  ...(view.recommenderConfig !== undefined && {
    recommenderConfig: view.recommenderConfig,
  }),
  ...statusAndTimes(view),
});

/** Recommender (DescribeRecommender). */
export const toWireRecommender = (view: ChildViewOf<'recommender'>) => ({
  ...toWireRecommenderSummary(view),
  ...failureOf(view),
});

/** MetricAttributionSummary (ListMetricAttributions). */
export const toWireMetricAttributionSummary = (
  view: ChildViewOf<'metricAttribution'>,
) => ({
  name: view.name,
  metricAttributionArn: view.metricAttributionArn,
  ...statusAndTimes(view),
  ...failureOf(view),
});

/** MetricAttribution (DescribeMetricAttribution). */
export const toWireMetricAttribution = (
  view: ChildViewOf<'metricAttribution'>,
) => ({
  ...toWireMetricAttributionSummary(view),
  datasetGroupArn: view.datasetGroupArn,
  metricsOutputConfig: view.metricsOutputConfig,
});
