import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { unrecognisedLimitRetries } from '#commons/clients/limit-exceeded.ts';
import type { Retrier } from '#local/runtime/state-retries.ts';

/**
 * The AWS SDK's standard retry mode as @smithy/core 3.41 implements it
 * (verified in its retry submodule): 3 attempts (DEFAULT_MAX_ATTEMPTS);
 * before retry i of a throttling error (LimitExceededException is one) it
 * waits random × min(1 s × 2^i, 20 s) (Retry.throttlingDelay,
 * MAXIMUM_RETRY_DELAY).
 */
export const sdkStandardRetry = {
  maxAttempts: 3,
  throttlingBaseSeconds: 1,
  maxDelaySeconds: 20,
} as const;

/** How long a quota breach can take to end the run, and what it costs. */
export interface QuotaBreachBound {
  /** The longest the retry waits (SDK and state machine) add up to. */
  waitSeconds: number;
  /** Invocations of the create task. */
  invocations: number;
  /** CreateDatasetGroup calls answered LimitExceededException. */
  calls: number;
}

/** The most the SDK waits in one invocation (full jitter: at most this). */
export const sdkWaitSeconds = (): number => {
  let seconds = 0;
  for (let retry = 0; retry < sdkStandardRetry.maxAttempts - 1; retry += 1) {
    seconds += Math.min(
      sdkStandardRetry.throttlingBaseSeconds * 2 ** retry,
      sdkStandardRetry.maxDelaySeconds,
    );
  }
  return seconds;
};

/** The ASL defaults of a retrier. */
const retrierDefaults = { IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3 };

/**
 * The bound on the time a quota breach takes to end the create workflow,
 * from the definition's CreateDatasetGroup Retry: a message that names the
 * quota fails the first invocation, after the SDK's attempts; one that
 * names nothing is retried as PersonalizeThrottledError
 * `unrecognisedLimitRetries` times first. JitterStrategy FULL waits a
 * random time up to the computed interval, so the interval is the bound.
 * Add the time of the calls themselves (milliseconds locally).
 */
export const quotaBreachBound = (
  definition: StateMachineDefinition,
  message: 'recognised' | 'unrecognised',
): QuotaBreachBound => {
  const state = definition.States.CreateDatasetGroup as unknown as
    | { Retry?: Retrier[] }
    | undefined;
  const retrier = (state?.Retry ?? []).find((candidate) =>
    candidate.ErrorEquals.includes('PersonalizeThrottledError'),
  );
  if (retrier === undefined) {
    throw new Error(
      'CreateDatasetGroup has no Retry for PersonalizeThrottledError',
    );
  }
  const retries = message === 'recognised' ? 0 : unrecognisedLimitRetries;
  const maxAttempts = retrier.MaxAttempts ?? retrierDefaults.MaxAttempts;
  if (retries >= maxAttempts) {
    throw new RangeError(
      `unrecognisedLimitRetries (${retries}) must be below the MaxAttempts (${maxAttempts}) of CreateDatasetGroup's PersonalizeThrottledError retrier, or the run ends as throttled`,
    );
  }
  let stateMachineWaits = 0;
  for (let retry = 0; retry < retries; retry += 1) {
    stateMachineWaits += Math.min(
      retrier.MaxDelaySeconds ?? Number.POSITIVE_INFINITY,
      (retrier.IntervalSeconds ?? retrierDefaults.IntervalSeconds) *
        (retrier.BackoffRate ?? retrierDefaults.BackoffRate) ** retry,
    );
  }
  const invocations = retries + 1;
  return {
    waitSeconds: stateMachineWaits + invocations * sdkWaitSeconds(),
    invocations,
    calls: invocations * sdkStandardRetry.maxAttempts,
  };
};
