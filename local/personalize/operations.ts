import type { DatasetGroupStore } from './dataset-group-store.ts';
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
import { toWireDatasetGroup, toWireSummary } from './wire-format.ts';

export interface OperationContext {
  store: DatasetGroupStore;
  /** The region the call was made in (SigV4 scope, else the default). */
  region: string;
}

/** A JSON output, or `undefined` for an empty 200 body. */
export type OperationOutput = Record<string, unknown> | undefined;

type Operation = (
  body: RequestBody,
  context: OperationContext,
) => OperationOutput;

/** Each operation: validate the body, apply it to the store, shape output. */
export const operations: Record<OperationName, Operation> = {
  CreateDatasetGroup: (body, { store, region }) =>
    store.create(region, parseCreateDatasetGroup(body)),

  DescribeDatasetGroup: (body, { store }) => ({
    datasetGroup: toWireDatasetGroup(
      store.describe(parseDatasetGroupArn(body)),
    ),
  }),

  ListDatasetGroups: (body, { store, region }) => {
    const page = store.list(region, parseListDatasetGroups(body));
    return {
      datasetGroups: page.datasetGroups.map(toWireSummary),
      ...(page.nextToken !== undefined && { nextToken: page.nextToken }),
    };
  },

  DeleteDatasetGroup: (body, { store }) => {
    store.delete(parseDatasetGroupArn(body));
    return undefined;
  },

  TagResource: (body, { store }) => {
    const { resourceArn, tags } = parseTagResource(body);
    store.tagResource(resourceArn, tags);
    return {};
  },

  UntagResource: (body, { store }) => {
    const { resourceArn, tagKeys } = parseUntagResource(body);
    store.untagResource(resourceArn, tagKeys);
    return {};
  },

  ListTagsForResource: (body, { store }) => ({
    tags: store.listTags(parseResourceArn(body)),
  }),
};
