import { createHash, createHmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Send } from './api-client.ts';
import { RequestSigningError } from './cli-errors.ts';
import { nodeHttpSend } from './node-http-send.ts';

type Bytes = string | ArrayBuffer | ArrayBufferView;

const toBuffer = (data: Bytes): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/** SHA-256 (HMAC when given a secret) as the SigV4 signer expects it. */
class Sha256 {
  readonly #hash;
  constructor(secret?: Bytes) {
    this.#hash =
      secret === undefined
        ? createHash('sha256')
        : createHmac('sha256', toBuffer(secret));
  }
  update(data: Bytes): void {
    this.#hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }
}

/**
 * A `send` that signs each request with SigV4 for API Gateway
 * (`execute-api`), with the credentials of the default provider chain
 * (environment, profile, SSO, instance role), as the HTTP API's IAM
 * authorization requires.
 */
export const sigV4Send = (
  region: string,
  send: Send = nodeHttpSend(),
): Send => {
  const signer = new SignatureV4({
    service: 'execute-api',
    region,
    credentials: defaultProvider(),
    sha256: Sha256,
  });
  return async (request) => {
    const url = new URL(request.url);
    const body = request.body === null ? undefined : await request.text();
    const headers: Record<string, string> = { host: url.host };
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    let signed: Awaited<ReturnType<typeof signer.sign>>;
    try {
      signed = await signer.sign({
        method: request.method,
        protocol: url.protocol,
        hostname: url.hostname,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        ...(body === undefined ? {} : { body }),
      });
    } catch (error) {
      throw new RequestSigningError(url.href, error);
    }
    return send(
      new Request(url, {
        method: request.method,
        headers: signed.headers,
        signal: request.signal,
        ...(body === undefined ? {} : { body }),
      }),
    );
  };
};
