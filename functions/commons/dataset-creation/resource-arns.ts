import {
  type DatasetType,
  datasetArnSuffix,
} from '../datasets/dataset-types.ts';

/**
 * `arn:<partition>:personalize:<region>:<account>:` of a dataset group's
 * ARN: schemas, datasets and import jobs live in the same account and
 * region, and their ARNs are made of their names (verified for dataset
 * groups; inferred for the others from the ARNs the service returns, the
 * emulator's local/personalize/resource-arns.ts builds the same).
 */
export const personalizeArnPrefix = (datasetGroupArn: string): string => {
  const match = /^(arn:[a-z\d-]+:personalize:[^:]*:[^:]*:)/.exec(
    datasetGroupArn,
  );
  if (match?.[1] === undefined) {
    throw new RangeError(`${datasetGroupArn} is not a Personalize ARN`);
  }
  return match[1];
};

export const schemaArnOf = (datasetGroupArn: string, name: string): string =>
  `${personalizeArnPrefix(datasetGroupArn)}schema/${name}`;

export const datasetArnOf = (
  datasetGroupArn: string,
  datasetGroupName: string,
  datasetType: DatasetType,
): string =>
  `${personalizeArnPrefix(datasetGroupArn)}${datasetArnSuffix(datasetGroupName, datasetType)}`;

export const importJobArnOf = (
  datasetGroupArn: string,
  jobName: string,
): string =>
  `${personalizeArnPrefix(datasetGroupArn)}dataset-import-job/${jobName}`;
