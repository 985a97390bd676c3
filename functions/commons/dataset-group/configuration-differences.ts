import type { DatasetGroup } from './dataset-group.ts';
import type { DatasetGroupRequest, Tag } from './request-schema.ts';

const describeValue = (value: string | undefined): string =>
  value === undefined ? 'none' : `"${value}"`;

/**
 * How an existing group differs from a request, one sentence a field; empty
 * when the request can adopt it. The request's tags must all be on the
 * group with the same values; extra tags on the group are allowed.
 */
export const configurationDifferences = (
  request: DatasetGroupRequest,
  existing: DatasetGroup,
  existingTags: readonly Tag[],
): string[] => {
  const differences: string[] = [];
  for (const field of ['domain', 'kmsKeyArn', 'roleArn'] as const) {
    if (request[field] !== existing[field]) {
      differences.push(
        `${field} is ${describeValue(existing[field])}, the request asks for ${describeValue(request[field])}`,
      );
    }
  }
  const tagsOnGroup = new Map(
    existingTags.map((tag) => [tag.tagKey, tag.tagValue]),
  );
  for (const tag of request.tags ?? []) {
    const value = tagsOnGroup.get(tag.tagKey);
    if (value !== tag.tagValue) {
      differences.push(
        `tag "${tag.tagKey}" is ${describeValue(value)}, the request asks for "${tag.tagValue}"`,
      );
    }
  }
  return differences;
};
