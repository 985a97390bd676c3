import type { EmulatedDatasetGroupView } from './dataset-group-store.ts';

/** Timestamps go on the wire as epoch seconds, fractional ms allowed. */
export const epochSeconds = (date: Date): number => date.getTime() / 1000;

/** DatasetGroupSummary (ListDatasetGroups): no roleArn, no kmsKeyArn. */
export const toWireSummary = (group: EmulatedDatasetGroupView) => ({
  name: group.name,
  datasetGroupArn: group.datasetGroupArn,
  status: group.status,
  creationDateTime: epochSeconds(group.creationDateTime),
  lastUpdatedDateTime: epochSeconds(group.lastUpdatedDateTime),
  ...(group.failureReason !== undefined && {
    failureReason: group.failureReason,
  }),
  ...(group.domain !== undefined && { domain: group.domain }),
});

/** DatasetGroup (DescribeDatasetGroup); absent members are left out. */
export const toWireDatasetGroup = (group: EmulatedDatasetGroupView) => ({
  ...toWireSummary(group),
  ...(group.roleArn !== undefined && { roleArn: group.roleArn }),
  ...(group.kmsKeyArn !== undefined && { kmsKeyArn: group.kmsKeyArn }),
});
