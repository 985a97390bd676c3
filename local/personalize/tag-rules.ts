import {
  maxTagsPerRequest,
  reservedTagKeyPrefix,
  tagKeyMaxLength,
  tagPattern,
  tagValueMaxLength,
} from '#commons/dataset-group/constraints.ts';
import { invalidInput } from './emulator-error.ts';
import {
  checkList,
  checkString,
  isObject,
  type Violations,
} from './field-rules.ts';

export interface Tag {
  tagKey: string;
  tagValue: string;
}

const tagKeyRule = {
  required: true,
  minLength: 1,
  maxLength: tagKeyMaxLength,
  pattern: tagPattern,
  sensitive: true,
};

const tagValueRule = {
  required: true,
  maxLength: tagValueMaxLength,
  pattern: tagPattern,
  sensitive: true,
};

export const isReservedTagKey = (key: string): boolean =>
  key.toLowerCase().startsWith(reservedTagKeyPrefix);

/** Checks a `tags` list member (0..200 {tagKey, tagValue} items). */
export const checkTags = (
  violations: Violations,
  path: string,
  value: unknown,
  required: boolean,
): Tag[] | undefined => {
  const items = checkList(violations, path, value, {
    required,
    maxItems: maxTagsPerRequest,
  });
  if (items === undefined) return undefined;
  const tags: Tag[] = [];
  items.forEach((item, index) => {
    const at = `${path}.${index + 1}.member`;
    if (!isObject(item)) {
      violations.add(at, item, 'must be a structure', true);
      return;
    }
    const tagKey = checkString(
      violations,
      `${at}.tagKey`,
      item.tagKey,
      tagKeyRule,
    );
    const tagValue = checkString(
      violations,
      `${at}.tagValue`,
      item.tagValue,
      tagValueRule,
    );
    if (tagKey !== undefined && tagValue !== undefined) {
      tags.push({ tagKey, tagValue });
    }
  });
  return tags;
};

/** Checks a `tagKeys` list member (0..200 keys of 1..128 characters). */
export const checkTagKeys = (
  violations: Violations,
  path: string,
  value: unknown,
): string[] | undefined => {
  const items = checkList(violations, path, value, {
    required: true,
    maxItems: maxTagsPerRequest,
  });
  if (items === undefined) return undefined;
  const keys: string[] = [];
  items.forEach((item, index) => {
    const key = checkString(
      violations,
      `${path}.${index + 1}.member`,
      item,
      tagKeyRule,
    );
    if (key !== undefined) keys.push(key);
  });
  return keys;
};

/** `aws:` keys belong to AWS: users may neither set nor remove them. */
export const assertNoReservedTagKeys = (keys: readonly string[]): void => {
  const reserved = keys.find(isReservedTagKey);
  if (reserved !== undefined) {
    throw invalidInput(
      `Tag key '${reserved}' uses the reserved prefix '${reservedTagKeyPrefix}'`,
    );
  }
};

/** The rules beyond the shapes: no reserved keys, no key twice. */
export const assertUsableTagKeys = (keys: readonly string[]): void => {
  assertNoReservedTagKeys(keys);
  if (new Set(keys).size !== keys.length) {
    throw invalidInput('Tag keys must be unique within one request');
  }
};
