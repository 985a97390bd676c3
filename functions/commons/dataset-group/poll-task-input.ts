import { type PollRetry, pollRetryProblems } from './poll-retry.ts';

/**
 * What both polling tasks pass: the group, and the poll position (polls so
 * far, and the scheduled time of this poll). Checked by hand, not with
 * zod: the polling functions are invoked most often and their cold start
 * matters, and zod is most of a bundle.
 */
interface PollTaskInput {
  name: string;
  datasetGroupArn: string;
  attempt: number;
  elapsedSeconds: number;
  executionStartTime: string;
}

/**
 * The input of the create state machine's DescribeDatasetGroup task: the
 * poll position as the task was entered, `$$.State.RetryCount`, and the
 * task's poll retrier (see poll-retry.ts).
 */
export interface DescribeTaskInput extends PollTaskInput {
  retryCount: number;
  pollRetry: PollRetry;
}

/** The task input does not have the shape the definition gives it. */
export class InvalidTaskInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTaskInputError';
  }
}

const isoTimestamp =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const pollTaskInputProblems = (input: Record<string, unknown>): string[] =>
  [
    typeof input.name === 'string' && input.name !== ''
      ? undefined
      : 'name must be a non-empty string',
    typeof input.datasetGroupArn === 'string' && input.datasetGroupArn !== ''
      ? undefined
      : 'datasetGroupArn must be a non-empty string',
    Number.isInteger(input.attempt) && (input.attempt as number) >= 0
      ? undefined
      : 'attempt must be a whole number ≥ 0',
    typeof input.elapsedSeconds === 'number' &&
    Number.isFinite(input.elapsedSeconds) &&
    input.elapsedSeconds >= 0
      ? undefined
      : 'elapsedSeconds must be a number ≥ 0',
    typeof input.executionStartTime === 'string' &&
    isoTimestamp.test(input.executionStartTime) &&
    !Number.isNaN(Date.parse(input.executionStartTime))
      ? undefined
      : 'executionStartTime must be an ISO-8601 timestamp',
  ].filter((problem) => problem !== undefined);

const throwIfAny = (task: string, problems: string[]): void => {
  if (problems.length > 0) {
    throw new InvalidTaskInputError(
      `Invalid ${task} task input: ${problems.join('; ')}`,
    );
  }
};

export const parseDescribeTaskInput = (event: unknown): DescribeTaskInput => {
  const input = (event ?? {}) as Record<string, unknown>;
  throwIfAny(
    'DescribeDatasetGroup',
    [
      ...pollTaskInputProblems(input),
      Number.isInteger(input.retryCount) && (input.retryCount as number) >= 0
        ? undefined
        : 'retryCount must be a whole number ≥ 0',
      ...pollRetryProblems(input.pollRetry),
    ].filter((problem) => problem !== undefined),
  );
  return input as unknown as DescribeTaskInput;
};

/** Input of DescribeDatasetGroupDeletion: the group as last seen. */
export interface DescribeDeletionTaskInput {
  datasetGroup: { name: string; datasetGroupArn: string } & Record<
    string,
    unknown
  >;
  attempt: number;
  elapsedSeconds: number;
  executionStartTime: string;
}

export const parseDescribeDeletionTaskInput = (
  event: unknown,
): DescribeDeletionTaskInput => {
  const input = (event ?? {}) as Record<string, unknown>;
  const group = (input.datasetGroup ?? {}) as Record<string, unknown>;
  throwIfAny(
    'DescribeDatasetGroupDeletion',
    pollTaskInputProblems({
      ...input,
      name: group.name,
      datasetGroupArn: group.datasetGroupArn,
    }),
  );
  return input as unknown as DescribeDeletionTaskInput;
};

/** Seconds from an ISO timestamp to `now` (never negative). */
export const secondsSince = (iso: string, now: number): number =>
  Math.max(0, (now - Date.parse(iso)) / 1000);
