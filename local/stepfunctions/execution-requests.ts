import type { DescribeExecutionOutput } from '@aws-sdk/client-sfn';
import {
  maxJsonNestingDepth,
  nestsTooDeep,
} from '#commons/http/json-nesting.ts';
import type { ExecutionOutcome } from '../runtime/workflow-runner.ts';
import type { StopRequest } from './history-events.ts';
import {
  InvalidExecutionInputError,
  StepFunctionsValidationError,
} from './step-functions-error.ts';

export type ExecutionStatus = 'RUNNING' | ExecutionOutcome['status'];

export const executionStatuses: readonly ExecutionStatus[] = [
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'ABORTED',
];

/**
 * Bytes of UTF-8 an execution input may hold (262,144): the Step Functions
 * quota "maximum input or output size for a task, state, or execution",
 * 256 KiB as a UTF-8 encoded string (Step Functions developer guide,
 * Quotas), answered like the model's length constraint on `input`.
 */
export const maxInputBytes = 256 * 1024;
const defaultPageSize = 100;
const maxPageSize = 1000;

export interface StartExecutionRequest {
  stateMachineArn: string;
  /** Default: a random UUID. */
  name?: string;
  /** The input as JSON text, as the API takes it; default "{}". */
  input?: string;
}

export interface StartExecutionResult {
  executionArn: string;
  startDate: Date;
}

export interface ListExecutionsRequest {
  stateMachineArn: string;
  statusFilter?: ExecutionStatus;
  /** 0–1000; 0 or absent means 100. */
  maxResults?: number;
  nextToken?: string;
}

export interface GetExecutionHistoryRequest {
  executionArn: string;
  maxResults?: number;
  reverseOrder?: boolean;
  nextToken?: string;
  /** Default true; false leaves inputs and outputs out. */
  includeExecutionData?: boolean;
}

export interface StopExecutionRequest extends StopRequest {
  executionArn: string;
}

export type ExecutionDescription = DescribeExecutionOutput & {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
};

/**
 * The page size a request asks for: 0–1000, 0 or absent meaning 100. The
 * message over 1000 is the one recorded on AWS (LocalStack
 * test_sfn_api.snapshot.json, list-state-machines-invalid-param-too-large);
 * the one under 0 follows the same pattern (inferred).
 */
export const checkPageSize = (maxResults: number | undefined): number => {
  const size = maxResults ?? 0;
  const broken =
    size > maxPageSize
      ? `less than or equal to ${maxPageSize}`
      : size < 0
        ? 'greater than or equal to 0'
        : undefined;
  if (broken !== undefined || !Number.isInteger(size)) {
    throw new StepFunctionsValidationError(
      `1 validation error detected: Value '${size}' at 'maxResults' failed to satisfy constraint: Member must have value ${broken ?? 'that is an integer'}`,
    );
  }
  return size === 0 ? defaultPageSize : size;
};

/**
 * The parsed input: JSON of at most 256 KiB (UTF-8 bytes), "{}" when
 * absent. An input nested deeper than maxJsonNestingDepth is refused with
 * InvalidExecutionInput: Step Functions documents no nesting limit, this
 * one is the local stack's own (the engine copies each state's input
 * through JSON and could not carry a much deeper one to a normal end).
 */
export const checkedInput = (input: string | undefined): unknown => {
  const text = input ?? '{}';
  if (Buffer.byteLength(text, 'utf8') > maxInputBytes) {
    throw new StepFunctionsValidationError(
      `1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to ${maxInputBytes}`,
    );
  }
  if (nestsTooDeep(text)) {
    throw new InvalidExecutionInputError(
      `the input nests arrays and objects deeper than ${maxJsonNestingDepth} levels, the local stack's limit`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidExecutionInputError(
      error instanceof Error ? error.message : String(error),
    );
  }
};
