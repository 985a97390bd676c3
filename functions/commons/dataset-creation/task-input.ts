import { InvalidTaskInputError } from '../dataset-group/poll-task-input.ts';

/**
 * The input of a create-datasets task, checked by hand for the fields
 * the task reads (the state machine's Parameters build it: a mismatch is
 * a wiring bug). No zod here: the polling functions run most often, and
 * their cold start matters.
 */
export const taskInputOf = <Input>(
  task: string,
  event: unknown,
  fields: readonly string[],
): Input => {
  const input = event as Record<string, unknown> | null;
  const missing =
    typeof input !== 'object' || input === null || Array.isArray(input)
      ? ['(input)']
      : fields.filter(
          (field) => typeof input[field] !== 'object' || input[field] === null,
        );
  if (missing.length > 0) {
    throw new InvalidTaskInputError(
      `Invalid ${task} task input: ${missing.join(', ')} must be an object`,
    );
  }
  return input as Input;
};
