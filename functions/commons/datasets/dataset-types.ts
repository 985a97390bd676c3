import type { Domain } from '../dataset-group/constraints.ts';

/**
 * The five dataset types, spelled as the Personalize developer guide and
 * the CreateDataset examples spell them. The service matches
 * `datasetType` without regard to case; the workflow does too, and sends
 * the spelling below.
 */
export const datasetTypes = [
  'Interactions',
  'Items',
  'Users',
  'Actions',
  'Action_Interactions',
] as const;

export type DatasetType = (typeof datasetTypes)[number];

/** The canonical spelling of `value`, matched without regard to case. */
export const canonicalDatasetType = (value: string): DatasetType | undefined =>
  datasetTypes.find((type) => type.toLowerCase() === value.toLowerCase());

/**
 * The types a group takes: a domain group (ECOMMERCE, VIDEO_ON_DEMAND)
 * only its domain's Interactions, Items and Users; a custom group all
 * five (Actions and Action_Interactions exist only in custom groups).
 */
export const datasetTypesOf = (
  domain: Domain | undefined,
): readonly DatasetType[] =>
  domain === undefined ? datasetTypes : ['Interactions', 'Items', 'Users'];

/** A dataset ARN ends in `dataset/<group name>/<TYPE in capitals>`. */
export const datasetArnSuffix = (
  datasetGroupName: string,
  datasetType: DatasetType,
): string => `dataset/${datasetGroupName}/${datasetType.toUpperCase()}`;
