import type { DatasetGroupApi } from '../dataset-group/dataset-group-api.ts';
import type { DatasetGroupDeleteRequest } from '../dataset-group/delete-request-schema.ts';
import type { DeletionProgress } from '../dataset-group/deletion-progress.ts';
import { DatasetGroupInUseError } from '../errors.ts';
import { holdingsOf } from './child-resources.ts';
import type { GroupChildrenApi } from './teardown-api.ts';
import { referenceOf, type TeardownState } from './teardown-state.ts';

/**
 * When Personalize refused to delete the group (DatasetGroupInUseError),
 * what it holds. With cascade: the progress that sends the run to the
 * teardown, and the teardown's inventory. Without: the error again, its
 * message naming what the group holds. undefined for any other error, or
 * a group that holds nothing (still being created, say): the error stands.
 */
export const holdingsOfInUseGroup = async (
  error: unknown,
  request: DatasetGroupDeleteRequest,
  teardown: TeardownState,
  groups: DatasetGroupApi,
  children: GroupChildrenApi,
): Promise<
  { progress: DeletionProgress; teardown: TeardownState } | undefined
> => {
  if (!(error instanceof DatasetGroupInUseError)) return undefined;
  const group = await groups.findByName(request.name);
  if (group?.datasetGroupArn === undefined) return undefined;
  const held = await children.listChildren(group.datasetGroupArn);
  if (held.length === 0) return undefined;
  if (request.cascade !== true) {
    throw new DatasetGroupInUseError(
      `Dataset group ${request.name} holds ${holdingsOf(held)}: delete them first, or delete it with cascade: true`,
      { cause: error },
    );
  }
  const known = new Set(teardown.inventory.map((child) => child.arn));
  return {
    progress: {
      datasetGroup: group,
      outcome: 'CHILDREN',
      attempt: 0,
      elapsedSeconds: 0,
      waitSeconds: 0,
    },
    teardown: {
      ...teardown,
      outcome: 'IN_PROGRESS',
      inventory: [
        ...teardown.inventory,
        ...held.filter((child) => !known.has(child.arn)).map(referenceOf),
      ],
    },
  };
};
