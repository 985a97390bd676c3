import {
  type ExecutionStatus,
  executionStatuses,
  type GetExecutionHistoryRequest,
  type ListExecutionsRequest,
  type StartExecutionRequest,
  type StopExecutionRequest,
} from './execution-requests.ts';
import type { ListStateMachinesRequest } from './state-machine-catalog.ts';
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

/**
 * The model's page tokens: PageToken (1–1024; ListStateMachines,
 * GetExecutionHistory) and ListExecutionsPageToken (1–3096), as in
 * botocore's stepfunctions service-2.json; the 1024 limit's message is
 * the one recorded on AWS (LocalStack test_sfn_api.snapshot.json,
 * list-state-machines-invalid-param-long-nextToken).
 */
const optionalToken = (
  body: RequestBody,
  maxLength: 1024 | 3096,
): string | undefined => {
  const value = optionalString(body, 'nextToken', maxLength);
  if (value === '') {
    throw violation(
      'nextToken',
      value,
      'must have length greater than or equal to 1',
    );
  }
  return value;
};

const optionalEnum = <T extends string>(
  body: RequestBody,
  field: string,
  values: readonly T[],
): T | undefined => {
  const value = optionalString(body, field, Number.POSITIVE_INFINITY);
  if (value !== undefined && !(values as readonly string[]).includes(value)) {
    throw violation(
      field,
      value,
      `must satisfy enum value set: [${values.join(', ')}]`,
    );
  }
  return value as T | undefined;
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
): ListExecutionsRequest => ({
  stateMachineArn: requiredString(body, 'stateMachineArn', 256),
  ...present({
    statusFilter: optionalEnum<ExecutionStatus>(
      body,
      'statusFilter',
      executionStatuses,
    ),
    maxResults: optionalInteger(body, 'maxResults'),
    nextToken: optionalToken(body, 3096),
  }),
});

export const parseGetExecutionHistory = (
  body: RequestBody,
): GetExecutionHistoryRequest => ({
  executionArn: parseExecutionArn(body),
  ...present({
    maxResults: optionalInteger(body, 'maxResults'),
    reverseOrder: optionalBoolean(body, 'reverseOrder'),
    nextToken: optionalToken(body, 1024),
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

export const parseListStateMachines = (
  body: RequestBody,
): ListStateMachinesRequest =>
  present({
    maxResults: optionalInteger(body, 'maxResults'),
    nextToken: optionalToken(body, 1024),
  });

/** The model's IncludedData: whether a KMS-encrypted definition is read. */
const includedDataValues = ['ALL_DATA', 'METADATA_ONLY'] as const;

/**
 * DescribeStateMachine's input. `includedData` is checked and has no
 * effect: the local definitions are not encrypted with a customer key, so
 * the definition is always returned (inferred from the API reference,
 * which ties METADATA_ONLY to KMS-encrypted definitions).
 */
export const parseDescribeStateMachine = (body: RequestBody): string => {
  const stateMachineArn = requiredString(body, 'stateMachineArn', 256);
  optionalEnum(body, 'includedData', includedDataValues);
  return stateMachineArn;
};

/** DescribeStateMachineForExecution's input (includedData as above). */
export const parseDescribeStateMachineForExecution = (
  body: RequestBody,
): string => {
  const executionArn = parseExecutionArn(body);
  optionalEnum(body, 'includedData', includedDataValues);
  return executionArn;
};
