import * as z from 'zod/mini';
import { InvalidTaskInputError } from './poll-task-input.ts';
import { parseOrThrow } from './validate-request.ts';

const nonEmptyString = 'must be a non-empty string';

/**
 * Inputs the state machine passes to its Lambda tasks (Parameters blocks of
 * statemachines/create-dataset-group.asl.json). They come from the
 * definition, not from users: a mismatch is a wiring bug.
 */
export const createTaskInputSchema = z.object(
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
  },
  { error: 'must be an object (the Parameters of the task)' },
);
export type CreateTaskInput = z.infer<typeof createTaskInputSchema>;

/** Input of the DeleteDatasetGroup task (delete-dataset-group.asl.json). */
export const deleteTaskInputSchema = createTaskInputSchema;
export type DeleteTaskInput = z.infer<typeof deleteTaskInputSchema>;

const parseTaskInput =
  (task: string) =>
  (event: unknown): CreateTaskInput =>
    parseOrThrow(
      createTaskInputSchema,
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

/** The DeleteDatasetGroup task input, or InvalidTaskInputError. */
export const parseDeleteTaskInput: (event: unknown) => DeleteTaskInput =
  parseTaskInput('DeleteDatasetGroup');

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
