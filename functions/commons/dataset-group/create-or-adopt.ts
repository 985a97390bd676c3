import {
  DatasetGroupConfigurationMismatchError,
  DatasetGroupNotAdoptableError,
  DatasetGroupNotFoundError,
} from '../errors.ts';
import { configurationDifferences } from './configuration-differences.ts';
import type { DatasetGroup } from './dataset-group.ts';
import type { DatasetGroupApi } from './dataset-group-api.ts';
import type { DatasetGroupRequest } from './request-schema.ts';
import { datasetGroupStatus } from './status.ts';

export interface CreateOrAdoptResult {
  datasetGroup: DatasetGroup;
  alreadyExisted: boolean;
}

const newGroup = (
  request: DatasetGroupRequest,
  datasetGroupArn: string,
): DatasetGroup => ({
  name: request.name,
  datasetGroupArn,
  status: datasetGroupStatus.createPending,
  ...(request.domain === undefined ? {} : { domain: request.domain }),
  ...(request.roleArn === undefined ? {} : { roleArn: request.roleArn }),
  ...(request.kmsKeyArn === undefined ? {} : { kmsKeyArn: request.kmsKeyArn }),
});

/**
 * Creates the dataset group, or adopts an existing one of the same name when
 * its configuration matches the request (idempotent creation). Refuses a
 * group that failed, is being deleted, or was made with another
 * configuration.
 */
export const createOrAdoptDatasetGroup = async (
  request: DatasetGroupRequest,
  api: DatasetGroupApi,
): Promise<CreateOrAdoptResult> => {
  const created = await api.create(request);
  if (created.kind === 'created') {
    return {
      datasetGroup: newGroup(request, created.datasetGroupArn),
      alreadyExisted: false,
    };
  }

  const existing = await api.findByName(request.name);
  if (existing?.datasetGroupArn === undefined) {
    throw new DatasetGroupNotFoundError(
      `Personalize reported that dataset group ${request.name} already exists, but it could not be found; it was probably deleted meanwhile`,
    );
  }
  if (
    existing.status === datasetGroupStatus.createFailed ||
    existing.status === datasetGroupStatus.deletePending
  ) {
    throw new DatasetGroupNotAdoptableError(
      `Dataset group ${request.name} already exists in status ${existing.status}${
        existing.failureReason ? ` (${existing.failureReason})` : ''
      }; delete it before creating it again`,
    );
  }
  const tags = await api.listTags(existing.datasetGroupArn);
  const differences = configurationDifferences(request, existing, tags);
  if (differences.length > 0) {
    throw new DatasetGroupConfigurationMismatchError(
      `Dataset group ${request.name} already exists with another configuration: ${differences.join('; ')}`,
    );
  }
  return { datasetGroup: existing, alreadyExisted: true };
};
