import type { ServerResponse } from 'node:http';
import { createAwsJsonWire } from '../aws-json/aws-json-wire.ts';
import { EmulatorError, serialization } from './emulator-error.ts';

export const contentType = 'application/x-amz-json-1.1';
export const targetPrefix = 'AmazonPersonalize.';
const maxBodyBytes = 1024 * 1024;

const wire = createAwsJsonWire({
  contentType,
  targetPrefix,
  maxBodyBytes,
  serializationError: serialization,
});

export const { operationFromTarget, readBody, parseJsonBody } = wire;
const { send } = wire;

/** The region of a SigV4 `Authorization` credential scope, if any. */
export const regionFromAuthorization = (
  authorization: string | undefined,
): string | undefined =>
  authorization?.match(
    /Credential=[^/\s,]+\/\d{8}\/([a-z0-9-]+)\/[^/\s,]+\/aws4_request/,
  )?.[1];

/** 200 with the JSON output, or with an empty body for `undefined`. */
export const sendOutput = (
  response: ServerResponse,
  output: Record<string, unknown> | undefined,
): void =>
  send(response, 200, output === undefined ? '' : JSON.stringify(output));

/** `{"__type", "message"}` with `x-amzn-ErrorType` (reference §1.4). */
export const sendError = (
  response: ServerResponse,
  error: EmulatorError,
  status: number,
): void =>
  send(
    response,
    status,
    JSON.stringify({ __type: error.name, message: error.message }),
    { 'x-amzn-ErrorType': error.name },
  );

export const asEmulatorError = (error: unknown): EmulatorError =>
  error instanceof EmulatorError
    ? error
    : new EmulatorError(
        'InternalFailure',
        `Emulator bug: ${error instanceof Error ? error.message : String(error)}`,
        500,
      );
