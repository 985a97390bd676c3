import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { findStateDefinition } from './state-machine-definition.ts';
import type { TaskHandler } from './task-handler.ts';

/** A Retry entry of an ASL state, as the definition writes it. */
export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  MaxAttempts?: number;
}

/**
 * Errors a Task throws so that its Retry polls again: the create poll's
 * DatasetGroupPendingError. Such a retry is the schedule, not a fault.
 */
const pollErrors: readonly string[] = ['DatasetGroupPendingError'];

export const isPollRetrier = (retrier: { ErrorEquals: string[] }): boolean =>
  retrier.ErrorEquals.some((error) => pollErrors.includes(error));

/** The ASL defaults of a retrier. */
const defaults = { IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3 };

const retriersOf = (
  definition: StateMachineDefinition,
  stateName: string,
): Retrier[] =>
  (
    findStateDefinition(definition, stateName) as
      | { Retry?: Retrier[] }
      | undefined
  )?.Retry ?? [];

/** A retry about to happen: its retrier and the ASL's wait before it. */
export interface RetryOfState {
  stateName: string;
  retrier: Retrier;
  /** Seconds the service would wait (jitter left out). */
  delaySeconds: number;
}

/**
 * aws-local-stepfunctions leaves the context object's `State` node out,
 * so `$$.State.RetryCount` has no value. This gives a run one `State`
 * object to pass in its context (the library reads it by reference) and
 * keeps its RetryCount true: each Task handler is wrapped, and when one
 * throws, the state's retriers are matched the way the library (and the
 * service) matches them — the first retrier naming the error, or
 * States.ALL, or States.TaskFailed, while its attempts last — so the
 * count goes up when the task is about to be retried and back to 0
 * otherwise. `onRetry` hears of each retry with the wait the service
 * would make (the benchmark's virtual clock).
 */
export const stateRetries = (
  definition: StateMachineDefinition,
  onRetry?: (retry: RetryOfState) => void,
) => {
  const state = { RetryCount: 0 };
  let attempts: number[] = [];
  const settle = () => {
    state.RetryCount = 0;
    attempts = [];
  };
  const retryFor = (
    stateName: string,
    error: unknown,
  ): RetryOfState | undefined => {
    const name = error instanceof Error ? error.name : undefined;
    const retriers = retriersOf(definition, stateName);
    const index = retriers.findIndex((retrier) =>
      retrier.ErrorEquals.some(
        (match) =>
          match === name ||
          match === 'States.ALL' ||
          (match === 'States.TaskFailed' && name !== 'States.Timeout'),
      ),
    );
    const retrier = retriers[index];
    if (retrier === undefined) return undefined;
    const made = attempts[index] ?? 0;
    if (made >= (retrier.MaxAttempts ?? defaults.MaxAttempts)) return undefined;
    attempts[index] = made + 1;
    const delaySeconds = Math.min(
      retrier.MaxDelaySeconds ?? Number.POSITIVE_INFINITY,
      (retrier.IntervalSeconds ?? defaults.IntervalSeconds) *
        (retrier.BackoffRate ?? defaults.BackoffRate) ** made,
    );
    return { stateName, retrier, delaySeconds };
  };
  return {
    /** The context object's `State` node for this run. */
    state,
    wrap:
      (stateName: string, handler: TaskHandler): TaskHandler =>
      async (input) => {
        try {
          const output = await handler(input);
          settle();
          return output;
        } catch (error) {
          const retry = retryFor(stateName, error);
          if (retry === undefined) {
            settle();
          } else {
            state.RetryCount += 1;
            onRetry?.(retry);
          }
          throw error;
        }
      },
  };
};

/**
 * Per-retrier wait overrides for aws-local-stepfunctions' run options:
 * a poll retrier waits `pollMs` (shortened like a Wait state), every other
 * one `retryMs`; undefined keeps the ASL's wait (-1 to the library).
 */
export const retryIntervalOverrides = (
  definition: StateMachineDefinition,
  stateNames: readonly string[],
  waits: { pollMs?: number | undefined; retryMs?: number | undefined },
): Record<string, number[]> =>
  Object.fromEntries(
    stateNames.map((stateName) => [
      stateName,
      retriersOf(definition, stateName).map(
        (retrier) =>
          (isPollRetrier(retrier) ? waits.pollMs : waits.retryMs) ?? -1,
      ),
    ]),
  );
