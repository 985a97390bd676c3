import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  EventBridgeApiError,
  EventBridgeSerializationError,
} from './eventbridge-error.ts';

export const contentType = 'application/x-amz-json-1.1';
export const targetPrefix = 'AWSEvents.';
const maxBodyBytes = 2 * 1024 * 1024;

/** A decoded JSON request body. */
export type RequestBody = Readonly<Record<string, unknown>>;

/** The operation named by `X-Amz-Target: AWSEvents.<Op>`. */
export const operationFromTarget = (
  target: string | string[] | undefined,
): string | undefined =>
  typeof target === 'string' && target.startsWith(targetPrefix)
    ? target.slice(targetPrefix.length)
    : undefined;

/** Reads the request body (at most 2 MiB). */
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
        reject(
          new EventBridgeSerializationError(
            `Request body exceeds ${maxBodyBytes} bytes`,
          ),
        );
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
    throw new EventBridgeSerializationError('Request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new EventBridgeSerializationError(
      'Request body must be a JSON object',
    );
  }
  return body as RequestBody;
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
