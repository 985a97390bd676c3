import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallCounter } from './call-counter.ts';
import type { QuotaKind } from './child-kinds.ts';
import type { GroupChildPersistence } from './child-persistence.ts';
import { type Clock, systemClock } from './clock.ts';
import type { DatasetGroupPersistence } from './dataset-group-persistence.ts';
import type { EmulatedDatasetGroupView } from './dataset-group-store.ts';
import type { DatasetPersistence } from './dataset-persistence.ts';
import type { EmulatedDatasetView } from './dataset-store.ts';
import type { DeletionLogEntry } from './deletion-log.ts';
import { createEmulatorStores, sweepAll } from './emulator-stores.ts';
import { FaultController } from './fault-controller.ts';
import type { FaultKind, FaultSettings } from './fault-settings.ts';
import type { ChildViewOf } from './group-children.ts';
import type { EmulatedImportJobView } from './import-job-store.ts';
import {
  type EmulatorLifecycleTimings,
  resolveLifecycleTimings,
} from './lifecycle-timings.ts';
import { createRequestListener } from './request-listener.ts';
import type { EmulatedSchemaView } from './schema-store.ts';

export interface PersonalizeEmulatorOptions {
  /** Region of calls that carry no SigV4 scope; default us-east-1. */
  region?: string;
  /** 12 digits; default 000000000000. */
  accountId?: string;
  /** Default 0 (an ephemeral port); always bound to 127.0.0.1. */
  port?: number;
  /**
   * Default { pendingMs: 200, inProgressMs: 600, deleteMs: 300,
   * datasetPendingMs: 100, datasetInProgressMs: 300, datasetDeleteMs: 200,
   * importPendingMs: 200, importInProgressMs: 1000, childPendingMs: 100,
   * childInProgressMs: 300, childDeleteMs: 200,
   * solutionVersionTrainingMs: 1000, solutionVersionStopMs: 200,
   * recommenderStopMs: 300, recommenderStartMs: 300 }.
   */
  lifecycle?: Partial<EmulatorLifecycleTimings>;
  /** Dataset groups per region that are not CREATE FAILED/DELETE PENDING; default 5. */
  quota?: number;
  /** Schemas per region; default 500. */
  schemaQuota?: number;
  /**
   * Dataset import jobs CREATE PENDING or CREATE IN_PROGRESS at once per
   * region; default 5. One more is refused with LimitExceededException
   * "More than 5 resources with PENDING or IN_PROGRESS status.".
   */
  importJobQuota?: number;
  /**
   * Per dataset group, of the resources not CREATE FAILED nor being
   * deleted; default { eventTracker: 1, filter: 30, solution: 10,
   * campaign: 5, recommender: 5, metricAttribution: 1 }. One more is
   * refused with LimitExceededException "You have reached the limit of 10
   * solutions in dataset group <ARN>".
   */
  childQuotas?: Partial<Record<QuotaKind, number>>;
  faults?: FaultSettings;
  /** Where the lifecycle and rate limits read the time; default Date.now. */
  clock?: Clock;
  /** HTTP status per error name (e.g. smithyErrorStatuses); default 400. */
  errorStatuses?: Readonly<Record<string, number>>;
  /** Keeps the dataset groups across restarts; default in memory only. */
  persistence?: DatasetGroupPersistence;
  /** Keeps schemas, datasets and import jobs across restarts. */
  datasetPersistence?: DatasetPersistence;
  /** Keeps event trackers, filters, solutions, … across restarts. */
  childPersistence?: GroupChildPersistence;
}

export interface EmulatorStats {
  /** Calls per operation name (every known operation listed, from 0). */
  calls: Record<string, number>;
  /** Injected faults per kind. */
  faults: Record<FaultKind, number>;
  /** Epoch ms (on the emulator's clock) of each call, per operation. */
  callTimes(operation: string): number[];
}

export interface RunningPersonalizeEmulator {
  /** `http://127.0.0.1:<port>`: the client's `endpoint`. */
  endpoint: string;
  port: number;
  faults: FaultController;
  /** Every dataset group that exists, oldest first, as it is now. */
  datasetGroups(): EmulatedDatasetGroupView[];
  /** Every schema, oldest first. */
  schemas(): EmulatedSchemaView[];
  /** Every dataset that exists, oldest first, as it is now. */
  datasets(): EmulatedDatasetView[];
  /** Every dataset import job, oldest first, as it is now. */
  importJobs(): EmulatedImportJobView[];
  /** Every event tracker that exists, oldest first, as it is now. */
  eventTrackers(): ChildViewOf<'eventTracker'>[];
  /** Every filter that exists, oldest first, as it is now. */
  filters(): ChildViewOf<'filter'>[];
  /** Every solution that exists, oldest first, as it is now. */
  solutions(): ChildViewOf<'solution'>[];
  /** Every solution version that exists, oldest first, as it is now. */
  solutionVersions(): ChildViewOf<'solutionVersion'>[];
  /** Every campaign that exists, oldest first, as it is now. */
  campaigns(): ChildViewOf<'campaign'>[];
  /** Every recommender that exists, oldest first, as it is now. */
  recommenders(): ChildViewOf<'recommender'>[];
  /** Every metric attribution that exists, oldest first, as it is now. */
  metricAttributions(): ChildViewOf<'metricAttribution'>[];
  /**
   * Every dataset group, dataset, schema and resource of a group that
   * has become gone, in the order they went (goneAt on the emulator's
   * clock, from their lifecycle; a child before its parent on a tie).
   */
  deletionLog(): DeletionLogEntry[];
  /**
   * Changes the lifecycle timings of every resource, from now on; a
   * timing left out goes back to its default.
   */
  setLifecycle(lifecycle: Partial<EmulatorLifecycleTimings>): void;
  /** Whether a group holds datasets (then deleting it is refused). */
  markHasDatasets(nameOrArn: string, hasDatasets: boolean): void;
  stats(): EmulatorStats;
  /** Zeroes the call and fault counters. */
  resetStats(): void;
  /**
   * Forgets every resource of every kind and the deletion log, removes
   * every fault, zeroes counters.
   */
  reset(): void;
  /** Stops listening and drops every connection (keep-alive included). */
  close(): Promise<void>;
}

