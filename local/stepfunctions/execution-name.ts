import { InvalidNameError } from './step-functions-error.ts';

export const maxExecutionNameLength = 80;

/**
 * What an execution name must not contain (API reference, StartExecution):
 * whitespace, brackets, wildcards, the special characters
 * " # % \ ^ | ~ ` $ & , ; : / and control characters.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule itself
const forbidden = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

/** Whether `name` is a valid execution name (1–80 allowed characters). */
export const isValidExecutionName = (name: string): boolean =>
  name.length >= 1 &&
  name.length <= maxExecutionNameLength &&
  !forbidden.test(name);

/** Throws InvalidName unless `name` is a valid execution name. */
export const assertValidExecutionName = (name: string): void => {
  if (!isValidExecutionName(name)) throw new InvalidNameError(name);
};
