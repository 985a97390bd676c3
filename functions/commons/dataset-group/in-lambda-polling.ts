import type { CreationProgress } from './creation-progress.ts';

/**
 * Short waits are cheaper inside the Lambda invocation than as Wait
 * states: a poll through the state machine costs 3 state transitions
 * (Choice, Wait, Task: 3 × $0.000025) while the 128 MB arm64 polling
 * function sleeps for about $0.0000017 a second (break-even ~45 s). Waits
 * up to 20 s are slept in the function; longer ones go back to a Wait
 * state, which costs nothing while it waits, so one invocation lasts
 * about 3 minutes at most.
 */
export interface InLambdaPolling {
  /** Longest wait slept inside one invocation; 0 turns it off. */
  maxWaitSeconds: number;
  /** Time kept in hand before the function's timeout. */
  safetyMarginSeconds: number;
}

export const defaultInLambdaPolling: InLambdaPolling = {
  maxWaitSeconds: 20,
  safetyMarginSeconds: 10,
};

/** Whether to sleep `progress.waitSeconds` and poll again in-process. */
export const shouldPollInProcess = (
  progress: CreationProgress | { outcome: string; waitSeconds: number },
  settings: InLambdaPolling,
  remainingMs: number,
): boolean =>
  progress.outcome === 'IN_PROGRESS' &&
  progress.waitSeconds <= settings.maxWaitSeconds &&
  (progress.waitSeconds + settings.safetyMarginSeconds) * 1000 < remainingMs;
