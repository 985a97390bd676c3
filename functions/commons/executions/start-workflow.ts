import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
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

/** The execution that exists under the name, if its input is the same. */
const replayOf = (
  existing: DescribeExecutionCommandOutput,
  stateMachineArn: string,
  executionName: string,
  json: string,
): StartedWorkflow => {
  if (!sameJson(existing.input, json)) {
    throw new ExecutionNameConflictError(
      `Execution ${executionName} already exists with another input`,
    );
  }
  return {
    executionArn:
      existing.executionArn ?? executionArnOf(stateMachineArn, executionName),
    executionName,
    startDate: (existing.startDate ?? new Date()).toISOString(),
    replay: true,
  };
};

const describeIfExists = async (
  client: SFNClient,
  executionArn: string,
): Promise<DescribeExecutionCommandOutput | undefined> => {
  try {
    return await client.send(new DescribeExecutionCommand({ executionArn }));
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return undefined;
    throw error;
  }
};

/**
 * StartExecution, idempotent by name: the same name and input returns the
 * execution that exists instead of failing; the same name with another
 * input is an ExecutionNameConflictError.
 *
 * Use it for a name that has not been used (a random one). It reports a
 * replay only when Step Functions answers ExecutionAlreadyExists, that is
 * when the execution of that name is closed or has another input: for a
 * RUNNING execution of the same name and input, StartExecution succeeds
 * and returns that execution, and nothing in its answer tells it from a
 * new one (verified: the StartExecution `name` documentation, "When the
 * original execution is open and the execution input from the new call is
 * identical, the Success message is returned"). A name that may be taken
 * goes through findOrStartWorkflow.
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
    const existing = await client.send(
      new DescribeExecutionCommand({
        executionArn: executionArnOf(stateMachineArn, executionName),
      }),
    );
    return replayOf(existing, stateMachineArn, executionName, json);
  }
};

/**
 * For a name derived from something the caller may send again (an
 * Idempotency-Key, an event id): DescribeExecution first, so that an
 * execution of that name is reported as a replay (`replay: true`) whether
 * it is RUNNING or closed, or as an ExecutionNameConflictError when its
 * input differs; only when there is none is it started.
 *
 * Two first requests at the same moment can both find no execution; both
 * then call StartExecution, Step Functions starts one execution and
 * answers both with it (same name and input while RUNNING succeeds), and
 * both report `replay: false`: one workflow runs, and only the report of
 * the later request is wrong. With different inputs the later one gets
 * ExecutionAlreadyExists and the conflict is reported as usual.
 */
export const findOrStartWorkflow = async (
  client: SFNClient,
  stateMachineArn: string,
  executionName: string,
  input: unknown,
): Promise<StartedWorkflow> => {
  const existing = await describeIfExists(
    client,
    executionArnOf(stateMachineArn, executionName),
  );
  if (existing === undefined) {
    return startWorkflow(client, stateMachineArn, executionName, input);
  }
  return replayOf(
    existing,
    stateMachineArn,
    executionName,
    JSON.stringify(input),
  );
};
