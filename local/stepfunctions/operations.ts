import type { ExecutionRegistry } from './execution-registry.ts';
import {
  parseExecutionArn,
  parseGetExecutionHistory,
  parseListExecutions,
  parseStartExecution,
  parseStopExecution,
} from './parse-requests.ts';
import type { RequestBody } from './wire.ts';

/** The Step Functions operations the endpoint answers. */
export const operationNames = [
  'StartExecution',
  'DescribeExecution',
  'ListExecutions',
  'GetExecutionHistory',
  'StopExecution',
] as const;

export type OperationName = (typeof operationNames)[number];

export const isOperationName = (name: string): name is OperationName =>
  (operationNames as readonly string[]).includes(name);

type Operation = (
  body: RequestBody,
  registry: ExecutionRegistry,
) => unknown | Promise<unknown>;

/** Each operation: validate the body, apply it to the registry. */
export const operations: Record<OperationName, Operation> = {
  StartExecution: (body, registry) =>
    registry.startExecution(parseStartExecution(body)),
  DescribeExecution: (body, registry) =>
    registry.describeExecution(parseExecutionArn(body)),
  ListExecutions: (body, registry) =>
    registry.listExecutions(parseListExecutions(body)),
  GetExecutionHistory: (body, registry) =>
    registry.getExecutionHistory(parseGetExecutionHistory(body)),
  StopExecution: (body, registry) =>
    registry.stopExecution(parseStopExecution(body)),
};
