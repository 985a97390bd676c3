import {
  type DatasetGroupStatus,
  datasetGroupStatus,
} from '#commons/dataset-group/status.ts';
import { creationStateAt } from './creation-lifecycle.ts';
import { phasedStateAt } from './lifecycle-phases.ts';
import type { LifecycleTimings } from './lifecycle-timings.ts';

/** How a creation ends; decided once, when the group is created. */
export type CreationFate =
  | { outcome: 'ACTIVE' }
  | { outcome: 'CREATE FAILED'; failureReason: string }
  /** Never leaves this status (the never-active fault). */
  | { outcome: 'STUCK'; status: 'CREATE PENDING' | 'CREATE IN_PROGRESS' };

export const activeFate: CreationFate = { outcome: 'ACTIVE' };

/** What the lifecycle needs to know about a group. */
export interface LifecycleFacts {
  createdAtMs: number;
  fate: CreationFate;
  deleteRequestedAtMs?: number;
}

export interface LifecycleState {
  status: DatasetGroupStatus;
  lastUpdatedMs: number;
  failureReason?: string;
}

/**
 * The status of a group at `nowMs`, derived from when it was created (and
 * deleted) alone, so time can be real or virtual and nothing needs a timer:
 * CREATE PENDING for pendingMs, CREATE IN_PROGRESS for inProgressMs, then
 * the fate; after a delete, DELETE PENDING for deleteMs, then `undefined`
 * (the group is gone).
 */
export const lifecycleAt = (
  facts: LifecycleFacts,
  timings: LifecycleTimings,
  nowMs: number,
): LifecycleState | undefined => {
  const { createdAtMs, fate, deleteRequestedAtMs } = facts;
  if (deleteRequestedAtMs !== undefined) {
    return phasedStateAt<DatasetGroupStatus>(
      deleteRequestedAtMs,
      [{ status: datasetGroupStatus.deletePending, ms: timings.deleteMs }],
      'gone',
      nowMs,
    );
  }
  return creationStateAt(createdAtMs, fate, timings, nowMs);
};
