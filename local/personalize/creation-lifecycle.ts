import type { CreationFate } from './dataset-group-lifecycle.ts';
import { phasedStateAt } from './lifecycle-phases.ts';
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
 * Shared by every kind the emulator creates.
 */
export const creationStateAt = (
  createdAtMs: number,
  fate: CreationFate,
  timings: CreationTimings,
  nowMs: number,
): CreationState => {
  const stuckIn = fate.outcome === 'STUCK' ? fate.status : undefined;
  const heldFor = (status: CreationStatus, ms: number) => ({
    status,
    ms: stuckIn === status ? Infinity : ms,
  });
  return phasedStateAt<CreationStatus>(
    createdAtMs,
    [
      heldFor(resourceStatus.createPending, timings.pendingMs),
      heldFor(resourceStatus.createInProgress, timings.inProgressMs),
    ],
    fate.outcome === 'CREATE FAILED'
      ? {
          status: resourceStatus.createFailed,
          failureReason: fate.failureReason,
        }
      : { status: resourceStatus.active },
    nowMs,
  );
};
