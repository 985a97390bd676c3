import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
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

/** A decoded JSON request body. */
export type RequestBody = Readonly<Record<string, unknown>>;

/** The operation named by `X-Amz-Target: AWSStepFunctions.<Op>`. */
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
          new StepFunctionsSerializationError(
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
    throw new StepFunctionsSerializationError('Request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new StepFunctionsSerializationError(
      'Request body must be a JSON object',
    );
  }
  return body as RequestBody;
};

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
