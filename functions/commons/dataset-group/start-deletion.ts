import {
  DatasetGroupInUseError,
  DatasetGroupNotFoundError,
} from '../errors.ts';
import type { DatasetGroup } from './dataset-group.ts';
import type { DatasetGroupApi } from './dataset-group-api.ts';
import type { DatasetGroupDeleteRequest } from './delete-request-schema.ts';
import { datasetGroupStatus } from './status.ts';

export interface StartDeletionResult {
  datasetGroup: DatasetGroup;
  /** True when the group was already being deleted: this run only waits. */
  alreadyDeleting: boolean;
  /** True when a repeated attempt found the group gone already. */
  gone: boolean;
}

const deleting = (group: DatasetGroup): boolean =>
  group.status === datasetGroupStatus.deletePending ||
  group.status === 'DELETE IN_PROGRESS';

/**
 * Starts deleting the group of that name, idempotently: a group already
 * being deleted is waited for, not deleted twice. A group that does not
 * exist ends the workflow with DatasetGroupNotFoundError, unless this is
 * a `repeated` attempt (a Retry, or a run again of the execution after
 * the stack stopped under it): then the earlier attempt's deletion is
 * done, and the group is reported gone. A group Personalize refuses to
 * delete (datasets still in it, creation still underway) ends the
 * workflow with DatasetGroupInUseError.
 */
export const startDatasetGroupDeletion = async (
  request: DatasetGroupDeleteRequest,
  api: DatasetGroupApi,
  options: { repeated?: boolean } = {},
): Promise<StartDeletionResult> => {
  const existing = await api.findByName(request.name);
  if (existing?.datasetGroupArn === undefined) {
    if (options.repeated === true) {
      return {
        datasetGroup: { name: request.name },
        alreadyDeleting: true,
        gone: true,
      };
    }
    throw new DatasetGroupNotFoundError(
      `Dataset group ${request.name} does not exist`,
    );
  }
  if (deleting(existing)) {
    return { datasetGroup: existing, alreadyDeleting: true, gone: false };
  }
  const result = await api.delete(existing.datasetGroupArn, request.name);
  if (result.kind === 'in-use') {
    // Another deleter may have won the race: then there is nothing to do.
    const now = await api.describe(existing.datasetGroupArn, request.name);
    if (deleting(now)) {
      return { datasetGroup: now, alreadyDeleting: true, gone: false };
    }
    throw new DatasetGroupInUseError(
      `Personalize refused to delete dataset group ${request.name} (status ${
        now.status ?? 'unknown'
      }): ${result.message}`,
    );
  }
  return {
    datasetGroup: { ...existing, status: datasetGroupStatus.deletePending },
    alreadyDeleting: false,
    gone: false,
  };
};
