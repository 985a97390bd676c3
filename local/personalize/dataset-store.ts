import type { Domain } from '#commons/dataset-group/constraints.ts';
import { datasetGroupStatus } from '#commons/dataset-group/status.ts';
import {
  type DatasetType,
  datasetTypesOf,
} from '#commons/datasets/dataset-types.ts';
import { checkSchemaDefinition } from '#commons/datasets/schema-definition.ts';
import type { Clock } from './clock.ts';
import { activeFate, type CreationFate } from './dataset-group-lifecycle.ts';
import type { EmulatedDatasetGroupView } from './dataset-group-store.ts';
import {
  type DatasetState,
  datasetDeletionPhases,
  datasetLifecycleAt,
} from './dataset-lifecycle.ts';
import type {
  RecordPersistence,
  StoredDataset,
} from './dataset-persistence.ts';
import type { DeletionLogEntry } from './deletion-log.ts';
import {
  invalidInput,
  resourceAlreadyExists,
  resourceInUse,
  resourceNotFound,
} from './emulator-error.ts';
import { phasesEndMs, stateFields } from './lifecycle-phases.ts';
import type { DatasetLifecycleTimings } from './lifecycle-timings.ts';
import { pageOf } from './list-page.ts';
import type {
  CreateDatasetInput,
  ListChildrenInput,
} from './parse-dataset-requests.ts';
import { datasetArnOf } from './resource-arns.ts';
import {
  type DatasetStatus,
  isUnderway,
  resourceStatus,
} from './resource-status.ts';
import {
  assertTagsFitOnCreate,
  type TaggableStore,
  withoutTags,
  withTags,
} from './resource-tags.ts';
import type { EmulatedSchemaView } from './schema-store.ts';
import type { Tag } from './tag-rules.ts';

/** A dataset as it is at the moment it was read. */
export interface EmulatedDatasetView {
  name: string;
  datasetArn: string;
  datasetGroupArn: string;
  region: string;
  datasetType: DatasetType;
  schemaArn: string;
  status: DatasetStatus;
  creationDateTime: Date;
  lastUpdatedDateTime: Date;
  /**
   * Why a CREATE FAILED dataset failed (the datasetCreateFailed fault).
   * The Dataset shape has no such member, so it stays off the wire.
   */
  failureReason?: string;
  tags: Tag[];
}

/** An import job that has not ended: it blocks its dataset's deletion. */
export interface UnfinishedImport {
  datasetImportJobArn: string;
  status: string;
}

export interface DatasetStoreOptions {
  clock: Clock;
  /** Changeable with setTimings. */
  timings: DatasetLifecycleTimings;
  accountId: string;
  /** The group a dataset goes into (ResourceNotFoundException if none). */
  groups: { describe(datasetGroupArn: string): EmulatedDatasetGroupView };
  /** The schema a dataset uses (ResourceNotFoundException if none). */
  schemas: { describe(schemaArn: string): EmulatedSchemaView };
  /** An import job into the dataset that is still pending or running. */
  unfinishedImportOf: (datasetArn: string) => UnfinishedImport | undefined;
  /** Asked once per creation how it will end (fault injection). */
  fateOf?: (name: string) => CreationFate;
  persistence?: RecordPersistence<StoredDataset>;
  /**
   * What in the group uses its datasets ("1 solution", "1 event
   * tracker", …): while anything does, DeleteDataset is refused.
   */
  usersOf?: (datasetGroupArn: string) => string[];
  /** Told of each dataset as it is forgotten, with when it went. */
  onGone?: (entry: DeletionLogEntry) => void;
}

const domainName = (domain: Domain | undefined): string =>
  domain === undefined ? 'no domain' : `domain ${domain}`;

/**
 * The datasets of one account: one per type per ACTIVE group, with the
 * domain rules, and their lifecycle evaluated lazily on the clock.
 * Methods throw EmulatorError for what the service answers with an error.
 */
export class DatasetStore implements TaggableStore {
  readonly #options: DatasetStoreOptions;
  readonly #records = new Map<string, StoredDataset>();
  #nextSequence = 0;

  constructor(options: DatasetStoreOptions) {
    this.#options = options;
    for (const stored of options.persistence?.load() ?? []) {
      this.#records.set(stored.datasetArn, stored);
      this.#nextSequence = Math.max(this.#nextSequence, stored.sequence + 1);
    }
  }

