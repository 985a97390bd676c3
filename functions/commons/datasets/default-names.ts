import { createHash } from 'node:crypto';
import { nameMaxLength } from '../dataset-group/constraints.ts';
import type { DatasetType } from './dataset-types.ts';

/** Hex digits of sha256(group name) that tell two cut names apart. */
export const groupHashLength = 6;

/** `Action_Interactions` → `action-interactions`. */
export const datasetTypeSlugOf = (datasetType: DatasetType): string =>
  datasetType.toLowerCase().replaceAll('_', '-');

/**
 * `<group>-<suffix>`, or, when that is longer than a Name may be,
 * `<group cut short>-<6 hex of sha256(group)>-<suffix>` in exactly
 * nameMaxLength characters: two long group names that share their start
 * still get different names. Deterministic, so a run again finds (and
 * adopts) what the first run created.
 */
const scopedName = (groupName: string, suffix: string): string => {
  const whole = `${groupName}-${suffix}`;
  if (whole.length <= nameMaxLength) return whole;
  const hash = createHash('sha256')
    .update(groupName, 'utf8')
    .digest('hex')
    .slice(0, groupHashLength);
  const kept = nameMaxLength - suffix.length - hash.length - 2;
  return `${groupName.slice(0, kept)}-${hash}-${suffix}`;
};

/** The schema's name when the declaration gives none: `acme-interactions`. */
export const defaultSchemaName = (
  groupName: string,
  datasetType: DatasetType,
): string => scopedName(groupName, datasetTypeSlugOf(datasetType));

/** The dataset's name when the declaration gives none: as the schema's. */
export const defaultDatasetName = (
  groupName: string,
  datasetType: DatasetType,
): string => scopedName(groupName, datasetTypeSlugOf(datasetType));

/** The import job's name when none is given: `acme-interactions-import`. */
export const defaultImportJobName = (
  groupName: string,
  datasetType: DatasetType,
): string => scopedName(groupName, `${datasetTypeSlugOf(datasetType)}-import`);
