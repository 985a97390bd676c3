import type { RunOptions } from 'aws-local-stepfunctions';

/** A local function that aws-local-stepfunctions runs for a Task state. */
export type TaskHandler = NonNullable<
  NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']
>[string];
