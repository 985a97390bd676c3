import type { ServerResponse } from 'node:http';
import { createAwsJsonWire } from '../aws-json/aws-json-wire.ts';
import {
  EventBridgeApiError,
  EventBridgeSerializationError,
} from './eventbridge-error.ts';

export const contentType = 'application/x-amz-json-1.1';
export const targetPrefix = 'AWSEvents.';
const maxBodyBytes = 2 * 1024 * 1024;

export type { RequestBody } from '../aws-json/aws-json-wire.ts';

const wire = createAwsJsonWire({
  contentType,
  targetPrefix,
  maxBodyBytes,
  serializationError: (message) => new EventBridgeSerializationError(message),
});

export const { operationFromTarget, readBody, parseJsonBody } = wire;
const { send } = wire;

/** 200 with the JSON output. */
export const sendOutput = (response: ServerResponse, output: object): void =>
  send(response, 200, JSON.stringify(output));

/** `{"__type", "message"}` with `x-amzn-ErrorType`. */
export const sendError = (
  response: ServerResponse,
  error: EventBridgeApiError,
): void =>
  send(
    response,
    error.status,
    JSON.stringify({ __type: error.code, message: error.message }),
    { 'x-amzn-ErrorType': error.code },
  );

export const asApiError = (error: unknown): EventBridgeApiError =>
  error instanceof EventBridgeApiError
    ? error
    : new EventBridgeApiError(
        'InternalException',
        `Endpoint bug: ${error instanceof Error ? error.message : String(error)}`,
        500,
      );
