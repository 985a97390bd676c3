import { request } from 'node:http';

/** A request exactly as it goes on the wire: any method, headers, bytes. */
export interface RawRequest {
  method: string;
  path: string;
  headers: Readonly<Record<string, string>>;
  body: Uint8Array;
}

/** One line for a failure report: method, path, headers, body head. */
export const describeRaw = (raw: RawRequest): string => {
  const text = Buffer.from(raw.body).toString('utf8');
  const head =
    text.length > 400
      ? `${text.slice(0, 400)}… (${raw.body.length} bytes)`
      : text;
  return `${raw.method} ${raw.path.slice(0, 100)} ${JSON.stringify(raw.headers)} ${JSON.stringify(head)}`;
};

export interface RawAnswer {
  status: number;
  body: string;
}

/**
 * Sends one request on a fresh connection to 127.0.0.1:`port` (no
 * keep-alive, so no answer depends on a reused socket's timing) and
 * resolves with the status and the body as text; rejects when the
 * connection fails or is cut before the answer is complete.
 */
export const sendRaw = (port: number, raw: RawRequest): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: raw.method,
        path: raw.path,
        // Framed by its length: Node sends the body of a GET, HEAD,
        // DELETE or OPTIONS unframed otherwise.
        headers: {
          ...raw.headers,
          'content-length': String(raw.body.length),
          connection: 'close',
        },
        agent: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
