import { maxTagsPerResource } from '#commons/dataset-group/constraints.ts';
import { tooManyTagKeys, tooManyTags } from './emulator-error.ts';
import type { Tag } from './tag-rules.ts';

/** The tag operations every taggable store answers. */
export interface TaggableStore {
  tagResource(resourceArn: string, tags: readonly Tag[]): void;
  untagResource(resourceArn: string, tagKeys: readonly string[]): void;
  listTags(resourceArn: string): Tag[];
}

/** A create's tags: at most 50 on one resource. */
export const assertTagsFitOnCreate = (tags: readonly Tag[]): void => {
  if (tags.length > maxTagsPerResource) {
    throw tooManyTags(
      `${tags.length} tags exceed the ${maxTagsPerResource} tags a resource can have`,
    );
  }
};

/** `current` with `added` set over it (a key keeps one value). */
export const withTags = (
  current: readonly Tag[],
  added: readonly Tag[],
): Tag[] => {
  const merged = new Map(current.map((tag) => [tag.tagKey, tag.tagValue]));
  for (const tag of added) merged.set(tag.tagKey, tag.tagValue);
  if (merged.size > maxTagsPerResource) {
    throw tooManyTags(
      `The resource would have ${merged.size} tags; at most ${maxTagsPerResource} are allowed`,
    );
  }
  return [...merged].map(([tagKey, tagValue]) => ({ tagKey, tagValue }));
};

/** UntagResource takes at most 50 keys at once. */
export const assertRemovableTagKeys = (tagKeys: readonly string[]): void => {
  if (tagKeys.length > maxTagsPerResource) {
    throw tooManyTagKeys(
      `${tagKeys.length} tag keys exceed the ${maxTagsPerResource} tag keys a resource can have`,
    );
  }
};

/** `current` without the keys of `tagKeys` (at most 50 keys at once). */
export const withoutTags = (
  current: readonly Tag[],
  tagKeys: readonly string[],
): Tag[] => {
  assertRemovableTagKeys(tagKeys);
  const removed = new Set(tagKeys);
  return current.filter((tag) => !removed.has(tag.tagKey));
};
