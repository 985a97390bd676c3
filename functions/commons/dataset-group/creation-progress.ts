import { outcomeErrorCodes } from '../errors.ts';
import type { DatasetGroup } from './dataset-group.ts';
import { nextWaitSeconds, type PollSchedule } from './poll-schedule.ts';
import { datasetGroupStatus } from './status.ts';

/** What the state machine's Choice state routes on. */
export type CreationOutcome = 'IN_PROGRESS' | 'ACTIVE' | 'FAILED';

export interface WorkflowError {
  /** Stable code: an error class name or a workflow outcome code. */
  code: string;
  /** Human-readable explanation. */
  message: string;
}

/** The poll position carried from one Describe to the next. */
export interface PollPosition {
  /** Describe calls made so far (0 right after creation). */
  attempt: number;
  /** Seconds of waiting scheduled so far. */
  elapsedSeconds: number;
}

export interface CreationProgress extends PollPosition {
  datasetGroup: DatasetGroup;
  outcome: CreationOutcome;
  /** Seconds the next Wait state pauses; 0 once settled. */
  waitSeconds: number;
  error?: WorkflowError;
}

/**
 * Decides what happens after a status is seen: settle (ACTIVE, FAILED) or
 * wait again. `wallElapsedSeconds` is the real time since the execution
 * started; the deadline counts the larger of it and the scheduled waits, so
 * slow or retried calls cannot stretch the deadline, and shortened waits (a
 * local run) cannot shrink it.
 */
export const decideCreationProgress = (
  datasetGroup: DatasetGroup,
  position: PollPosition,
  wallElapsedSeconds: number,
  schedule: PollSchedule,
): CreationProgress => {
  const settled = (
    outcome: CreationOutcome,
    error?: WorkflowError,
  ): CreationProgress => ({
    datasetGroup,
    outcome,
    attempt: position.attempt,
    elapsedSeconds: position.elapsedSeconds,
    waitSeconds: 0,
    ...(error === undefined ? {} : { error }),
  });

  switch (datasetGroup.status) {
    case datasetGroupStatus.active:
      return settled('ACTIVE');
    case datasetGroupStatus.createFailed:
      return settled('FAILED', {
        code: outcomeErrorCodes.createFailed,
        message: `Personalize reported CREATE FAILED for dataset group ${datasetGroup.name}: ${
          datasetGroup.failureReason ?? 'no failure reason given'
        }`,
      });
    case datasetGroupStatus.deletePending:
      return settled('FAILED', {
        code: outcomeErrorCodes.deleted,
        message: `Dataset group ${datasetGroup.name} is being deleted (DELETE PENDING) while it was being created`,
      });
  }

  const elapsed = Math.max(position.elapsedSeconds, wallElapsedSeconds);
  if (elapsed >= schedule.deadlineSeconds) {
    return settled('FAILED', {
      code: outcomeErrorCodes.deadlineReached,
      message: `Dataset group ${datasetGroup.name} was still ${
        datasetGroup.status ?? 'in an unknown status'
      } after ${Math.round(elapsed)} s; the deadline is ${schedule.deadlineSeconds} s`,
    });
  }
  const waitSeconds = nextWaitSeconds(elapsed, schedule);
  return {
    datasetGroup,
    outcome: 'IN_PROGRESS',
    attempt: position.attempt,
    elapsedSeconds: elapsed + waitSeconds,
    waitSeconds,
  };
};
