import type { PollSchedule } from '../dataset-group/poll-schedule.ts';
import { getNumberFromEnv } from '../env.ts';
import { readPollSchedule } from '../poll-schedule-config.ts';

/**
 * A teardown waits for campaigns and recommenders to go (minutes each)
 * and for training to stop: 4 hours from the execution's start.
 */
export const defaultTeardownDeadlineSeconds = 14_400;

/** The group's schedule (POLL_*) with the teardown's own deadline. */
export const readTeardownPollSchedule = (): PollSchedule => ({
  ...readPollSchedule(),
  deadlineSeconds: getNumberFromEnv(
    'TEARDOWN_DEADLINE_SECONDS',
    defaultTeardownDeadlineSeconds,
  ),
});
