import type { CreationFate } from './dataset-group-lifecycle.ts';
import { type CreationStatus, resourceStatus } from './resource-status.ts';

/** How long a creation spends in each transient status, in ms. */
export interface CreationTimings {
  pendingMs: number;
  inProgressMs: number;
}

export interface CreationState {
  status: CreationStatus;
  lastUpdatedMs: number;
  failureReason?: string;
}

/**
 * Where a creation is at `nowMs`, from when it began and its fate alone:
 * CREATE PENDING for pendingMs, CREATE IN_PROGRESS for inProgressMs, then
 * ACTIVE or CREATE FAILED (a STUCK fate stays in its status for good).
 * Shared by dataset groups, datasets and dataset import jobs.
 */
export const creationStateAt = (
  createdAtMs: number,
  fate: CreationFate,
  timings: CreationTimings,
  nowMs: number,
): CreationState => {
  const inProgressAtMs = createdAtMs + timings.pendingMs;
  const settledAtMs = inProgressAtMs + timings.inProgressMs;
  const stuckIn = fate.outcome === 'STUCK' ? fate.status : undefined;
  if (nowMs < inProgressAtMs || stuckIn === resourceStatus.createPending) {
    return { status: resourceStatus.createPending, lastUpdatedMs: createdAtMs };
  }
  if (nowMs < settledAtMs || stuckIn === resourceStatus.createInProgress) {
    return {
      status: resourceStatus.createInProgress,
      lastUpdatedMs: inProgressAtMs,
    };
  }
  if (fate.outcome === 'CREATE FAILED') {
    return {
      status: resourceStatus.createFailed,
      lastUpdatedMs: settledAtMs,
      failureReason: fate.failureReason,
    };
  }
  return { status: resourceStatus.active, lastUpdatedMs: settledAtMs };
};
