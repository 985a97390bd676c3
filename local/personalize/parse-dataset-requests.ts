import {
  canonicalDatasetType,
  type DatasetType,
  datasetTypes,
} from '#commons/datasets/dataset-types.ts';
import { invalidInput } from './emulator-error.ts';
import { checkString, type RequestBody, Violations } from './field-rules.ts';
import {
  arnRule,
  checkPage,
  type ListDatasetGroupsInput,
} from './parse-requests.ts';
import { nameRule } from './parse-schema-requests.ts';
import { assertUsableTagKeys, checkTags, type Tag } from './tag-rules.ts';

export interface CreateDatasetInput {
  name: string;
  schemaArn: string;
  datasetGroupArn: string;
  /** The canonical spelling, whatever case the caller used. */
  datasetType: DatasetType;
  tags: Tag[];
}

/** A page of a listing, optionally of one parent's children only. */
export interface ListChildrenInput extends ListDatasetGroupsInput {
  parentArn?: string;
}

/** Validates a CreateDataset body; the type is matched without case. */
export const parseCreateDataset = (body: RequestBody): CreateDatasetInput => {
  const violations = new Violations();
  const name = checkString(violations, 'name', body.name, nameRule);
  const schemaArn = checkString(
    violations,
    'schemaArn',
    body.schemaArn,
    arnRule,
  );
  const datasetGroupArn = checkString(
    violations,
    'datasetGroupArn',
    body.datasetGroupArn,
    arnRule,
  );
  const typeName = checkString(violations, 'datasetType', body.datasetType, {
    required: true,
    maxLength: 256,
    pattern: /^[A-Za-z_]+$/,
  });
  const tags = checkTags(violations, 'tags', body.tags, false);
  violations.throwIfAny();
  if (
    name === undefined ||
    schemaArn === undefined ||
    datasetGroupArn === undefined ||
    typeName === undefined
  ) {
    throw invalidInput(
      'name, schemaArn, datasetGroupArn and datasetType are required',
    );
  }
  const datasetType = canonicalDatasetType(typeName);
  if (datasetType === undefined) {
    throw invalidInput(
      `datasetType ${typeName} is not a dataset type: use one of ${datasetTypes.join(', ')} (in any case)`,
    );
  }
  assertUsableTagKeys((tags ?? []).map((tag) => tag.tagKey));
  return {
    name,
    schemaArn,
    datasetGroupArn,
    datasetType,
    tags: tags ?? [],
  };
};

/** A List* body: the page, and the optional parent ARN `member`. */
export const parseListChildren = (
  body: RequestBody,
  member: string,
): ListChildrenInput => {
  const violations = new Violations();
  const page = checkPage(violations, body);
  const parentArn = checkString(violations, member, body[member], {
    ...arnRule,
    required: false,
  });
  violations.throwIfAny();
  return { ...page, ...(parentArn !== undefined && { parentArn }) };
};
