import {
  defaultInLambdaPolling,
  type InLambdaPolling,
} from './dataset-group/in-lambda-polling.ts';
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
 * In-invocation polling from the environment:
 * POLL_IN_LAMBDA_MAX_WAIT_SECONDS (0 turns it off) and
 * POLL_IN_LAMBDA_SAFETY_MARGIN_SECONDS. Read once, at cold start.
 */
export const readInLambdaPolling = (): InLambdaPolling => ({
  maxWaitSeconds: getNonNegativeNumberFromEnv(
    'POLL_IN_LAMBDA_MAX_WAIT_SECONDS',
    defaultInLambdaPolling.maxWaitSeconds,
  ),
  safetyMarginSeconds: getNonNegativeNumberFromEnv(
    'POLL_IN_LAMBDA_SAFETY_MARGIN_SECONDS',
    defaultInLambdaPolling.safetyMarginSeconds,
  ),
});
