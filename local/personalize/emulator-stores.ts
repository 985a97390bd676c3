import { pendingImportJobQuota } from '#commons/datasets/schema-requirements.ts';
import type { Clock } from './clock.ts';
import type { DatasetGroupPersistence } from './dataset-group-persistence.ts';
import { DatasetGroupStore } from './dataset-group-store.ts';
import type { DatasetPersistence } from './dataset-persistence.ts';
import { DatasetStore } from './dataset-store.ts';
import type { FaultController } from './fault-controller.ts';
import { ImportJobStore } from './import-job-store.ts';
import type { EmulatorLifecycleTimings } from './lifecycle-timings.ts';
import { SchemaStore } from './schema-store.ts';

/** The emulator's resources, one store per kind. */
export interface EmulatorStores {
  groups: DatasetGroupStore;
  schemas: SchemaStore;
  datasets: DatasetStore;
  importJobs: ImportJobStore;
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
  faults: FaultController;
  persistence?: DatasetGroupPersistence;
  datasetPersistence?: DatasetPersistence;
}

/**
 * The four stores, wired to each other: a group is in use while it holds
 * datasets, a schema while a dataset uses it, a dataset while an import
 * into it runs; a dataset needs its group and schema, a job its dataset.
 */
export const createEmulatorStores = (
  options: EmulatorStoresOptions,
): EmulatorStores => {
  const { clock, timings, accountId, faults, datasetPersistence } = options;
  let datasets: DatasetStore | undefined;
  let importJobs: ImportJobStore | undefined;
  const datasetStore = () => {
    if (datasets === undefined) throw new Error('datasets not wired yet');
    return datasets;
  };
  const groups = new DatasetGroupStore({
    clock,
    timings,
    quota: options.groupQuota,
    accountId,
    fateOf: (name) => faults.creationFateFor(name),
    holdsDatasets: (arn) => datasetStore().holdsDatasets(arn),
    ...(options.persistence !== undefined && {
      persistence: options.persistence,
    }),
  });
  const schemas = new SchemaStore({
    clock,
    accountId,
    quota: options.schemaQuota,
    usedBy: (arn) => datasetStore().usingSchema(arn),
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
  return { groups, schemas, datasets, importJobs };
};
