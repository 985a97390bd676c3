import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  maxJsonNestingDepth,
  nestsTooDeep,
} from '#commons/http/json-nesting.ts';

/** A decoded JSON request body. */
export type RequestBody = Readonly<Record<string, unknown>>;

export interface AwsJsonWireOptions {
  /** `application/x-amz-json-1.0` or `-1.1`. */
  contentType: string;
  /** `X-Amz-Target` prefix, e.g. `AmazonPersonalize.` */
  targetPrefix: string;
  maxBodyBytes: number;
  /** The service's error for a body it cannot read. */
  serializationError: (message: string) => Error;
}

/**
 * The request and response plumbing the local AWS endpoints share
 * (awsJson1_0 / awsJson1_1): route on X-Amz-Target, read a bounded JSON
 * object body, answer with a request id. Each endpoint adds its own error
 * shape on top.
 */
export const createAwsJsonWire = (options: AwsJsonWireOptions) => {
  const { contentType, targetPrefix, maxBodyBytes, serializationError } =
    options;

  /** The operation named by `X-Amz-Target: <prefix><Op>`. */
  const operationFromTarget = (
    target: string | string[] | undefined,
  ): string | undefined =>
    typeof target === 'string' && target.startsWith(targetPrefix)
      ? target.slice(targetPrefix.length)
      : undefined;

  /** Reads the request body, at most maxBodyBytes. */
  const readBody = (request: IncomingMessage): Promise<Buffer> =>
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
            serializationError(`Request body exceeds ${maxBodyBytes} bytes`),
          );
        } else resolve(Buffer.concat(chunks));
      });
      request.on('error', reject);
    });

  /**
   * An empty body is `{}`; anything but a JSON object is rejected, and so
   * is one nested deeper than the local stack's limit (maxJsonNestingDepth:
   * no service documents one; this keeps every value the endpoints take
   * within what the local engine can copy and serialize).
   */
  const parseJsonBody = (raw: Buffer): RequestBody => {
    const text = raw.toString('utf8').trim();
    if (text === '') return {};
    if (nestsTooDeep(text)) {
      throw serializationError(
        `Request body nests arrays and objects deeper than ${maxJsonNestingDepth} levels, the local stack's limit`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw serializationError('Request body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw serializationError('Request body must be a JSON object');
    }
    return body as RequestBody;
  };

  /** Writes one answer, unless the connection is gone. */
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

  return { operationFromTarget, readBody, parseJsonBody, send };
};