  create(region: string, input: CreateDatasetInput): { datasetArn: string } {
    const now = this.#sweep();
    const group = this.#groupFor(region, input.datasetGroupArn);
    const allowed = datasetTypesOf(group.domain);
    if (!allowed.includes(input.datasetType)) {
      throw invalidInput(
        `Dataset type ${input.datasetType} is not available in dataset group ${group.datasetGroupArn} of domain ${group.domain}: it takes ${allowed.join(', ')}`,
      );
    }
    const schema = this.#schemaFor(region, input.schemaArn);
    this.#assertSchemaFits(schema, group, input.datasetType);
    assertTagsFitOnCreate(input.tags);
    const datasetArn = datasetArnOf(
      region,
      this.#options.accountId,
      group.name,
      input.datasetType,
    );
    if (this.#records.has(datasetArn)) {
      throw resourceAlreadyExists(
        `Dataset group ${group.datasetGroupArn} already has a dataset of type ${input.datasetType}: ${datasetArn}`,
      );
    }
    const record: StoredDataset = {
      sequence: this.#nextSequence++,
      region,
      datasetArn,
      name: input.name,
      datasetGroupArn: group.datasetGroupArn,
      datasetType: input.datasetType,
      schemaArn: schema.schemaArn,
      createdAtMs: now,
      fate: this.#options.fateOf?.(input.name) ?? activeFate,
      tags: [...input.tags],
    };
    this.#records.set(datasetArn, record);
    this.#save(record);
    return { datasetArn };
  }

  describe(datasetArn: string): EmulatedDatasetView {
    this.#sweep();
    return this.#view(this.#find(datasetArn));
  }

