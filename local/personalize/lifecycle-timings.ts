/** How long a dataset group spends in each transient status, in ms. */
export interface LifecycleTimings {
  /** CREATE PENDING lasts this long after CreateDatasetGroup. */
  pendingMs: number;
  /** Then CREATE IN_PROGRESS lasts this long before ACTIVE/CREATE FAILED. */
  inProgressMs: number;
  /** DELETE PENDING lasts this long after DeleteDatasetGroup; then gone. */
  deleteMs: number;
}

export const defaultLifecycleTimings: LifecycleTimings = {
  pendingMs: 200,
  inProgressMs: 600,
  deleteMs: 300,
};

export const resolveLifecycleTimings = (
  overrides: Partial<LifecycleTimings> = {},
): LifecycleTimings => {
  const timings = { ...defaultLifecycleTimings, ...overrides };
  for (const [key, value] of Object.entries(timings)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`lifecycle.${key} must be a finite number >= 0`);
    }
  }
  return timings;
};
