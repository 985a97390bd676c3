import type { ServerResponse } from 'node:http';
import { createAwsJsonWire } from '../aws-json/aws-json-wire.ts';
import {
  StepFunctionsApiError,
  StepFunctionsSerializationError,
} from './step-functions-error.ts';

export const contentType = 'application/x-amz-json-1.0';
export const targetPrefix = 'AWSStepFunctions.';
/** The namespace of the error shapes in `__type`. */
export const errorNamespace = 'com.amazonaws.sfn#';
/** Room for a 256 KiB input escaped inside the JSON request body. */
const maxBodyBytes = 2 * 1024 * 1024;

export type { RequestBody } from '../aws-json/aws-json-wire.ts';

const wire = createAwsJsonWire({
  contentType,
  targetPrefix,
  maxBodyBytes,
  serializationError: (message) => new StepFunctionsSerializationError(message),
});

export const { operationFromTarget, readBody, parseJsonBody } = wire;
const { send } = wire;

/**
 * A value as awsJson1_0 carries it: Dates become epoch seconds (with a
 * fraction), undefined members are left out.
 */
export const toWire = (value: unknown): unknown => {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== undefined)
        .map(([key, member]) => [key, toWire(member)]),
    );
  }
  return value;
};

/** 200 with the JSON output. */
export const sendOutput = (response: ServerResponse, output: unknown): void =>
  send(response, 200, JSON.stringify(toWire(output)));

/** `{"__type": "com.amazonaws.sfn#<code>", "message"}`, HTTP 400. */
export const sendError = (
  response: ServerResponse,
  error: StepFunctionsApiError,
): void =>
  send(
    response,
    error.status,
    JSON.stringify({
      __type: `${errorNamespace}${error.code}`,
      message: error.message,
    }),
    { 'x-amzn-ErrorType': error.code },
  );

export const asApiError = (error: unknown): StepFunctionsApiError =>
  error instanceof StepFunctionsApiError
    ? error
    : new StepFunctionsApiError(
        'InternalFailure',
        `Endpoint bug: ${error instanceof Error ? error.message : String(error)}`,
        500,
      );
