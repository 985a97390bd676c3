import type { Clock } from './clock.ts';
import { activeFate, type CreationFate } from './dataset-group-lifecycle.ts';
import { importJobStateAt } from './dataset-lifecycle.ts';
import type {
  RecordPersistence,
  StoredImportJob,
} from './dataset-persistence.ts';
import type { EmulatedDatasetView, UnfinishedImport } from './dataset-store.ts';
import {
  limitExceeded,
  resourceAlreadyExists,
  resourceInUse,
  resourceNotFound,
} from './emulator-error.ts';
import { stateFields } from './lifecycle-phases.ts';
import type { ImportJobLifecycleTimings } from './lifecycle-timings.ts';
import { pageOf } from './list-page.ts';
import type { ListChildrenInput } from './parse-dataset-requests.ts';
import type {
  CreateDatasetImportJobInput,
  ImportMode,
} from './parse-import-job-requests.ts';
import { assertQuota } from './quota-option.ts';
import { importJobArnOf } from './resource-arns.ts';
import {
  type CreationStatus,
  isUnderway,
  resourceStatus,
} from './resource-status.ts';
import {
  assertTagsFitOnCreate,
  type TaggableStore,
  withoutTags,
  withTags,
} from './resource-tags.ts';
import type { Tag } from './tag-rules.ts';

/** A dataset import job as it is at the moment it was read. */
export interface EmulatedImportJobView {
  jobName: string;
  datasetImportJobArn: string;
  datasetArn: string;
  region: string;
  dataLocation: string;
  roleArn?: string;
  importMode: ImportMode;
  publishAttributionMetricsToS3?: boolean;
  status: CreationStatus;
  creationDateTime: Date;
  lastUpdatedDateTime: Date;
  failureReason?: string;
  tags: Tag[];
}

export interface ImportJobStoreOptions {
  clock: Clock;
  /** Changeable with setTimings. */
  timings: ImportJobLifecycleTimings;
  accountId: string;
  /** Jobs CREATE PENDING or CREATE IN_PROGRESS at once, per region. */
  quota: number;
  /** The dataset a job imports into, and which datasets still exist. */
  datasets: {
    describe(datasetArn: string): EmulatedDatasetView;
    arns(): Set<string>;
  };
  /** Asked once per job how it will end (fault injection). */
  fateOf?: (jobName: string, dataLocation: string) => CreationFate;
  persistence?: RecordPersistence<StoredImportJob>;
}

/**
 * The sentence of the developer guide's error-messages page for a sixth
 * import job at once ("More than 5 resources with PENDING or IN_PROGRESS
 * status"), with the quota in force and the service's closing period.
 */
export const pendingImportsMessage = (quota: number): string =>
  `More than ${quota} resources with PENDING or IN_PROGRESS status.`;

/**
 * The dataset import jobs of one account: names unique per region, at
 * most `quota` pending or running at once, the lifecycle evaluated lazily
 * on the clock. A job goes when its dataset goes (there is no
 * DeleteDatasetImportJob).
 */
export class ImportJobStore implements TaggableStore {
  readonly #options: ImportJobStoreOptions;
  readonly #records = new Map<string, StoredImportJob>();
  #nextSequence = 0;

  constructor(options: ImportJobStoreOptions) {
    assertQuota(options.quota, 'importJobQuota');
    this.#options = options;
    for (const stored of options.persistence?.load() ?? []) {
      this.#records.set(stored.datasetImportJobArn, stored);
      this.#nextSequence = Math.max(this.#nextSequence, stored.sequence + 1);
    }
  }

