/**
 * The poll schedule: how long to wait before the next DescribeDatasetGroup.
 *
 * Each wait is a fraction of the time already spent waiting, bounded below
 * by `firstWaitSeconds` and above by `maxWaitSeconds`. A group that turns
 * ACTIVE after T seconds is therefore seen at most about
 * max(firstWaitSeconds, waitFraction × T) seconds late, while the number of
 * polls grows only with log(T). The deadline is reached when the time spent
 * reaches `deadlineSeconds`; the last wait is cut so it ends on the deadline.
 */
export interface PollSchedule {
  /** First wait and the shortest wait, in whole seconds. */
  firstWaitSeconds: number;
  /** Each wait is at most this fraction of the time elapsed so far. */
  waitFraction: number;
  /** Longest single wait, in seconds. */
  maxWaitSeconds: number;
  /** Overall deadline for the group to settle, in seconds. */
  deadlineSeconds: number;
}

export const defaultPollSchedule: PollSchedule = {
  firstWaitSeconds: 2,
  waitFraction: 0.1,
  maxWaitSeconds: 300,
  deadlineSeconds: 7200,
};

/** Whole seconds to wait, given the seconds elapsed so far (≥ 0). */
export const nextWaitSeconds = (
  elapsedSeconds: number,
  schedule: PollSchedule,
): number => {
  const remaining = Math.max(0, schedule.deadlineSeconds - elapsedSeconds);
  const proportional = Math.floor(schedule.waitFraction * elapsedSeconds);
  const wait = Math.min(
    schedule.maxWaitSeconds,
    Math.max(schedule.firstWaitSeconds, proportional),
  );
  return Math.ceil(Math.min(wait, remaining));
};

/** Checks a schedule read from configuration; throws on nonsense. */
export const assertValidPollSchedule = (schedule: PollSchedule): void => {
  const { firstWaitSeconds, waitFraction, maxWaitSeconds, deadlineSeconds } =
    schedule;
  const problems = [
    !Number.isInteger(firstWaitSeconds) || firstWaitSeconds < 1
      ? 'firstWaitSeconds must be a whole number ≥ 1'
      : undefined,
    !(waitFraction >= 0 && waitFraction <= 1)
      ? 'waitFraction must be between 0 and 1'
      : undefined,
    !(maxWaitSeconds >= firstWaitSeconds)
      ? 'maxWaitSeconds must be ≥ firstWaitSeconds'
      : undefined,
    !(deadlineSeconds >= firstWaitSeconds)
      ? 'deadlineSeconds must be ≥ firstWaitSeconds'
      : undefined,
  ].filter((problem) => problem !== undefined);
  if (problems.length > 0) {
    throw new RangeError(`Invalid poll schedule: ${problems.join('; ')}`);
  }
};
