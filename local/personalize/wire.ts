import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorError, serialization } from './emulator-error.ts';
import { isObject, type RequestBody } from './field-rules.ts';

export const contentType = 'application/x-amz-json-1.1';
export const targetPrefix = 'AmazonPersonalize.';
const maxBodyBytes = 1024 * 1024;

/** The operation named by `X-Amz-Target: AmazonPersonalize.<Op>`. */
export const operationFromTarget = (
  target: string | string[] | undefined,
): string | undefined =>
  typeof target === 'string' && target.startsWith(targetPrefix)
    ? target.slice(targetPrefix.length)
    : undefined;

/** The region of a SigV4 `Authorization` credential scope, if any. */
export const regionFromAuthorization = (
  authorization: string | undefined,
): string | undefined =>
  authorization?.match(
    /Credential=[^/\s,]+\/\d{8}\/([a-z0-9-]+)\/[^/\s,]+\/aws4_request/,
  )?.[1];

/** Reads the request body (at most 1 MiB). */
export const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > maxBodyBytes) {
        reject(serialization(`Request body exceeds ${maxBodyBytes} bytes`));
      } else resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });

/** An empty body is `{}`; anything but a JSON object is rejected. */
export const parseJsonBody = (raw: Buffer): RequestBody => {
  const text = raw.toString('utf8').trim();
  if (text === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw serialization('Request body is not valid JSON');
  }
  if (!isObject(body)) {
    throw serialization('Request body must be a JSON object');
  }
  return body;
};

const send = (
  response: ServerResponse,
  status: number,
  payload: string,
  headers: Record<string, string> = {},
): void => {
  if (response.destroyed || response.headersSent) return;
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(payload),
    'x-amzn-RequestId': randomUUID(),
    ...headers,
  });
  response.end(payload);
};

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
