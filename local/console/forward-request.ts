import type { IncomingMessage, ServerResponse } from 'node:http';
import { request as httpRequest } from 'node:http';

/** Request headers the proxy passes on: what the wire protocols read. */
const forwardedRequestHeaders = [
  'content-type',
  'x-amz-target',
  'accept',
  'idempotency-key',
];

/** Response headers it passes back. */
const forwardedResponseHeaders = [
  'content-type',
  'x-amzn-requestid',
  'x-amzn-errortype',
];

/**
 * Sends the request on to `upstream` + `path` as it came (method, body and
 * the headers the protocol reads) and writes the upstream's answer back
 * unchanged: status, body and its protocol headers. An upstream that
 * cannot be reached is a 502 naming it.
 */
export const forwardRequest = (
  request: IncomingMessage,
  response: ServerResponse,
  upstream: string,
  path: string,
  search: string,
): void => {
  const url = new URL(path + search, upstream);
  const headers: Record<string, string> = {};
  for (const name of forwardedRequestHeaders) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const outgoing = httpRequest(url, { method: request.method, headers });
  outgoing.on('response', (answer) => {
    const back: Record<string, string> = {};
    for (const name of forwardedResponseHeaders) {
      const value = answer.headers[name];
      if (typeof value === 'string') back[name] = value;
    }
    response.writeHead(answer.statusCode ?? 502, back);
    answer.pipe(response);
  });
  outgoing.on('error', (error) => {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const body = JSON.stringify({
      message: `Cannot reach ${upstream}: ${error.message}`,
    });
    response.writeHead(502, { 'content-type': 'application/json' });
    response.end(body);
  });
  request.pipe(outgoing);
};
