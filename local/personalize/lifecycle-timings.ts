/** How long a dataset group spends in each transient status, in ms. */
export interface LifecycleTimings {
  /** CREATE PENDING lasts this long after CreateDatasetGroup. */
  pendingMs: number;
  /** Then CREATE IN_PROGRESS lasts this long before ACTIVE/CREATE FAILED. */
  inProgressMs: number;
  /** DELETE PENDING lasts this long after DeleteDatasetGroup; then gone. */
  deleteMs: number;
}

/** How long a dataset spends in each transient status, in ms. */
export interface DatasetLifecycleTimings {
  /**
   * CREATE PENDING lasts this long after CreateDataset, and DELETE
   * PENDING this long after DeleteDataset (the time in the queue).
   */
  datasetPendingMs: number;
  /** Then CREATE IN_PROGRESS lasts this long before ACTIVE/CREATE FAILED. */
  datasetInProgressMs: number;
  /** DELETE IN_PROGRESS lasts this long after DELETE PENDING; then gone. */
  datasetDeleteMs: number;
}

/** How long a dataset import job spends in each transient status, in ms. */
export interface ImportJobLifecycleTimings {
  /** CREATE PENDING lasts this long after CreateDatasetImportJob. */
  importPendingMs: number;
  /** Then CREATE IN_PROGRESS lasts this long before ACTIVE/CREATE FAILED. */
  importInProgressMs: number;
}

/**
 * How long the kinds a dataset group holds (event trackers, filters,
 * solutions, solution versions, campaigns, recommenders, metric
 * attributions) spend in each transient status, in ms.
 */
export interface ChildLifecycleTimings {
  /**
   * CREATE PENDING lasts this long after a Create*, DELETE PENDING after
   * a Delete*, STOP PENDING after StopRecommender and START PENDING after
   * StartRecommender (the time in the queue).
   */
  childPendingMs: number;
  /**
   * Then CREATE IN_PROGRESS lasts this long before ACTIVE/CREATE FAILED
   * (every kind but solution versions).
   */
  childInProgressMs: number;
  /** DELETE IN_PROGRESS lasts this long after DELETE PENDING; then gone. */
  childDeleteMs: number;
  /** A solution version's CREATE IN_PROGRESS (its training). */
  solutionVersionTrainingMs: number;
  /** CREATE STOPPING lasts this long before CREATE STOPPED. */
  solutionVersionStopMs: number;
  /** STOP IN_PROGRESS lasts this long before INACTIVE. */
  recommenderStopMs: number;
  /** START IN_PROGRESS lasts this long before ACTIVE. */
  recommenderStartMs: number;
}

/** Every timing of the emulator: `lifecycle` and `setLifecycle` take them. */
export type EmulatorLifecycleTimings = LifecycleTimings &
  DatasetLifecycleTimings &
  ImportJobLifecycleTimings &
  ChildLifecycleTimings;

export const defaultLifecycleTimings: LifecycleTimings = {
  pendingMs: 200,
  inProgressMs: 600,
  deleteMs: 300,
};

export const defaultDatasetLifecycleTimings: DatasetLifecycleTimings = {
  datasetPendingMs: 100,
  datasetInProgressMs: 300,
  datasetDeleteMs: 200,
};

export const defaultImportJobLifecycleTimings: ImportJobLifecycleTimings = {
  importPendingMs: 200,
  importInProgressMs: 1_000,
};

export const defaultChildLifecycleTimings: ChildLifecycleTimings = {
  childPendingMs: 100,
  childInProgressMs: 300,
  childDeleteMs: 200,
  solutionVersionTrainingMs: 1_000,
  solutionVersionStopMs: 200,
  recommenderStopMs: 300,
  recommenderStartMs: 300,
};

/** The defaults, with `overrides` over them; every value checked. */
export const resolveLifecycleTimings = (
  overrides: Partial<EmulatorLifecycleTimings> = {},
): EmulatorLifecycleTimings => {
  const timings = {
    ...defaultLifecycleTimings,
    ...defaultDatasetLifecycleTimings,
    ...defaultImportJobLifecycleTimings,
    ...defaultChildLifecycleTimings,
    ...overrides,
  };
  for (const [key, value] of Object.entries(timings)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`lifecycle.${key} must be a finite number >= 0`);
    }
  }
  return timings;
};
