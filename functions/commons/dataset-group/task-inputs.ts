import * as z from 'zod';

/**
 * Inputs the state machine passes to its Lambda tasks (Parameters blocks of
 * statemachines/create-dataset-group.asl.json). They come from the
 * definition, not from users: a mismatch is a wiring bug.
 */
export const createTaskInputSchema = z.object({
  /** The raw execution input; validated by the handler. */
  request: z.unknown(),
  correlationId: z.string().min(1),
  executionStartTime: z.iso.datetime({ offset: true }),
});
export type CreateTaskInput = z.infer<typeof createTaskInputSchema>;

/** Input of the DeleteDatasetGroup task (delete-dataset-group.asl.json). */
export const deleteTaskInputSchema = createTaskInputSchema;
export type DeleteTaskInput = z.infer<typeof deleteTaskInputSchema>;

export { secondsSince } from './poll-task-input.ts';
