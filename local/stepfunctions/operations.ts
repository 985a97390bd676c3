import type { ExecutionRegistry } from './execution-registry.ts';
import {
  parseDescribeStateMachine,
  parseDescribeStateMachineForExecution,
  parseExecutionArn,
  parseGetExecutionHistory,
  parseListExecutions,
  parseListStateMachines,
  parseStartExecution,
  parseStopExecution,
} from './parse-requests.ts';
import type { StateMachineCatalog } from './state-machine-catalog.ts';
import type { RequestBody } from './wire.ts';

/** The Step Functions operations the endpoint answers. */
export const operationNames = [
  'ListStateMachines',
  'DescribeStateMachine',
  'DescribeStateMachineForExecution',
  'StartExecution',
  'DescribeExecution',
  'ListExecutions',
  'GetExecutionHistory',
  'StopExecution',
] as const;

export type OperationName = (typeof operationNames)[number];

export const isOperationName = (name: string): name is OperationName =>
  (operationNames as readonly string[]).includes(name);

/** What the operations act on. */
export interface StepFunctionsBackend {
  executions: ExecutionRegistry;
  stateMachines: StateMachineCatalog;
}

type Operation = (
  body: RequestBody,
  backend: StepFunctionsBackend,
) => unknown | Promise<unknown>;

/** Each operation: validate the body, apply it. */
export const operations: Record<OperationName, Operation> = {
  ListStateMachines: (body, { stateMachines }) =>
    stateMachines.list(parseListStateMachines(body)),
  DescribeStateMachine: (body, { stateMachines }) =>
    stateMachines.describe(parseDescribeStateMachine(body)),
  DescribeStateMachineForExecution: (body, { executions, stateMachines }) =>
    stateMachines.describeForExecution(
      executions.describeExecution(parseDescribeStateMachineForExecution(body))
        .stateMachineArn,
    ),
  StartExecution: (body, { executions }) =>
    executions.startExecution(parseStartExecution(body)),
  DescribeExecution: (body, { executions }) =>
    executions.describeExecution(parseExecutionArn(body)),
  ListExecutions: (body, { executions }) =>
    executions.listExecutions(parseListExecutions(body)),
  GetExecutionHistory: (body, { executions }) =>
    executions.getExecutionHistory(parseGetExecutionHistory(body)),
  StopExecution: (body, { executions }) =>
    executions.stopExecution(parseStopExecution(body)),
};