  create(
    region: string,
    input: CreateDatasetImportJobInput,
  ): { datasetImportJobArn: string } {
    const now = this.#sweep();
    const dataset = this.#options.datasets.describe(input.datasetArn);
    if (dataset.region !== region) {
      throw resourceNotFound(`Could not find resource ${input.datasetArn}`);
    }
    if (dataset.status !== resourceStatus.active) {
      throw resourceInUse(
        `Dataset ${input.datasetArn} is ${dataset.status}; data can be imported once it is ACTIVE`,
      );
    }
    assertTagsFitOnCreate(input.tags);
    const datasetImportJobArn = importJobArnOf(
      region,
      this.#options.accountId,
      input.jobName,
    );
    if (this.#records.has(datasetImportJobArn)) {
      throw resourceAlreadyExists(
        `Dataset import job with name ${input.jobName} already exists`,
      );
    }
    const unfinished = [...this.#records.values()].filter(
      (record) =>
        record.region === region && isUnderway(this.#stateOf(record).status),
    ).length;
    if (unfinished >= this.#options.quota) {
      throw limitExceeded(pendingImportsMessage(this.#options.quota));
    }
    const record: StoredImportJob = {
      sequence: this.#nextSequence++,
      region,
      datasetImportJobArn,
      jobName: input.jobName,
      datasetArn: input.datasetArn,
      dataLocation: input.dataLocation,
      ...(input.roleArn !== undefined && { roleArn: input.roleArn }),
      importMode: input.importMode,
      ...(input.publishAttributionMetricsToS3 !== undefined && {
        publishAttributionMetricsToS3: input.publishAttributionMetricsToS3,
      }),
      createdAtMs: now,
      fate:
        this.#options.fateOf?.(input.jobName, input.dataLocation) ?? activeFate,
      tags: [...input.tags],
    };
    this.#records.set(datasetImportJobArn, record);
    this.#save(record);
    return { datasetImportJobArn };
  }

  describe(datasetImportJobArn: string): EmulatedImportJobView {
    this.#sweep();
    return this.#view(this.#find(datasetImportJobArn));
  }

  /** The region's jobs, or one dataset's (`parentArn`), newest first. */
  list(
    region: string,
    input: ListChildrenInput,
  ): { importJobs: EmulatedImportJobView[]; nextToken?: string } {
    this.#sweep();
    const records = [...this.#records.values()].filter(
      (record) =>
        record.region === region &&
        (input.parentArn === undefined ||
          record.datasetArn === input.parentArn),
    );
    const { page, nextToken } = pageOf(
      records,
      input,
      `dataset-import-jobs ${region} ${input.parentArn ?? '*'}`,
    );
    return {
      importJobs: page.map((record) => this.#view(record)),
      ...(nextToken !== undefined && { nextToken }),
    };
  }

  tagResource(resourceArn: string, tags: readonly Tag[]): void {
    this.#sweep();
    const record = this.#find(resourceArn);
    record.tags = withTags(record.tags, tags);
    this.#save(record);
  }

  untagResource(resourceArn: string, tagKeys: readonly string[]): void {
    this.#sweep();
    const record = this.#find(resourceArn);
    record.tags = withoutTags(record.tags, tagKeys);
    this.#save(record);
  }

  listTags(resourceArn: string): Tag[] {
    this.#sweep();
    return [...this.#find(resourceArn).tags];
  }

  /** A job into the dataset still CREATE PENDING or CREATE IN_PROGRESS. */
  unfinishedOf(datasetArn: string): UnfinishedImport | undefined {
    this.#sweep();
    for (const record of this.#records.values()) {
      if (record.datasetArn !== datasetArn) continue;
      const { status } = this.#stateOf(record);
      if (isUnderway(status)) {
        return { datasetImportJobArn: record.datasetImportJobArn, status };
      }
    }
    return undefined;
  }

  /** Every job whose dataset still exists, oldest first, as it is now. */
  views(): EmulatedImportJobView[] {
    this.#sweep();
    return [...this.#records.values()].map((record) => this.#view(record));
  }

  clear(): void {
    this.#records.clear();
    this.#options.persistence?.clear();
  }

  setTimings(timings: ImportJobLifecycleTimings): void {
    this.#options.timings = timings;
  }

  /** Forgets the jobs of datasets that are gone; returns the time. */
  #sweep(): number {
    const now = this.#options.clock.now();
    const datasets = this.#options.datasets.arns();
    for (const [arn, record] of this.#records) {
      if (!datasets.has(record.datasetArn)) {
        this.#records.delete(arn);
        this.#options.persistence?.remove(arn);
      }
    }
    return now;
  }

  #save(record: StoredImportJob): void {
    this.#options.persistence?.save(record);
  }

  #stateOf(record: StoredImportJob) {
    return importJobStateAt(
      record.createdAtMs,
      record.fate,
      this.#options.timings,
      this.#options.clock.now(),
    );
  }

  #find(arn: string): StoredImportJob {
    const record = this.#records.get(arn);
    if (record === undefined) {
      throw resourceNotFound(`Could not find resource ${arn}`);
    }
    return record;
  }

  #view(record: StoredImportJob): EmulatedImportJobView {
    const state = this.#stateOf(record);
    return {
      jobName: record.jobName,
      datasetImportJobArn: record.datasetImportJobArn,
      datasetArn: record.datasetArn,
      region: record.region,
      dataLocation: record.dataLocation,
      ...(record.roleArn !== undefined && { roleArn: record.roleArn }),
      importMode: record.importMode,
      ...(record.publishAttributionMetricsToS3 !== undefined && {
        publishAttributionMetricsToS3: record.publishAttributionMetricsToS3,
      }),
      ...stateFields(record.createdAtMs, state),
      tags: [...record.tags],
    };
  }
}
