/**
 * The long waits of the creation poll belong to the state machine: the
 * DescribeDatasetGroup task throws DatasetGroupPendingError, and the first
 * retrier of its Retry block brings it back IntervalSeconds × BackoffRate^n
 * seconds later (at most MaxDelaySeconds), once per attempt. A retry is one
 * billed state transition ($0.000025); a loop through a Choice and a Wait
 * state is three. The 128 MB arm64 function sleeps for $0.0000017 a
 * second, so a wait shorter than about 15 s is cheaper slept inside the
 * invocation and a longer one is cheaper as a retry: the interval is that
 * break-even.
 *
 * The handler cannot read the Retry block, so the task passes the same
 * numbers as `pollRetry` in its Parameters (a test keeps them equal), and
 * `$$.State.RetryCount` says which retry an invocation is.
 */
export interface PollRetry {
  /** Seconds before the first retry; also the shortest wait not slept. */
  intervalSeconds: number;
  /** Each retry waits this many times longer than the one before. */
  backoffRate: number;
  /** Longest wait between two retries. */
  maxDelaySeconds: number;
  /** Retries the retrier allows; the handler never asks for more. */
  maxAttempts: number;
}

/** Seconds the Retry waits after `retries` retries have been made. */
export const retryDelaySeconds = (policy: PollRetry, retries: number): number =>
  Math.min(
    policy.maxDelaySeconds,
    policy.intervalSeconds * policy.backoffRate ** retries,
  );

/** Seconds the first `retries` retries waited, in all. */
export const secondsOfRetries = (
  policy: PollRetry,
  retries: number,
): number => {
  let seconds = 0;
  for (let retry = 0; retry < retries; retry += 1) {
    seconds += retryDelaySeconds(policy, retry);
  }
  return seconds;
};

/** Problems of a `pollRetry` value, in words; empty when it is valid. */
export const pollRetryProblems = (value: unknown): string[] => {
  const policy = (value ?? {}) as Record<string, unknown>;
  const wholeAtLeastOne = (field: string) =>
    Number.isInteger(policy[field]) && (policy[field] as number) >= 1
      ? undefined
      : `pollRetry.${field} must be a whole number ≥ 1`;
  return [
    wholeAtLeastOne('intervalSeconds'),
    typeof policy.backoffRate === 'number' && policy.backoffRate >= 1
      ? undefined
      : 'pollRetry.backoffRate must be a number ≥ 1',
    wholeAtLeastOne('maxDelaySeconds'),
    wholeAtLeastOne('maxAttempts'),
  ].filter((problem) => problem !== undefined);
};
