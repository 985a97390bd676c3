import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  ExecutionDoesNotExist,
} from '@aws-sdk/client-sfn';
import { executionArnOf } from '../../executions/arns.ts';
import { isValidExecutionName } from '../../executions/execution-names.ts';
import { HttpProblemError } from '../http-problem-error.ts';
import { json } from '../responses.ts';
import type { HttpApiDependencies, HttpRoute } from './http-route.ts';

const parseJson = (text: string | undefined): unknown => {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const toStatus = (
  execution: DescribeExecutionCommandOutput,
  executionName: string,
) => ({
  executionArn: execution.executionArn,
  executionName,
  status: execution.status,
  startDate: execution.startDate?.toISOString(),
  ...(execution.stopDate === undefined
    ? {}
    : { stopDate: execution.stopDate.toISOString() }),
  input: parseJson(execution.input),
  ...(execution.output === undefined
    ? {}
    : { output: parseJson(execution.output) }),
  ...(execution.error === undefined ? {} : { error: execution.error }),
  ...(execution.cause === undefined ? {} : { cause: execution.cause }),
});

/**
 * GET /executions/{executionName}: a create or delete run's status, looked
 * up in the create state machine, then in the delete one; 404 in neither.
 */
export const getExecutionRoute =
  (
    deps: Pick<
      HttpApiDependencies,
      'sfn' | 'createStateMachineArn' | 'deleteStateMachineArn'
    >,
  ): HttpRoute =>
  async (event) => {
    const executionName = event.pathParameters.executionName ?? '';
    if (!isValidExecutionName(executionName)) {
      throw new HttpProblemError(400, 'Invalid execution name', {
        errors: [
          {
            field: 'executionName',
            message: 'must be 1 to 80 letters, digits, "-" or "_"',
          },
        ],
      });
    }
    for (const stateMachineArn of [
      deps.createStateMachineArn,
      deps.deleteStateMachineArn,
    ]) {
      try {
        const execution = await deps.sfn.send(
          new DescribeExecutionCommand({
            executionArn: executionArnOf(stateMachineArn, executionName),
          }),
        );
        return json(200, toStatus(execution, executionName));
      } catch (error) {
        if (!(error instanceof ExecutionDoesNotExist)) throw error;
      }
    }
    throw new HttpProblemError(404, `No execution named ${executionName}`);
  };
