import type { Domain } from '#commons/dataset-group/constraints.ts';
import {
  type DatasetGroupStatus,
  datasetGroupStatus,
  isCreationUnderway,
} from '#commons/dataset-group/status.ts';
import type { Clock } from './clock.ts';
import { datasetGroupArnOf } from './dataset-group-arn.ts';
import {
  activeFate,
  type CreationFate,
  type LifecycleState,
  lifecycleAt,
} from './dataset-group-lifecycle.ts';
import type {
  DatasetGroupPersistence,
  StoredDatasetGroup,
} from './dataset-group-persistence.ts';
import type { DeletionLogEntry } from './deletion-log.ts';
import {
  limitExceeded,
  resourceAlreadyExists,
  resourceInUse,
  resourceNotFound,
} from './emulator-error.ts';
import type { LifecycleTimings } from './lifecycle-timings.ts';
import { pageOf } from './list-page.ts';
import type {
  CreateDatasetGroupInput,
  ListDatasetGroupsInput,
} from './parse-requests.ts';
import {
  assertRemovableTagKeys,
  assertTagsFitOnCreate,
  type TaggableStore,
  withTags,
} from './resource-tags.ts';
import type { Tag } from './tag-rules.ts';

/** A dataset group as it is at the moment it was read. */
export interface EmulatedDatasetGroupView {
  name: string;
  datasetGroupArn: string;
  region: string;
  status: DatasetGroupStatus;
  creationDateTime: Date;
  lastUpdatedDateTime: Date;
  roleArn?: string;
  kmsKeyArn?: string;
  domain?: Domain;
  failureReason?: string;
  tags: Tag[];
  /** Marked with markHasDatasets, or really holding datasets. */
  hasDatasets: boolean;
}

export interface DatasetGroupStoreOptions {
  clock: Clock;
  /** Changeable with setTimings. */
  timings: LifecycleTimings;
  /** Dataset groups per account and region that count toward the quota. */
  quota: number;
  accountId: string;
  /** Asked once per creation how it will end (fault injection). */
  fateOf?: (name: string) => CreationFate;
  /** Keeps the groups across restarts; without it they live in memory. */
  persistence?: DatasetGroupPersistence;
  /** Whether a group really holds datasets (the dataset store knows). */
  holdsDatasets?: (datasetGroupArn: string) => boolean;
  /**
   * What a group still holds ("2 datasets", "1 solution", …): while it
   * holds anything, DeleteDatasetGroup is refused and the answer names it.
   */
  contentsOf?: (datasetGroupArn: string) => string[];
  /** Told of each group as it is forgotten, with when it went. */
  onGone?: (entry: DeletionLogEntry) => void;
}

interface DatasetGroupRecord {
  readonly sequence: number;
  readonly region: string;
  readonly input: CreateDatasetGroupInput;
  readonly datasetGroupArn: string;
  readonly createdAtMs: number;
  readonly fate: CreationFate;
  readonly tags: Map<string, string>;
  hasDatasets: boolean;
  deleteRequestedAtMs?: number;
}

/** Statuses that count toward the quota: every creation not given up. */
const countsTowardQuota = (status: DatasetGroupStatus): boolean =>
  status !== datasetGroupStatus.createFailed &&
  status !== datasetGroupStatus.deletePending;

const toStored = (record: DatasetGroupRecord): StoredDatasetGroup => ({
  sequence: record.sequence,
  region: record.region,
  datasetGroupArn: record.datasetGroupArn,
  input: record.input,
  createdAtMs: record.createdAtMs,
  fate: record.fate,
  tags: [...record.tags].map(([tagKey, tagValue]) => ({ tagKey, tagValue })),
  hasDatasets: record.hasDatasets,
  ...(record.deleteRequestedAtMs !== undefined && {
    deleteRequestedAtMs: record.deleteRequestedAtMs,
  }),
});

const fromStored = (stored: StoredDatasetGroup): DatasetGroupRecord => ({
  sequence: stored.sequence,
  region: stored.region,
  datasetGroupArn: stored.datasetGroupArn,
  input: stored.input,
  createdAtMs: stored.createdAtMs,
  fate: stored.fate,
  tags: new Map(stored.tags.map((tag) => [tag.tagKey, tag.tagValue])),
  hasDatasets: stored.hasDatasets,
  ...(stored.deleteRequestedAtMs !== undefined && {
    deleteRequestedAtMs: stored.deleteRequestedAtMs,
  }),
});

