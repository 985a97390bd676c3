import { outcomeErrorCodes } from '../errors.ts';
import type { PollPosition, WorkflowError } from './creation-progress.ts';
import type { DatasetGroup } from './dataset-group.ts';
import { nextWaitSeconds, type PollSchedule } from './poll-schedule.ts';

/**
 * What the delete state machine's Choice state routes on. CHILDREN: the
 * group holds resources, which a cascade delete tears down first.
 */
export type DeletionOutcome = 'IN_PROGRESS' | 'DELETED' | 'FAILED' | 'CHILDREN';

export interface DeletionProgress extends PollPosition {
  /** The group as last seen (its last status while it still existed). */
  datasetGroup: DatasetGroup;
  outcome: DeletionOutcome;
  /** Seconds the next Wait state pauses; 0 once settled. */
  waitSeconds: number;
  error?: WorkflowError;
}

/**
 * `DELETE PENDING` is the only delete status the dataset-group API
 * documents; `DELETE IN_PROGRESS` is what every other Personalize resource
 * passes through, so it is accepted too in case the service uses it.
 */
const isDeletionUnderway = (status: string | undefined): boolean =>
  status === 'DELETE PENDING' || status === 'DELETE IN_PROGRESS';

/**
 * Decides what happens after a deletion poll: the group is gone (DELETED),
 * it is still being deleted (wait again, until the deadline), or it is in
 * any other status, which means the service gave the deletion up (FAILED).
 * `lastSeen` is the group as last described; `gone` says the last describe
 * answered ResourceNotFoundException.
 */
export const decideDeletionProgress = (
  lastSeen: DatasetGroup,
  gone: boolean,
  position: PollPosition,
  wallElapsedSeconds: number,
  schedule: PollSchedule,
): DeletionProgress => {
  const settled = (
    outcome: DeletionOutcome,
    error?: WorkflowError,
  ): DeletionProgress => ({
    datasetGroup: lastSeen,
    outcome,
    attempt: position.attempt,
    elapsedSeconds: position.elapsedSeconds,
    waitSeconds: 0,
    ...(error === undefined ? {} : { error }),
  });

  if (gone) return settled('DELETED');
  if (!isDeletionUnderway(lastSeen.status)) {
    return settled('FAILED', {
      code: outcomeErrorCodes.deletionFailed,
      message: `Dataset group ${lastSeen.name} left deletion in status ${
        lastSeen.status ?? 'unknown'
      }${lastSeen.failureReason ? `: ${lastSeen.failureReason}` : ''}`,
    });
  }
  const elapsed = Math.max(position.elapsedSeconds, wallElapsedSeconds);
  if (elapsed >= schedule.deadlineSeconds) {
    return settled('FAILED', {
      code: outcomeErrorCodes.deletionDeadlineReached,
      message: `Dataset group ${lastSeen.name} was still ${lastSeen.status} after ${Math.round(
        elapsed,
      )} s; the deadline is ${schedule.deadlineSeconds} s`,
    });
  }
  const waitSeconds = nextWaitSeconds(elapsed, schedule);
  return {
    datasetGroup: lastSeen,
    outcome: 'IN_PROGRESS',
    attempt: position.attempt,
    elapsedSeconds: elapsed + waitSeconds,
    waitSeconds,
  };
};
