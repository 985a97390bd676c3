import {
  assertValidPollSchedule,
  defaultPollSchedule,
  type PollSchedule,
} from './dataset-group/poll-schedule.ts';
import { getNonNegativeNumberFromEnv, getNumberFromEnv } from './env.ts';

/**
 * The poll schedule from the environment (POLL_FIRST_WAIT_SECONDS,
 * POLL_WAIT_FRACTION, POLL_MAX_WAIT_SECONDS, POLL_DEADLINE_SECONDS), each
 * defaulting to defaultPollSchedule. Read once, at cold start.
 */
export const readPollSchedule = (): PollSchedule => {
  const schedule: PollSchedule = {
    firstWaitSeconds: getNumberFromEnv(
      'POLL_FIRST_WAIT_SECONDS',
      defaultPollSchedule.firstWaitSeconds,
    ),
    waitFraction: getNumberFromEnv(
      'POLL_WAIT_FRACTION',
      defaultPollSchedule.waitFraction,
    ),
    maxWaitSeconds: getNumberFromEnv(
      'POLL_MAX_WAIT_SECONDS',
      defaultPollSchedule.maxWaitSeconds,
    ),
    deadlineSeconds: getNumberFromEnv(
      'POLL_DEADLINE_SECONDS',
      defaultPollSchedule.deadlineSeconds,
    ),
  };
  assertValidPollSchedule(schedule);
  return schedule;
};

/**
 * Seconds a polling invocation keeps in hand before its timeout
 * (POLL_IN_LAMBDA_SAFETY_MARGIN_SECONDS, default 10): it sleeps a wait
 * only if the wait ends that long before the timeout. Read once, at cold
 * start.
 */
export const readInvocationSafetyMarginSeconds = (): number =>
  getNonNegativeNumberFromEnv('POLL_IN_LAMBDA_SAFETY_MARGIN_SECONDS', 10);