  /** The region's datasets, or one group's (`parentArn`), newest first. */
  list(
    region: string,
    input: ListChildrenInput,
  ): { datasets: EmulatedDatasetView[]; nextToken?: string } {
    this.#sweep();
    const records = [...this.#records.values()].filter(
      (record) =>
        record.region === region &&
        (input.parentArn === undefined ||
          record.datasetGroupArn === input.parentArn),
    );
    const { page, nextToken } = pageOf(
      records,
      input,
      `datasets ${region} ${input.parentArn ?? '*'}`,
    );
    return {
      datasets: page.map((record) => this.#view(record)),
      ...(nextToken !== undefined && { nextToken }),
    };
  }

  delete(datasetArn: string): void {
    const now = this.#sweep();
    const record = this.#find(datasetArn);
    if (record.deleteRequestedAtMs !== undefined) return;
    const { status } = this.#stateOf(record);
    if (isUnderway(status)) {
      throw resourceInUse(
        `Dataset ${datasetArn} is ${status}; wait until it is ACTIVE or CREATE FAILED`,
      );
    }
    const unfinished = this.#options.unfinishedImportOf(datasetArn);
    if (unfinished !== undefined) {
      throw resourceInUse(
        `Dataset ${datasetArn} has dataset import job ${unfinished.datasetImportJobArn} in ${unfinished.status}; wait until it is ACTIVE or CREATE FAILED`,
      );
    }
    const users = this.#options.usersOf?.(record.datasetGroupArn) ?? [];
    if (users.length > 0) {
      throw resourceInUse(
        `Dataset ${datasetArn} is in use: dataset group ${record.datasetGroupArn} still contains ${users.join(', ')}; delete them first`,
      );
    }
    record.deleteRequestedAtMs = now;
    this.#save(record);
  }

  tagResource(resourceArn: string, tags: readonly Tag[]): void {
    this.#sweep();
    const record = this.#modifiable(resourceArn);
    record.tags = withTags(record.tags, tags);
    this.#save(record);
  }

  untagResource(resourceArn: string, tagKeys: readonly string[]): void {
    this.#sweep();
    const record = this.#modifiable(resourceArn);
    record.tags = withoutTags(record.tags, tagKeys);
    this.#save(record);
  }

  listTags(resourceArn: string): Tag[] {
    this.#sweep();
    return [...this.#find(resourceArn).tags];
  }

  /** Whether the group holds a dataset (in any status, deleting too). */
  holdsDatasets(datasetGroupArn: string): boolean {
    return this.countIn(datasetGroupArn) > 0;
  }

  /** How many datasets the group holds (in any status, deleting too). */
  countIn(datasetGroupArn: string): number {
    this.#sweep();
    return [...this.#records.values()].filter(
      (record) => record.datasetGroupArn === datasetGroupArn,
    ).length;
  }

  /** The ARN of a dataset that uses the schema, if one does. */
  usingSchema(schemaArn: string): string | undefined {
    this.#sweep();
    return [...this.#records.values()].find(
      (record) => record.schemaArn === schemaArn,
    )?.datasetArn;
  }

  /** The ARNs of every dataset that still exists. */
  arns(): Set<string> {
    this.#sweep();
    return new Set(this.#records.keys());
  }

  /** Every dataset that still exists, oldest first, as it is now. */
  views(): EmulatedDatasetView[] {
    this.#sweep();
    return [...this.#records.values()].map((record) => this.#view(record));
  }

  clear(): void {
    this.#records.clear();
    this.#options.persistence?.clear();
  }

  setTimings(timings: DatasetLifecycleTimings): void {
    this.#options.timings = timings;
  }

  /** The group, which must be in the call's region and ACTIVE. */
  #groupFor(region: string, datasetGroupArn: string) {
    const group = this.#options.groups.describe(datasetGroupArn);
    if (group.region !== region) {
      throw resourceNotFound(`Could not find resource ${datasetGroupArn}`);
    }
    if (group.status !== datasetGroupStatus.active) {
      throw resourceInUse(
        `Dataset group ${datasetGroupArn} is ${group.status}; datasets can be added once it is ACTIVE`,
      );
    }
    return group;
  }

  #schemaFor(region: string, schemaArn: string): EmulatedSchemaView {
    const schema = this.#options.schemas.describe(schemaArn);
    if (schema.region !== region) {
      throw resourceNotFound(`Could not find resource ${schemaArn}`);
    }
    return schema;
  }

  /** The domain rules, then the type's and domain's required fields. */
  #assertSchemaFits(
    schema: EmulatedSchemaView,
    group: EmulatedDatasetGroupView,
    datasetType: DatasetType,
  ): void {
    if (schema.domain !== group.domain) {
      const wanted =
        group.domain === undefined
          ? 'a schema without a domain'
          : `a schema of domain ${group.domain}`;
      throw invalidInput(
        `Schema ${schema.schemaArn} has ${domainName(schema.domain)}, but dataset group ${group.datasetGroupArn} has ${domainName(group.domain)}: use ${wanted}`,
      );
    }
    const { issues } = checkSchemaDefinition(
      schema.schema,
      datasetType,
      group.domain,
    );
    if (issues.length > 0) {
      throw invalidInput(
        `Schema ${schema.schemaArn} does not fit a ${datasetType} dataset: ${issues.join('; ')}`,
      );
    }
  }

  /** Forgets datasets whose deletion has finished; returns the time. */
  #sweep(): number {
    const now = this.#options.clock.now();
    for (const [arn, record] of this.#records) {
      if (
        datasetLifecycleAt(record, this.#options.timings, now) === undefined
      ) {
        this.#records.delete(arn);
        this.#options.persistence?.remove(arn);
        this.#options.onGone?.({
          kind: 'dataset',
          arn,
          name: record.name,
          goneAt: phasesEndMs(
            record.deleteRequestedAtMs ?? now,
            datasetDeletionPhases(this.#options.timings),
          ),
        });
      }
    }
    return now;
  }

  #save(record: StoredDataset): void {
    this.#options.persistence?.save(record);
  }

  #stateOf(record: StoredDataset): DatasetState {
    const now = this.#options.clock.now();
    return (
      datasetLifecycleAt(record, this.#options.timings, now) ?? {
        status: resourceStatus.deleteInProgress,
        lastUpdatedMs: now,
      }
    );
  }

  #find(arn: string): StoredDataset {
    const record = this.#records.get(arn);
    if (record === undefined) {
      throw resourceNotFound(`Could not find resource ${arn}`);
    }
    return record;
  }

  #modifiable(arn: string): StoredDataset {
    const record = this.#find(arn);
    if (record.deleteRequestedAtMs !== undefined) {
      throw resourceInUse(`Resource ${arn} is being deleted`);
    }
    return record;
  }

  #view(record: StoredDataset): EmulatedDatasetView {
    const state = this.#stateOf(record);
    return {
      name: record.name,
      datasetArn: record.datasetArn,
      datasetGroupArn: record.datasetGroupArn,
      region: record.region,
      datasetType: record.datasetType,
      schemaArn: record.schemaArn,
      ...stateFields(record.createdAtMs, state),
      tags: [...record.tags],
    };
  }
}
