import {
  type ExecutionStatus,
  executionStatuses,
  type GetExecutionHistoryRequest,
  type ListExecutionsRequest,
  type StartExecutionRequest,
  type StopExecutionRequest,
} from './execution-requests.ts';
import {
  StepFunctionsSerializationError,
  StepFunctionsValidationError,
} from './step-functions-error.ts';
import type { RequestBody } from './wire.ts';

const violation = (field: string, value: unknown, rule: string) =>
  new StepFunctionsValidationError(
    `1 validation error detected: Value ${
      value === undefined ? 'null' : `'${String(value).slice(0, 80)}'`
    } at '${field}' failed to satisfy constraint: Member ${rule}`,
  );

const wrongType = (field: string, type: string) =>
  new StepFunctionsSerializationError(
    `Member '${field}' must be a JSON ${type}`,
  );

const optionalString = (
  body: RequestBody,
  field: string,
  maxLength: number,
): string | undefined => {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(field, 'string');
  if (value.length > maxLength) {
    throw violation(
      field,
      value,
      `must have length less than or equal to ${maxLength}`,
    );
  }
  return value;
};

const requiredString = (
  body: RequestBody,
  field: string,
  maxLength: number,
): string => {
  const value = optionalString(body, field, maxLength);
  if (value === undefined) throw violation(field, value, 'must not be null');
  if (value.length === 0) {
    throw violation(
      field,
      value,
      'must have length greater than or equal to 1',
    );
  }
  return value;
};

const optionalInteger = (
  body: RequestBody,
  field: string,
): number | undefined => {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw wrongType(field, 'integer');
  }
  return value;
};

const optionalBoolean = (
  body: RequestBody,
  field: string,
): boolean | undefined => {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(field, 'boolean');
  return value;
};

const present = <T extends object>(fields: T) =>
  Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as { [K in keyof T]: Exclude<T[K], undefined> };

export const parseStartExecution = (
  body: RequestBody,
): StartExecutionRequest => ({
  stateMachineArn: requiredString(body, 'stateMachineArn', 256),
  ...present({
    name: optionalString(body, 'name', 256),
    input: optionalString(body, 'input', Number.POSITIVE_INFINITY),
  }),
});

export const parseExecutionArn = (body: RequestBody): string =>
  requiredString(body, 'executionArn', 256);

export const parseListExecutions = (
  body: RequestBody,
): ListExecutionsRequest => {
  const statusFilter = optionalString(body, 'statusFilter', 32);
  if (
    statusFilter !== undefined &&
    !(executionStatuses as readonly string[]).includes(statusFilter)
  ) {
    throw violation(
      'statusFilter',
      statusFilter,
      `must satisfy enum value set: [${executionStatuses.join(', ')}]`,
    );
  }
  return {
    stateMachineArn: requiredString(body, 'stateMachineArn', 256),
    ...present({
      statusFilter: statusFilter as ExecutionStatus | undefined,
      maxResults: optionalInteger(body, 'maxResults'),
      nextToken: optionalString(body, 'nextToken', 3096),
    }),
  };
};

export const parseGetExecutionHistory = (
  body: RequestBody,
): GetExecutionHistoryRequest => ({
  executionArn: parseExecutionArn(body),
  ...present({
    maxResults: optionalInteger(body, 'maxResults'),
    reverseOrder: optionalBoolean(body, 'reverseOrder'),
    nextToken: optionalString(body, 'nextToken', 3096),
    includeExecutionData: optionalBoolean(body, 'includeExecutionData'),
  }),
});

export const parseStopExecution = (
  body: RequestBody,
): StopExecutionRequest => ({
  executionArn: parseExecutionArn(body),
  ...present({
    error: optionalString(body, 'error', 256),
    cause: optionalString(body, 'cause', 32_768),
  }),
});
