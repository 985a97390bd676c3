import type { DatasetGroup as SdkDatasetGroup } from '@aws-sdk/client-personalize';
import type { Domain } from './constraints.ts';

/**
 * A dataset group as this project publishes it: the fields of the
 * Personalize DatasetGroup type, timestamps as ISO-8601 strings, absent
 * fields left out.
 */
export interface DatasetGroup {
  name: string;
  datasetGroupArn?: string;
  status?: string;
  domain?: Domain;
  roleArn?: string;
  kmsKeyArn?: string;
  creationDateTime?: string;
  lastUpdatedDateTime?: string;
  failureReason?: string;
}

const isoOf = (date: Date | undefined): string | undefined =>
  date === undefined ? undefined : date.toISOString();

/** Converts the SDK's DatasetGroup (Dates, optional everything). */
export const toDatasetGroup = (
  sdk: SdkDatasetGroup,
  fallbackName: string,
): DatasetGroup => {
  const fields: Record<string, unknown> = {
    name: sdk.name ?? fallbackName,
    datasetGroupArn: sdk.datasetGroupArn,
    status: sdk.status,
    domain: sdk.domain,
    roleArn: sdk.roleArn,
    kmsKeyArn: sdk.kmsKeyArn,
    creationDateTime: isoOf(sdk.creationDateTime),
    lastUpdatedDateTime: isoOf(sdk.lastUpdatedDateTime),
    failureReason: sdk.failureReason,
  };
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as unknown as DatasetGroup;
};
