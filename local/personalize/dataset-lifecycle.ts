import { type CreationState, creationStateAt } from './creation-lifecycle.ts';
import type { CreationFate } from './dataset-group-lifecycle.ts';
import { type Phase, phasedStateAt } from './lifecycle-phases.ts';
import type {
  DatasetLifecycleTimings,
  ImportJobLifecycleTimings,
} from './lifecycle-timings.ts';
import { type DatasetStatus, resourceStatus } from './resource-status.ts';

/** What the lifecycle needs to know about a dataset. */
export interface DatasetLifecycleFacts {
  createdAtMs: number;
  fate: CreationFate;
  deleteRequestedAtMs?: number;
}

export interface DatasetState {
  status: DatasetStatus;
  lastUpdatedMs: number;
  failureReason?: string;
}

/** DELETE PENDING for datasetPendingMs, DELETE IN_PROGRESS for datasetDeleteMs. */
export const datasetDeletionPhases = (
  timings: DatasetLifecycleTimings,
): Phase<DatasetStatus>[] => [
  { status: resourceStatus.deletePending, ms: timings.datasetPendingMs },
  { status: resourceStatus.deleteInProgress, ms: timings.datasetDeleteMs },
];

/**
 * The status of a dataset at `nowMs`, from its timestamps alone: the
 * creation (datasetPendingMs, datasetInProgressMs, then its fate); after
 * a delete, DELETE PENDING for datasetPendingMs and DELETE IN_PROGRESS for
 * datasetDeleteMs, then `undefined` (the dataset is gone).
 */
export const datasetLifecycleAt = (
  facts: DatasetLifecycleFacts,
  timings: DatasetLifecycleTimings,
  nowMs: number,
): DatasetState | undefined => {
  const { createdAtMs, fate, deleteRequestedAtMs } = facts;
  if (deleteRequestedAtMs === undefined) {
    return creationStateAt(
      createdAtMs,
      fate,
      {
        pendingMs: timings.datasetPendingMs,
        inProgressMs: timings.datasetInProgressMs,
      },
      nowMs,
    );
  }
  return phasedStateAt<DatasetStatus>(
    deleteRequestedAtMs,
    datasetDeletionPhases(timings),
    'gone',
    nowMs,
  );
};

/**
 * The status of a dataset import job at `nowMs`: CREATE PENDING for
 * importPendingMs, CREATE IN_PROGRESS for importInProgressMs, then its
 * fate (ACTIVE, or CREATE FAILED with a failureReason).
 */
export const importJobStateAt = (
  createdAtMs: number,
  fate: CreationFate,
  timings: ImportJobLifecycleTimings,
  nowMs: number,
): CreationState =>
  creationStateAt(
    createdAtMs,
    fate,
    {
      pendingMs: timings.importPendingMs,
      inProgressMs: timings.importInProgressMs,
    },
    nowMs,
  );
