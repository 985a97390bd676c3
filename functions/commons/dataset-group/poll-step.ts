import type { CreationProgress, PollPosition } from './creation-progress.ts';
import {
  type PollRetry,
  retryDelaySeconds,
  secondsOfRetries,
} from './poll-retry.ts';

/**
 * Where each wait of the creation poll is spent, cheapest first:
 *
 * - a wait shorter than the poll retrier's interval is slept inside the
 *   describe invocation (cheaper than a state transition, see poll-retry);
 * - a longer one, at the first poll of an invocation, is the Retry's: the
 *   task throws DatasetGroupPendingError and the retrier polls again
 *   (one transition a poll);
 * - the rest go back to the state machine's Wait state (three transitions):
 *   the first long wait after the short ones were slept (a retry's wait
 *   counts from the task's input, which no longer says where the
 *   invocation got to), a wait that would pass the deadline (it is cut to
 *   end on it), a wait past the retrier's last attempt, and a short wait
 *   the invocation has no time left for.
 */
export type PollStep =
  | { action: 'sleep' }
  | { action: 'retry'; delaySeconds: number }
  | { action: 'return' };

export interface PollStepContext {
  pollRetry: PollRetry;
  /** `$$.State.RetryCount`: retries of the task before this invocation. */
  retryCount: number;
  /** This invocation has slept already. */
  slept: boolean;
  /** Milliseconds before the function times out. */
  remainingMs: number;
  /** Seconds kept in hand before the function's timeout. */
  safetyMarginSeconds: number;
  deadlineSeconds: number;
}

/**
 * Below this many seconds a wait is cheaper slept in the polling
 * invocation than in a Wait state: a second of the 128 MB function costs
 * about $0.0000017, the transitions of a Wait state loop $0.000025 each.
 * The creation poll's retrier starts at the same interval.
 */
export const sleepIsCheaperBelowSeconds = 15;

/** A wait of `waitSeconds` ends before the timeout's safety margin. */
const fitsBeforeTimeout = (
  waitSeconds: number,
  context: { remainingMs: number; safetyMarginSeconds: number },
): boolean =>
  (waitSeconds + context.safetyMarginSeconds) * 1000 < context.remainingMs;

export const decidePollStep = (
  progress: Pick<
    CreationProgress,
    'outcome' | 'waitSeconds' | 'elapsedSeconds'
  >,
  context: PollStepContext,
): PollStep => {
  if (progress.outcome !== 'IN_PROGRESS') return { action: 'return' };
  const { pollRetry } = context;
  if (progress.waitSeconds < pollRetry.intervalSeconds) {
    return {
      action: fitsBeforeTimeout(progress.waitSeconds, context)
        ? 'sleep'
        : 'return',
    };
  }
  if (context.slept || context.retryCount >= pollRetry.maxAttempts) {
    return { action: 'return' };
  }
  const delaySeconds = retryDelaySeconds(pollRetry, context.retryCount);
  const polledAt = progress.elapsedSeconds - progress.waitSeconds;
  if (polledAt + delaySeconds > context.deadlineSeconds) {
    return { action: 'return' };
  }
  return { action: 'retry', delaySeconds };
};

/**
 * The poll position of an invocation: its input's, moved on by the polls
 * and waits of the retries made before it. A retry of another retrier
 * (a Lambda service error) counts as a poll too, so the position can run
 * ahead by one wait per such error; the deadline also counts the wall
 * time, which does not.
 */
export const invocationPosition = (input: {
  attempt: number;
  elapsedSeconds: number;
  retryCount: number;
  pollRetry: PollRetry;
}): PollPosition => ({
  attempt: input.attempt + input.retryCount,
  elapsedSeconds:
    input.elapsedSeconds + secondsOfRetries(input.pollRetry, input.retryCount),
});

/**
 * Seconds to sleep before the first poll of an invocation: the state
 * machine goes straight from the create task to this one (no Wait state,
 * one transition less), so when nothing has been polled yet the first,
 * short wait of the schedule is still ahead. It is slept only if it is
 * shorter than the poll retrier's interval and fits before the timeout;
 * otherwise the first poll comes early, which costs a poll, never a loop.
 */
export const firstWaitToSleep = (
  position: PollPosition,
  context: {
    pollRetry: PollRetry;
    retryCount: number;
    wallElapsedSeconds: number;
    remainingMs: number;
    safetyMarginSeconds: number;
  },
): number => {
  if (position.attempt !== 0 || context.retryCount !== 0) return 0;
  const wait = position.elapsedSeconds - context.wallElapsedSeconds;
  return wait > 0 &&
    wait < context.pollRetry.intervalSeconds &&
    fitsBeforeTimeout(wait, context)
    ? wait
    : 0;
};

/**
 * Whether the deletion poll sleeps its next wait in the invocation (and
 * polls again) rather than return it to the Wait state: while the group is
 * being deleted, the wait is short and it fits before the timeout.
 */
export const sleepsInInvocation = (
  progress: { outcome: string; waitSeconds: number },
  context: { remainingMs: number; safetyMarginSeconds: number },
): boolean =>
  progress.outcome === 'IN_PROGRESS' &&
  progress.waitSeconds < sleepIsCheaperBelowSeconds &&
  fitsBeforeTimeout(progress.waitSeconds, context);
