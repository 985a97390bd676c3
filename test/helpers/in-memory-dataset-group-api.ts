import type { DatasetGroup } from '#commons/dataset-group/dataset-group.ts';
import type { DatasetGroupApi } from '#commons/dataset-group/dataset-group-api.ts';
import type { Tag } from '#commons/dataset-group/request-schema.ts';
import { DatasetGroupNotFoundError } from '#commons/errors.ts';

/** A DatasetGroupApi over a Map: enough service for the domain's rules. */
export class InMemoryDatasetGroupApi implements DatasetGroupApi {
  readonly groups = new Map<string, { group: DatasetGroup; tags: Tag[] }>();
  createCalls = 0;

  seed(group: DatasetGroup, tags: Tag[] = []): void {
    this.groups.set(group.name, { group, tags });
  }

  async create(request: Parameters<DatasetGroupApi['create']>[0]) {
    this.createCalls += 1;
    if (this.groups.has(request.name))
      return { kind: 'already-exists' as const };
    const datasetGroupArn = `arn:aws:personalize:us-east-1:123456789012:dataset-group/${request.name}`;
    this.seed(
      { name: request.name, datasetGroupArn, status: 'CREATE PENDING' },
      request.tags ?? [],
    );
    return { kind: 'created' as const, datasetGroupArn };
  }

  async findByName(name: string) {
    return this.groups.get(name)?.group;
  }

  async describe(datasetGroupArn: string, name: string) {
    const entry = [...this.groups.values()].find(
      ({ group }) => group.datasetGroupArn === datasetGroupArn,
    );
    if (entry === undefined) {
      throw new DatasetGroupNotFoundError(`${name} does not exist`);
    }
    return entry.group;
  }

  async listTags(datasetGroupArn: string) {
    return (
      [...this.groups.values()].find(
        ({ group }) => group.datasetGroupArn === datasetGroupArn,
      )?.tags ?? []
    );
  }

  /** Names whose deletion Personalize refuses (ResourceInUseException). */
  readonly inUse = new Set<string>();
  deleteCalls = 0;

  async delete(datasetGroupArn: string, name: string) {
    this.deleteCalls += 1;
    const entry = [...this.groups.values()].find(
      ({ group }) => group.datasetGroupArn === datasetGroupArn,
    );
    if (entry === undefined) {
      throw new DatasetGroupNotFoundError(`${name} does not exist`);
    }
    if (this.inUse.has(name)) {
      return {
        kind: 'in-use' as const,
        message: `Dataset group ${name} still contains datasets`,
      };
    }
    entry.group = { ...entry.group, status: 'DELETE PENDING' };
    return { kind: 'deleting' as const };
  }
}
