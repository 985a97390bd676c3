import * as z from 'zod/mini';
import { InvalidTaskInputError } from './poll-task-input.ts';
import { parseOrThrow } from './validate-request.ts';

const nonEmptyString = 'must be a non-empty string';
const retryCountRule = 'must be a whole number ≥ 0';

/**
 * The input both state machines pass to their first task, CreateDatasetGroup
 * or DeleteDatasetGroup (the Parameters blocks of statemachines/*.asl.json).
 * It comes from the definition, not from users: a mismatch is a wiring bug.
 */
const taskInputSchema = z.object(
  {
    /** The raw execution input; validated by the handler. */
    request: z.unknown(),
    /** `$$.Execution.Name`: the correlation id of a request with none. */
    executionName: z
      .string({ error: nonEmptyString })
      .check(z.minLength(1, { error: nonEmptyString })),
    executionStartTime: z.iso.datetime({
      offset: true,
      error: 'must be an ISO-8601 timestamp',
    }),
    /**
     * `$$.State.RetryCount` (CreateDatasetGroup only): the task's retries
     * so far, which bound how long an unrecognised LimitExceededException
     * is taken for a rate limit. Absent counts as 0.
     */
    retryCount: z.optional(
      z
        .int({ error: retryCountRule })
        .check(z.gte(0, { error: retryCountRule })),
    ),
    /**
     * `$$.Execution.RedriveCount` (DeleteDatasetGroup only): a run again of
     * an execution that ran before, whose deletion may be done already.
     * Absent counts as 0.
     */
    redriveCount: z.optional(
      z
        .int({ error: retryCountRule })
        .check(z.gte(0, { error: retryCountRule })),
    ),
  },
  { error: 'must be an object (the Parameters of the task)' },
);
type TaskInput = z.infer<typeof taskInputSchema>;

const parseTaskInput =
  (task: string) =>
  (event: unknown): TaskInput =>
    parseOrThrow(
      taskInputSchema,
      event,
      (issues) =>
        new InvalidTaskInputError(
          `Invalid ${task} task input: ${issues
            .map(({ field, message }) => `${field} ${message}`)
            .join('; ')}`,
        ),
      '(input)',
    );

/** The CreateDatasetGroup task input, or InvalidTaskInputError. */
export const parseCreateTaskInput = parseTaskInput('CreateDatasetGroup');

/**
 * Whether this attempt repeats work an earlier one of the same execution
 * may have done: a Retry of the task, or a run again of the execution.
 */
export const isRepeatedAttempt = (input: TaskInput): boolean =>
  (input.retryCount ?? 0) > 0 || (input.redriveCount ?? 0) > 0;

/** The DeleteDatasetGroup task input, or InvalidTaskInputError. */
export const parseDeleteTaskInput = parseTaskInput('DeleteDatasetGroup');

/**
 * The correlation id of a run: the request's when it has a string one
 * (valid or not: a request rejected for it still reports it), or else
 * the execution name. The state machines' HasRequestCorrelationId, on the
 * path where this task failed, picks it the same way.
 */
export const correlationIdOf = (
  request: unknown,
  executionName: string,
): string => {
  const given =
    typeof request === 'object' && request !== null && !Array.isArray(request)
      ? (request as { correlationId?: unknown }).correlationId
      : undefined;
  return typeof given === 'string' ? given : executionName;
};

export { secondsSince } from './poll-task-input.ts';
