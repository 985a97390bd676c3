import type { PollSchedule } from '../dataset-group/poll-schedule.ts';
import { getNumberFromEnv } from '../env.ts';
import { readPollSchedule } from '../poll-schedule-config.ts';

/** A dataset settles in seconds to minutes: an hour is a generous deadline. */
export const defaultDatasetDeadlineSeconds = 3600;
/**
 * An import takes about 15 minutes, and may first wait for the region's
 * quota of 5 pending imports: 4 hours from the dataset's ACTIVE.
 */
export const defaultImportDeadlineSeconds = 14_400;

/** The group's schedule (POLL_*) with the datasets' own deadline. */
export const readDatasetPollSchedule = (): PollSchedule => ({
  ...readPollSchedule(),
  deadlineSeconds: getNumberFromEnv(
    'DATASET_DEADLINE_SECONDS',
    defaultDatasetDeadlineSeconds,
  ),
});

/** The group's schedule (POLL_*) with the imports' own deadline. */
export const readImportPollSchedule = (): PollSchedule => ({
  ...readPollSchedule(),
  deadlineSeconds: getNumberFromEnv(
    'IMPORT_DEADLINE_SECONDS',
    defaultImportDeadlineSeconds,
  ),
});
