import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Send } from './api-client.ts';

/** No answer (headers and body) within the time allowed. */
export class RequestTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(ms: number) {
    super(`no answer for ${ms / 1000} s`);
    this.name = 'RequestTimeoutError';
  }
}

const headersOf = (response: IncomingMessage): Headers => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    for (const each of Array.isArray(value) ? value : [value]) {
      headers.append(name, each);
    }
  }
  return headers;
};

/** Statuses whose Response must have no body. */
const bodiless = new Set([101, 204, 205, 304]);

/**
 * A `send` over node:http(s) rather than fetch: any port works (fetch
 * refuses the "bad ports" of the Fetch standard, 1 and 6000 among them),
 * a connection failure keeps its system error (ECONNREFUSED, ENOTFOUND)
 * and every request is bounded by `timeoutMs`.
 */
export const nodeHttpSend =
  (timeoutMs = 30_000): Send =>
  async (request) => {
    const url = new URL(request.url);
    const body =
      request.body === null
        ? undefined
        : Buffer.from(await request.arrayBuffer());
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = send(
        url,
        {
          method: request.method,
          headers: Object.fromEntries(request.headers),
          signal: request.signal,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const status = response.statusCode ?? 502;
            resolve(
              new Response(
                bodiless.has(status) ? null : Buffer.concat(chunks),
                {
                  status,
                  statusText: response.statusMessage ?? '',
                  headers: headersOf(response),
                },
              ),
            );
          });
        },
      );
      outgoing.setTimeout(timeoutMs, () => {
        outgoing.destroy(new RequestTimeoutError(timeoutMs));
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  };
