import {
  type DatasetType,
  datasetArnSuffix,
} from '#commons/datasets/dataset-types.ts';
import { partitionOf } from './dataset-group-arn.ts';

const arnPrefix = (region: string, accountId: string): string =>
  `arn:${partitionOf(region)}:personalize:${region}:${accountId}`;

/** `arn:aws:personalize:<region>:<account>:schema/<name>`. */
export const schemaArnOf = (
  region: string,
  accountId: string,
  name: string,
): string => `${arnPrefix(region, accountId)}:schema/${name}`;

/** `…:dataset/<group name>/<TYPE>`: one dataset per type per group. */
export const datasetArnOf = (
  region: string,
  accountId: string,
  datasetGroupName: string,
  datasetType: DatasetType,
): string =>
  `${arnPrefix(region, accountId)}:${datasetArnSuffix(datasetGroupName, datasetType)}`;

/** `…:dataset-import-job/<job name>`: job names are unique per region. */
export const importJobArnOf = (
  region: string,
  accountId: string,
  jobName: string,
): string => `${arnPrefix(region, accountId)}:dataset-import-job/${jobName}`;

/** The resource type an ARN names (`dataset-group`, `dataset`, …). */
export const resourceTypeOf = (arn: string): string | undefined =>
  arn.match(/^arn:[^:]+:personalize:[^:]*:[^:]*:([a-z-]+)\//)?.[1];

/** The resource type in the ARNs of the kinds a group holds. */
export const childResourceTypes = {
  eventTracker: 'event-tracker',
  filter: 'filter',
  solution: 'solution',
  campaign: 'campaign',
  recommender: 'recommender',
  metricAttribution: 'metric-attribution',
} as const;

/** `…:<type>/<name>`: names are unique per kind, account and region. */
export const childArnOf = (
  region: string,
  accountId: string,
  kind: keyof typeof childResourceTypes,
  name: string,
): string =>
  `${arnPrefix(region, accountId)}:${childResourceTypes[kind]}/${name}`;

/** `…:solution/<solution name>/<version ID>`, as the service builds it. */
export const solutionVersionArnOf = (
  solutionArn: string,
  versionId: string,
): string => `${solutionArn}/${versionId}`;

/** Whether a `solution/…` ARN names a version (`solution/<name>/<id>`). */
export const isSolutionVersionArn = (arn: string): boolean =>
  /:solution\/[^/]+\/[^/]+$/.test(arn);
