import {
  type Domain,
  datasetGroupArnMaxLength,
  datasetGroupArnPattern,
  domains,
  kmsKeyArnMaxLength,
  kmsKeyArnPattern,
  nameMaxLength,
  namePattern,
  roleArnMaxLength,
  roleArnPattern,
} from '#commons/dataset-group/constraints.ts';
import { invalidInput } from './emulator-error.ts';
import {
  checkEnum,
  checkInteger,
  checkString,
  type RequestBody,
  Violations,
} from './field-rules.ts';
import {
  assertNoReservedTagKeys,
  assertUsableTagKeys,
  checkTagKeys,
  checkTags,
  type Tag,
} from './tag-rules.ts';

export interface CreateDatasetGroupInput {
  name: string;
  roleArn?: string;
  kmsKeyArn?: string;
  domain?: Domain;
  tags: Tag[];
}

export interface ListDatasetGroupsInput {
  maxResults: number;
  nextToken?: string;
}

export const listMaxResults = 100;
export const nextTokenMaxLength = 1500;

/** Every Personalize ARN member: len 0..256, the model's Arn pattern. */
export const arnRule = {
  required: true,
  maxLength: datasetGroupArnMaxLength,
  pattern: datasetGroupArnPattern,
};

/** A body whose one required member is an ARN (Describe*, Delete*). */
export const parseArnMember = (body: RequestBody, member: string): string => {
  const violations = new Violations();
  const arn = checkString(violations, member, body[member], arnRule);
  violations.throwIfAny();
  return arn ?? '';
};

/** Validates a CreateDatasetGroup body like the service (§2.1, §9). */
export const parseCreateDatasetGroup = (
  body: RequestBody,
): CreateDatasetGroupInput => {
  const violations = new Violations();
  const name = checkString(violations, 'name', body.name, {
    required: true,
    minLength: 1,
    maxLength: nameMaxLength,
    pattern: namePattern,
  });
  const roleArn = checkString(violations, 'roleArn', body.roleArn, {
    maxLength: roleArnMaxLength,
    pattern: roleArnPattern,
  });
  const kmsKeyArn = checkString(violations, 'kmsKeyArn', body.kmsKeyArn, {
    maxLength: kmsKeyArnMaxLength,
    pattern: kmsKeyArnPattern,
  });
  const domain = checkEnum(violations, 'domain', body.domain, domains);
  const tags = checkTags(violations, 'tags', body.tags, false);
  violations.throwIfAny();
  if (name === undefined) throw invalidInput('name is required');
  if (kmsKeyArn !== undefined && roleArn === undefined) {
    throw invalidInput(
      'roleArn is required when kmsKeyArn is given: the role must have permission to use the KMS key',
    );
  }
  if (roleArn !== undefined && kmsKeyArn === undefined) {
    throw invalidInput(
      'roleArn is only valid together with kmsKeyArn: the role is the one Amazon Personalize assumes to use the KMS key',
    );
  }
  assertUsableTagKeys((tags ?? []).map((tag) => tag.tagKey));
  return {
    name,
    ...(roleArn !== undefined && { roleArn }),
    ...(kmsKeyArn !== undefined && { kmsKeyArn }),
    ...(domain !== undefined && { domain }),
    tags: tags ?? [],
  };
};

/** DescribeDatasetGroup and DeleteDatasetGroup: `{datasetGroupArn}`. */
export const parseDatasetGroupArn = (body: RequestBody): string =>
  parseArnMember(body, 'datasetGroupArn');

export const parseListDatasetGroups = (
  body: RequestBody,
): ListDatasetGroupsInput => {
  const violations = new Violations();
  const page = checkPage(violations, body);
  violations.throwIfAny();
  return page;
};

/** `maxResults` (1..100, default 100) and `nextToken` of any List*. */
export const checkPage = (
  violations: Violations,
  body: RequestBody,
): ListDatasetGroupsInput => {
  const maxResults = checkInteger(violations, 'maxResults', body.maxResults, {
    min: 1,
    max: listMaxResults,
  });
  const nextToken = checkString(violations, 'nextToken', body.nextToken, {
    maxLength: nextTokenMaxLength,
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the model's \p{ASCII}
    pattern: /^[\x00-\x7f]*$/,
  });
  return {
    maxResults: maxResults ?? listMaxResults,
    ...(nextToken !== undefined && { nextToken }),
  };
};

export const parseResourceArn = (body: RequestBody): string =>
  parseArnMember(body, 'resourceArn');

export const parseTagResource = (
  body: RequestBody,
): { resourceArn: string; tags: Tag[] } => {
  const violations = new Violations();
  const resourceArn = checkString(
    violations,
    'resourceArn',
    body.resourceArn,
    arnRule,
  );
  const tags = checkTags(violations, 'tags', body.tags, true);
  violations.throwIfAny();
  assertUsableTagKeys((tags ?? []).map((tag) => tag.tagKey));
  return { resourceArn: resourceArn ?? '', tags: tags ?? [] };
};

export const parseUntagResource = (
  body: RequestBody,
): { resourceArn: string; tagKeys: string[] } => {
  const violations = new Violations();
  const resourceArn = checkString(
    violations,
    'resourceArn',
    body.resourceArn,
    arnRule,
  );
  const tagKeys = checkTagKeys(violations, 'tagKeys', body.tagKeys);
  violations.throwIfAny();
  const keys = tagKeys ?? [];
  assertNoReservedTagKeys(keys);
  return { resourceArn: resourceArn ?? '', tagKeys: [...new Set(keys)] };
};
