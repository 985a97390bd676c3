import {
  nextWaitSeconds,
  type PollSchedule,
} from '../dataset-group/poll-schedule.ts';

/** Where a dataset or an import job stands, as the Choice states read it. */
export type ResourceOutcome = 'IN_PROGRESS' | 'ACTIVE' | 'FAILED';

/** The poll position carried from one Describe to the next. */
export interface ResourcePollPosition {
  /** Describe calls made so far. */
  attempt: number;
  /** Seconds of waiting scheduled so far. */
  elapsedSeconds: number;
}

export interface ResourceDecision extends ResourcePollPosition {
  outcome: ResourceOutcome;
  /** Seconds the next Wait lasts; 0 once settled. */
  waitSeconds: number;
  error?: { code: string; message: string };
}

/** The codes and words of one kind of resource, for its failures. */
export interface ResourceKind {
  /** e.g. `dataset acme-interactions` */
  label: string;
  createFailedCode: string;
  timedOutCode: string;
}

/**
 * Decides what follows a status of a dataset or an import job (the same
 * CREATE family of statuses as a dataset group): settle on ACTIVE or
 * CREATE FAILED, fail at the deadline, or wait the schedule's next wait.
 * The deadline counts the larger of the scheduled waits and the wall time
 * since `wallElapsedSeconds` started, as the group's poll does.
 */
export const decideResourceProgress = (
  status: string | undefined,
  failureReason: string | undefined,
  kind: ResourceKind,
  position: ResourcePollPosition,
  wallElapsedSeconds: number,
  schedule: PollSchedule,
): ResourceDecision => {
  const settled = (
    outcome: ResourceOutcome,
    error?: ResourceDecision['error'],
  ): ResourceDecision => ({
    outcome,
    attempt: position.attempt,
    elapsedSeconds: position.elapsedSeconds,
    waitSeconds: 0,
    ...(error === undefined ? {} : { error }),
  });
  if (status === 'ACTIVE') return settled('ACTIVE');
  if (status === 'CREATE FAILED') {
    return settled('FAILED', {
      code: kind.createFailedCode,
      message: `Personalize reported CREATE FAILED for ${kind.label}: ${failureReason ?? 'no failure reason given'}`,
    });
  }
  if (status?.startsWith('DELETE')) {
    return settled('FAILED', {
      code: kind.createFailedCode,
      message: `${kind.label} is being deleted (${status}) while it was being created`,
    });
  }
  const elapsed = Math.max(position.elapsedSeconds, wallElapsedSeconds);
  if (elapsed >= schedule.deadlineSeconds) {
    return settled('FAILED', {
      code: kind.timedOutCode,
      message: `${kind.label} was still ${status ?? 'in an unknown status'} after ${Math.round(elapsed)} s; the deadline is ${schedule.deadlineSeconds} s`,
    });
  }
  const waitSeconds = nextWaitSeconds(elapsed, schedule);
  return {
    outcome: 'IN_PROGRESS',
    attempt: position.attempt,
    elapsedSeconds: elapsed + waitSeconds,
    waitSeconds,
  };
};
