import { childOperations } from './child-operations.ts';
import { datasetOperations } from './dataset-operations.ts';
import type { EmulatorStores } from './emulator-stores.ts';
import type { RequestBody } from './field-rules.ts';
import type { OperationName } from './operation-names.ts';
import {
  parseCreateDatasetGroup,
  parseDatasetGroupArn,
  parseListDatasetGroups,
  parseResourceArn,
  parseTagResource,
  parseUntagResource,
} from './parse-requests.ts';
import { resourceTypeOf } from './resource-arns.ts';
import type { TaggableStore } from './resource-tags.ts';
import { toWireDatasetGroup, toWireSummary } from './wire-format.ts';

export interface OperationContext {
  stores: EmulatorStores;
  /** The region the call was made in (SigV4 scope, else the default). */
  region: string;
}

/** A JSON output, or `undefined` for an empty 200 body. */
export type OperationOutput = Record<string, unknown> | undefined;

export type Operation = (
  body: RequestBody,
  context: OperationContext,
) => OperationOutput;

/**
 * The store that holds a taggable ARN's resource: datasets, import jobs
 * and the kinds a group holds by their ARN's resource type, dataset
 * groups (and, answering ResourceNotFoundException, anything else) by
 * the group store.
 */
const taggable = (arn: string, { stores }: OperationContext): TaggableStore => {
  const child = stores.children.taggableFor(arn);
  if (child !== undefined) return child;
  switch (resourceTypeOf(arn)) {
    case 'dataset':
      return stores.datasets;
    case 'dataset-import-job':
      return stores.importJobs;
    default:
      return stores.groups;
  }
};

/** Each operation: validate the body, apply it to the store, shape output. */
export const operations: Record<OperationName, Operation> = {
  CreateDatasetGroup: (body, { stores, region }) =>
    stores.groups.create(region, parseCreateDatasetGroup(body)),

  DescribeDatasetGroup: (body, { stores }) => ({
    datasetGroup: toWireDatasetGroup(
      stores.groups.describe(parseDatasetGroupArn(body)),
    ),
  }),

  ListDatasetGroups: (body, { stores, region }) => {
    const page = stores.groups.list(region, parseListDatasetGroups(body));
    return {
      datasetGroups: page.datasetGroups.map(toWireSummary),
      ...(page.nextToken !== undefined && { nextToken: page.nextToken }),
    };
  },

  DeleteDatasetGroup: (body, { stores }) => {
    stores.groups.delete(parseDatasetGroupArn(body));
    return undefined;
  },

  TagResource: (body, context) => {
    const { resourceArn, tags } = parseTagResource(body);
    taggable(resourceArn, context).tagResource(resourceArn, tags);
    return {};
  },

  UntagResource: (body, context) => {
    const { resourceArn, tagKeys } = parseUntagResource(body);
    taggable(resourceArn, context).untagResource(resourceArn, tagKeys);
    return {};
  },

  ListTagsForResource: (body, context) => {
    const resourceArn = parseResourceArn(body);
    return { tags: taggable(resourceArn, context).listTags(resourceArn) };
  },

  ...datasetOperations,
  ...childOperations,
};
