import type { DatasetGroup } from './dataset-group.ts';
import type { DatasetGroupRequest, Tag } from './request-schema.ts';

export type CreateDatasetGroupResult =
  | { kind: 'created'; datasetGroupArn: string }
  | { kind: 'already-exists' };

export type DeleteDatasetGroupResult =
  | { kind: 'deleting' }
  /** ResourceInUseException, with the service's message. */
  | { kind: 'in-use'; message: string };

/**
 * The Personalize operations the workflow needs, as a narrow seam: the
 * domain logic is written against it, the SDK-backed implementation lives
 * in commons/clients, and tests pass an in-memory one.
 */
export interface DatasetGroupApi {
  create(request: DatasetGroupRequest): Promise<CreateDatasetGroupResult>;
  /** The group of that name, described in full, or undefined. */
  findByName(name: string): Promise<DatasetGroup | undefined>;
  /** Throws DatasetGroupNotFoundError when it does not exist. */
  describe(datasetGroupArn: string, name: string): Promise<DatasetGroup>;
  listTags(datasetGroupArn: string): Promise<Tag[]>;
  /** Throws DatasetGroupNotFoundError when it does not exist. */
  delete(
    datasetGroupArn: string,
    name: string,
  ): Promise<DeleteDatasetGroupResult>;
}
