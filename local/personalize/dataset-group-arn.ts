/** The partition a region belongs to, for building ARNs. */
export const partitionOf = (region: string): string => {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
};

/** `arn:aws:personalize:<region>:<account>:dataset-group/<name>` (§4). */
export const datasetGroupArnOf = (
  region: string,
  accountId: string,
  name: string,
): string =>
  `arn:${partitionOf(region)}:personalize:${region}:${accountId}:dataset-group/${name}`;