/**
 * The dataset groups of one account, in memory (and, with a persistence,
 * saved as they change), with no I/O of its own: every
 * operation's rules and the lifecycle, evaluated lazily on the clock.
 * Methods throw EmulatorError for what the service answers with an error.
 */
export class DatasetGroupStore implements TaggableStore {
  readonly #options: DatasetGroupStoreOptions;
  readonly #records = new Map<string, DatasetGroupRecord>();
  #nextSequence = 0;

  constructor(options: DatasetGroupStoreOptions) {
    if (
      !(options.quota >= 0) ||
      !(Number.isInteger(options.quota) || options.quota === Infinity)
    ) {
      throw new RangeError('quota must be an integer >= 0 (or Infinity)');
    }
    this.#options = options;
    for (const stored of options.persistence?.load() ?? []) {
      this.#records.set(stored.datasetGroupArn, fromStored(stored));
      this.#nextSequence = Math.max(this.#nextSequence, stored.sequence + 1);
    }
  }

  create(
    region: string,
    input: CreateDatasetGroupInput,
  ): { datasetGroupArn: string; domain?: Domain } {
    const now = this.#sweep();
    assertTagsFitOnCreate(input.tags);
    const datasetGroupArn = datasetGroupArnOf(
      region,
      this.#options.accountId,
      input.name,
    );
    if (this.#records.has(datasetGroupArn)) {
      throw resourceAlreadyExists(
        `Dataset group with name ${input.name} already exists`,
      );
    }
    const counted = this.#inRegion(region).filter(({ state }) =>
      countsTowardQuota(state.status),
    ).length;
    if (counted >= this.#options.quota) {
      throw limitExceeded(
        `You have reached the limit of ${this.#options.quota} dataset groups in ${region}`,
      );
    }
    const record: DatasetGroupRecord = {
      sequence: this.#nextSequence++,
      region,
      input,
      datasetGroupArn,
      createdAtMs: now,
      fate: this.#options.fateOf?.(input.name) ?? activeFate,
      tags: new Map(input.tags.map((tag) => [tag.tagKey, tag.tagValue])),
      hasDatasets: false,
    };
    this.#records.set(datasetGroupArn, record);
    this.#save(record);
    return {
      datasetGroupArn,
      ...(input.domain !== undefined && { domain: input.domain }),
    };
  }

  describe(datasetGroupArn: string): EmulatedDatasetGroupView {
    this.#sweep();
    return this.#view(this.#find(datasetGroupArn));
  }

  list(
    region: string,
    input: ListDatasetGroupsInput,
  ): { datasetGroups: EmulatedDatasetGroupView[]; nextToken?: string } {
    this.#sweep();
    const records = this.#inRegion(region).map(({ record }) => record);
    const { page, nextToken } = pageOf(records, input, region);
    return {
      datasetGroups: page.map((record) => this.#view(record)),
      ...(nextToken !== undefined && { nextToken }),
    };
  }

  delete(datasetGroupArn: string): void {
    const now = this.#sweep();
    const record = this.#find(datasetGroupArn);
    const { status } = this.#stateOf(record);
    if (status === datasetGroupStatus.deletePending) return;
    if (isCreationUnderway(status)) {
      throw resourceInUse(
        `Dataset group ${datasetGroupArn} is ${status}; wait until it is ACTIVE or CREATE FAILED`,
      );
    }
    const contents = this.#options.contentsOf?.(datasetGroupArn) ?? [];
    if (contents.length > 0 || this.#hasDatasets(record)) {
      const held = contents.length > 0 ? contents.join(', ') : 'datasets';
      throw resourceInUse(
        `Dataset group ${datasetGroupArn} still contains ${held}; delete them first`,
      );
    }
    record.deleteRequestedAtMs = now;
    this.#save(record);
  }

  tagResource(resourceArn: string, tags: readonly Tag[]): void {
    this.#sweep();
    const record = this.#modifiable(resourceArn);
    const merged = withTags(this.#tagsOf(record), tags);
    record.tags.clear();
    for (const tag of merged) record.tags.set(tag.tagKey, tag.tagValue);
    this.#save(record);
  }

  untagResource(resourceArn: string, tagKeys: readonly string[]): void {
    this.#sweep();
    assertRemovableTagKeys(tagKeys);
    const record = this.#modifiable(resourceArn);
    for (const key of tagKeys) record.tags.delete(key);
    this.#save(record);
  }

  listTags(resourceArn: string): Tag[] {
    this.#sweep();
    return this.#tagsOf(this.#find(resourceArn));
  }

  /**
   * Marks a group as holding datasets (which blocks its deletion) without
   * creating any; a group that really holds datasets is in use either way.
   */
  markHasDatasets(nameOrArn: string, hasDatasets: boolean): void {
    this.#sweep();
    const matches = [...this.#records.values()].filter((record) =>
      nameOrArn.startsWith('arn:')
        ? record.datasetGroupArn === nameOrArn
        : record.input.name === nameOrArn,
    );
    if (matches.length === 0) {
      throw new Error(`No emulated dataset group ${nameOrArn}`);
    }
    for (const record of matches) {
      record.hasDatasets = hasDatasets;
      this.#save(record);
    }
  }

  /** Every group that still exists, oldest first, as it is now. */
  views(): EmulatedDatasetGroupView[] {
    this.#sweep();
    return [...this.#records.values()].map((record) => this.#view(record));
  }

  clear(): void {
    this.#records.clear();
    this.#options.persistence?.clear();
  }

  /** Changes how long the transient statuses last, for every group. */
  setTimings(timings: LifecycleTimings): void {
    this.#options.timings = timings;
  }

  /** Forgets groups whose deletion has finished; returns the time. */
  #sweep(): number {
    const now = this.#options.clock.now();
    for (const [arn, record] of this.#records) {
      if (lifecycleAt(record, this.#options.timings, now) === undefined) {
        this.#records.delete(arn);
        this.#options.persistence?.remove(arn);
        this.#options.onGone?.({
          kind: 'datasetGroup',
          arn,
          name: record.input.name,
          goneAt:
            (record.deleteRequestedAtMs ?? now) +
            this.#options.timings.deleteMs,
        });
      }
    }
    return now;
  }

  #save(record: DatasetGroupRecord): void {
    this.#options.persistence?.save(toStored(record));
  }

  #stateOf(record: DatasetGroupRecord): LifecycleState {
    const now = this.#options.clock.now();
    return (
      lifecycleAt(record, this.#options.timings, now) ?? {
        status: datasetGroupStatus.deletePending,
        lastUpdatedMs: record.deleteRequestedAtMs ?? now,
      }
    );
  }

  #inRegion(region: string) {
    return [...this.#records.values()]
      .filter((record) => record.region === region)
      .map((record) => ({ record, state: this.#stateOf(record) }));
  }

  #find(arn: string): DatasetGroupRecord {
    const record = this.#records.get(arn);
    if (record === undefined) {
      throw resourceNotFound(`Could not find resource ${arn}`);
    }
    return record;
  }

  #modifiable(arn: string): DatasetGroupRecord {
    const record = this.#find(arn);
    if (this.#stateOf(record).status === datasetGroupStatus.deletePending) {
      throw resourceInUse(`Resource ${arn} is being deleted`);
    }
    return record;
  }

  /** Marked as holding datasets (markHasDatasets), or really holding some. */
  #hasDatasets(record: DatasetGroupRecord): boolean {
    return (
      record.hasDatasets ||
      (this.#options.holdsDatasets?.(record.datasetGroupArn) ?? false)
    );
  }

  #tagsOf(record: DatasetGroupRecord): Tag[] {
    return [...record.tags].map(([tagKey, tagValue]) => ({ tagKey, tagValue }));
  }

  #view(record: DatasetGroupRecord): EmulatedDatasetGroupView {
    const state = this.#stateOf(record);
    const { name, roleArn, kmsKeyArn, domain } = record.input;
    return {
      name,
      datasetGroupArn: record.datasetGroupArn,
      region: record.region,
      status: state.status,
      creationDateTime: new Date(record.createdAtMs),
      lastUpdatedDateTime: new Date(state.lastUpdatedMs),
      ...(roleArn !== undefined && { roleArn }),
      ...(kmsKeyArn !== undefined && { kmsKeyArn }),
      ...(domain !== undefined && { domain }),
      ...(state.failureReason !== undefined && {
        failureReason: state.failureReason,
      }),
      tags: this.#tagsOf(record),
      hasDatasets: this.#hasDatasets(record),
    };
  }
}
