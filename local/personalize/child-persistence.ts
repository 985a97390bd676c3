import type { ChildAction } from './child-lifecycle.ts';
import type { CreationFate } from './dataset-group-lifecycle.ts';
import type { RecordPersistence } from './dataset-persistence.ts';
import type { Tag } from './tag-rules.ts';

/** A JSON structure kept as the caller sent it (solutionConfig, …). */
export type JsonObject = Record<string, unknown>;

export interface EventTrackerAttributes {
  eventTrackerArn: string;
  trackingId: string;
  accountId: string;
}

export interface FilterAttributes {
  filterArn: string;
  filterExpression: string;
}

/** What a solution is configured with, and its versions copy. */
export interface SolutionSettings {
  performHPO?: boolean;
  performAutoML?: boolean;
  performAutoTraining?: boolean;
  performIncrementalUpdate?: boolean;
  recipeArn?: string;
  eventType?: string;
  solutionConfig?: JsonObject;
}

export interface SolutionAttributes extends SolutionSettings {
  solutionArn: string;
}

export const trainingModes = ['FULL', 'UPDATE', 'AUTOTRAIN'] as const;
export type TrainingMode = (typeof trainingModes)[number];

export interface SolutionVersionAttributes
  extends Omit<SolutionSettings, 'performAutoTraining'> {
  solutionVersionArn: string;
  solutionArn: string;
  /** The name given to CreateSolutionVersion, if one was. */
  versionName?: string;
  trainingMode: TrainingMode;
  trainingType: 'MANUAL';
}

export interface CampaignAttributes {
  campaignArn: string;
  solutionVersionArn: string;
  solutionArn: string;
  minProvisionedTPS: number;
  campaignConfig?: JsonObject;
}

export interface RecommenderAttributes {
  recommenderArn: string;
  recipeArn: string;
  recommenderConfig?: JsonObject;
}

export interface MetricAttribute {
  eventType: string;
  metricName: string;
  expression: string;
}

export interface MetricsOutputConfig {
  roleArn: string;
  s3DataDestination?: { path: string; kmsKeyArn?: string };
}

export interface MetricAttributionAttributes {
  metricAttributionArn: string;
  metrics: MetricAttribute[];
  metricsOutputConfig: MetricsOutputConfig;
}

/** The attributes of each kind, beyond what every kind has. */
export interface ChildAttributes {
  eventTracker: EventTrackerAttributes;
  filter: FilterAttributes;
  solution: SolutionAttributes;
  solutionVersion: SolutionVersionAttributes;
  campaign: CampaignAttributes;
  recommender: RecommenderAttributes;
  metricAttribution: MetricAttributionAttributes;
}

/** A resource of a dataset group as the emulator keeps it (JSON-safe). */
export interface StoredChild<A> {
  sequence: number;
  region: string;
  arn: string;
  /** The name (a solution version without one: its ID). */
  name: string;
  datasetGroupArn: string;
  /** What its List* filters on: the group, or the solution. */
  parentArn: string;
  createdAtMs: number;
  fate: CreationFate;
  tags: Tag[];
  /** The latest delete, stop or start asked of it. */
  action?: ChildAction;
  attributes: A;
}

/**
 * Where the resources of the dataset groups outlive the process, one
 * record persistence per kind, like DatasetPersistence.
 */
export type GroupChildPersistence = {
  [K in keyof ChildAttributes]: RecordPersistence<
    StoredChild<ChildAttributes[K]>
  >;
};
