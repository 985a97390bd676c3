import {
  roleArnMaxLength,
  roleArnPattern,
} from '#commons/dataset-group/constraints.ts';
import { invalidInput } from './emulator-error.ts';
import {
  checkBoolean,
  checkEnum,
  checkString,
  isObject,
  type RequestBody,
  Violations,
} from './field-rules.ts';
import { arnRule } from './parse-requests.ts';
import { nameRule } from './parse-schema-requests.ts';
import { assertUsableTagKeys, checkTags, type Tag } from './tag-rules.ts';

export const importModes = ['FULL', 'INCREMENTAL'] as const;
export type ImportMode = (typeof importModes)[number];

export interface CreateDatasetImportJobInput {
  jobName: string;
  datasetArn: string;
  dataLocation: string;
  roleArn?: string;
  /** FULL when the request leaves it out, as the service documents. */
  importMode: ImportMode;
  publishAttributionMetricsToS3?: boolean;
  tags: Tag[];
}

/** S3Location: len 0..256, `(s3|http|https)://.+` (full match). */
const dataLocationRule = {
  required: true,
  maxLength: 256,
  pattern: /^(s3|http|https):\/\/.+$/,
};

/** Validates a CreateDatasetImportJob body like the model. */
export const parseCreateDatasetImportJob = (
  body: RequestBody,
): CreateDatasetImportJobInput => {
  const violations = new Violations();
  const jobName = checkString(violations, 'jobName', body.jobName, nameRule);
  const datasetArn = checkString(
    violations,
    'datasetArn',
    body.datasetArn,
    arnRule,
  );
  let dataLocation: string | undefined;
  if (body.dataSource === undefined || body.dataSource === null) {
    violations.add('dataSource', body.dataSource, 'must not be null');
  } else if (!isObject(body.dataSource)) {
    violations.add('dataSource', body.dataSource, 'must be a structure');
  } else {
    dataLocation = checkString(
      violations,
      'dataSource.dataLocation',
      body.dataSource.dataLocation,
      dataLocationRule,
    );
  }
  const roleArn = checkString(violations, 'roleArn', body.roleArn, {
    maxLength: roleArnMaxLength,
    pattern: roleArnPattern,
  });
  const importMode = checkEnum(
    violations,
    'importMode',
    body.importMode,
    importModes,
  );
  const publish = checkBoolean(
    violations,
    'publishAttributionMetricsToS3',
    body.publishAttributionMetricsToS3,
  );
  const tags = checkTags(violations, 'tags', body.tags, false);
  violations.throwIfAny();
  if (
    jobName === undefined ||
    datasetArn === undefined ||
    dataLocation === undefined
  ) {
    throw invalidInput('jobName, datasetArn and dataSource are required');
  }
  assertUsableTagKeys((tags ?? []).map((tag) => tag.tagKey));
  return {
    jobName,
    datasetArn,
    dataLocation,
    ...(roleArn !== undefined && { roleArn }),
    importMode: importMode ?? 'FULL',
    ...(publish !== undefined && { publishAttributionMetricsToS3: publish }),
    tags: tags ?? [],
  };
};