const defaultRegion = 'us-east-1';
const defaultAccountId = '000000000000';
const defaultQuota = 5;
const defaultSchemaQuota = 500;

const checkedOptions = (options: PersonalizeEmulatorOptions) => {
  const region = options.region ?? defaultRegion;
  const accountId = options.accountId ?? defaultAccountId;
  if (!/^[a-z0-9-]+$/.test(region)) {
    throw new RangeError(`region ${region} is not a region name`);
  }
  if (!/^\d{12}$/.test(accountId)) {
    throw new RangeError('accountId must be 12 digits');
  }
  for (const [name, status] of Object.entries(options.errorStatuses ?? {})) {
    if (!Number.isInteger(status) || status < 300 || status > 599) {
      throw new RangeError(`errorStatuses.${name} must be 300..599`);
    }
  }
  return { region, accountId };
};

/**
 * Starts the local Personalize (dataset groups, schemas, datasets,
 * dataset import jobs, and what a group holds: event trackers, filters,
 * solutions and their versions, campaigns, recommenders, metric
 * attributions) on 127.0.0.1.
 */
export const startPersonalizeEmulator = async (
  options: PersonalizeEmulatorOptions = {},
): Promise<RunningPersonalizeEmulator> => {
  const { region, accountId } = checkedOptions(options);
  const clock = options.clock ?? systemClock;
  const faults = new FaultController(clock, options.faults);
  const stores = createEmulatorStores({
    clock,
    timings: resolveLifecycleTimings(options.lifecycle),
    accountId,
    groupQuota: options.quota ?? defaultQuota,
    schemaQuota: options.schemaQuota ?? defaultSchemaQuota,
    ...(options.importJobQuota !== undefined && {
      importJobQuota: options.importJobQuota,
    }),
    faults,
    ...(options.persistence !== undefined && {
      persistence: options.persistence,
    }),
    ...(options.datasetPersistence !== undefined && {
      datasetPersistence: options.datasetPersistence,
    }),
    ...(options.childQuotas !== undefined && {
      childQuotas: options.childQuotas,
    }),
    ...(options.childPersistence !== undefined && {
      childPersistence: options.childPersistence,
    }),
  });
  const calls = new CallCounter(clock);
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = createServer(
    { keepAliveTimeout: 5_000 },
    createRequestListener({
      stores,
      faults,
      calls,
      defaultRegion: region,
      errorStatuses: options.errorStatuses ?? {},
      sleep,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const resetStats = () => {
    calls.reset();
    faults.resetCounts();
  };

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    faults,
    datasetGroups: () => stores.groups.views(),
    schemas: () => stores.schemas.views(),
    datasets: () => stores.datasets.views(),
    importJobs: () => stores.importJobs.views(),
    eventTrackers: () => stores.children.views('eventTracker'),
    filters: () => stores.children.views('filter'),
    solutions: () => stores.children.views('solution'),
    solutionVersions: () => stores.children.views('solutionVersion'),
    campaigns: () => stores.children.views('campaign'),
    recommenders: () => stores.children.views('recommender'),
    metricAttributions: () => stores.children.views('metricAttribution'),
    deletionLog: () => {
      sweepAll(stores);
      return stores.deletions.entries();
    },
    setLifecycle: (lifecycle) => {
      const timings = resolveLifecycleTimings(lifecycle);
      stores.groups.setTimings(timings);
      stores.datasets.setTimings(timings);
      stores.importJobs.setTimings(timings);
      stores.children.setTimings(timings);
    },
    markHasDatasets: (nameOrArn, hasDatasets) =>
      stores.groups.markHasDatasets(nameOrArn, hasDatasets),
    stats: () => ({
      calls: calls.snapshot(),
      faults: faults.counts(),
      callTimes: (operation) => calls.timesOf(operation),
    }),
    resetStats,
    reset() {
      stores.children.clear();
      stores.deletions.clear();
      stores.importJobs.clear();
      stores.datasets.clear();
      stores.schemas.clear();
      stores.groups.clear();
      faults.clear();
      resetStats();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
