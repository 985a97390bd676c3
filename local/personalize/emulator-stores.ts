import { pendingImportJobQuota } from '#commons/datasets/schema-requirements.ts';
import { countOf, type QuotaKind } from './child-kinds.ts';
import type { GroupChildPersistence } from './child-persistence.ts';
import type { Clock } from './clock.ts';
import type { DatasetGroupPersistence } from './dataset-group-persistence.ts';
import { DatasetGroupStore } from './dataset-group-store.ts';
import type { DatasetPersistence } from './dataset-persistence.ts';
import { DatasetStore } from './dataset-store.ts';
import { DeletionLog } from './deletion-log.ts';
import type { FaultController } from './fault-controller.ts';
import { GroupChildren } from './group-children.ts';
import { ImportJobStore } from './import-job-store.ts';
import type { EmulatorLifecycleTimings } from './lifecycle-timings.ts';
import { SchemaStore } from './schema-store.ts';

/** The emulator's resources, one store per kind. */
export interface EmulatorStores {
  groups: DatasetGroupStore;
  schemas: SchemaStore;
  datasets: DatasetStore;
  importJobs: ImportJobStore;
  /** Event trackers, filters, solutions (and versions), campaigns, …. */
  children: GroupChildren;
  /** Every resource that has become gone. */
  deletions: DeletionLog;
}

export interface EmulatorStoresOptions {
  clock: Clock;
  timings: EmulatorLifecycleTimings;
  accountId: string;
  /** Active dataset groups per region. */
  groupQuota: number;
  /** Schemas per region. */
  schemaQuota: number;
  /** Import jobs pending or in progress per region; default 5. */
  importJobQuota?: number;
  /** Per dataset group; default defaultChildQuotas. */
  childQuotas?: Partial<Record<QuotaKind, number>>;
  faults: FaultController;
  persistence?: DatasetGroupPersistence;
  datasetPersistence?: DatasetPersistence;
  childPersistence?: GroupChildPersistence;
}

/**
 * The stores, wired to each other: a group is in use while it holds
 * anything, a schema while a dataset uses it, a dataset while an import
 * into it runs or a solution, recommender or event tracker of its group
 * exists; a dataset needs its group and schema, a job its dataset, a
 * group's resources their group (and each other: a campaign its solution
 * version, that its solution). Whatever goes is recorded in `deletions`.
 */
export const createEmulatorStores = (
  options: EmulatorStoresOptions,
): EmulatorStores => {
  const { clock, timings, accountId, faults, datasetPersistence } = options;
  const deletions = new DeletionLog();
  const onGone = deletions.record.bind(deletions);
  let datasets: DatasetStore | undefined;
  let importJobs: ImportJobStore | undefined;
  let children: GroupChildren | undefined;
  const wired = <T>(store: T | undefined): T => {
    if (store === undefined) throw new Error('stores not wired yet');
    return store;
  };
  const groups = new DatasetGroupStore({
    clock,
    timings,
    quota: options.groupQuota,
    accountId,
    fateOf: (name) => faults.creationFateFor(name),
    holdsDatasets: (arn) => wired(datasets).holdsDatasets(arn),
    contentsOf: (arn) => {
      const count = wired(datasets).countIn(arn);
      return [
        ...(count === 0
          ? []
          : [countOf(count, { one: 'dataset', many: 'datasets' })]),
        ...wired(children).contentsOf(arn),
      ];
    },
    onGone,
    ...(options.persistence !== undefined && {
      persistence: options.persistence,
    }),
  });
  const schemas = new SchemaStore({
    clock,
    accountId,
    quota: options.schemaQuota,
    usedBy: (arn) => wired(datasets).usingSchema(arn),
    onGone,
    ...(datasetPersistence !== undefined && {
      persistence: datasetPersistence.schemas,
    }),
  });
  datasets = new DatasetStore({
    clock,
    timings,
    accountId,
    groups,
    schemas,
    unfinishedImportOf: (arn) => importJobs?.unfinishedOf(arn),
    fateOf: (name) => faults.datasetFateFor(name),
    usersOf: (arn) => wired(children).datasetUsersIn(arn),
    onGone,
    ...(datasetPersistence !== undefined && {
      persistence: datasetPersistence.datasets,
    }),
  });
  importJobs = new ImportJobStore({
    clock,
    timings,
    accountId,
    quota: options.importJobQuota ?? pendingImportJobQuota,
    datasets,
    fateOf: (jobName, dataLocation) =>
      faults.importFateFor(jobName, dataLocation),
    ...(datasetPersistence !== undefined && {
      persistence: datasetPersistence.importJobs,
    }),
  });
  children = new GroupChildren({
    clock,
    timings,
    accountId,
    groups,
    log: deletions,
    fateOf: (kind, name) => faults.childFateFor(kind, name),
    deletionFateOf: (kind, name) => faults.childDeletionFateFor(kind, name),
    ...(options.childQuotas !== undefined && { quotas: options.childQuotas }),
    ...(options.childPersistence !== undefined && {
      persistence: options.childPersistence,
    }),
  });
  return { groups, schemas, datasets, importJobs, children, deletions };
};

/** Sweeps every store, so the deletion log holds all that has gone. */
export const sweepAll = (stores: EmulatorStores): void => {
  stores.children.sweep();
  stores.datasets.views();
  stores.groups.views();
};
