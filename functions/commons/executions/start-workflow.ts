import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { executionArnOf } from './arns.ts';

/** The execution name is taken by a run with another input. */
export class ExecutionNameConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExecutionNameConflictError';
  }
}

export interface StartedWorkflow {
  executionArn: string;
  executionName: string;
  startDate: string;
  /** An execution of that name and input already existed: it is returned. */
  replay: boolean;
}

const sameJson = (a: string | undefined, b: string): boolean => {
  try {
    return (
      a !== undefined &&
      JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b))
    );
  } catch {
    return false;
  }
};

/**
 * StartExecution, idempotent by name: the same name and input returns the
 * execution that exists (running or finished) instead of failing; the
 * same name with another input is an ExecutionNameConflictError.
 */
export const startWorkflow = async (
  client: SFNClient,
  stateMachineArn: string,
  executionName: string,
  input: unknown,
): Promise<StartedWorkflow> => {
  const json = JSON.stringify(input);
  try {
    const started = await client.send(
      new StartExecutionCommand({
        stateMachineArn,
        name: executionName,
        input: json,
      }),
    );
    return {
      executionArn:
        started.executionArn ?? executionArnOf(stateMachineArn, executionName),
      executionName,
      startDate: (started.startDate ?? new Date()).toISOString(),
      replay: false,
    };
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
    const executionArn = executionArnOf(stateMachineArn, executionName);
    const existing = await client.send(
      new DescribeExecutionCommand({ executionArn }),
    );
    if (!sameJson(existing.input, json)) {
      throw new ExecutionNameConflictError(
        `Execution ${executionName} already exists with another input`,
      );
    }
    return {
      executionArn,
      executionName,
      startDate: (existing.startDate ?? new Date()).toISOString(),
      replay: true,
    };
  }
};
