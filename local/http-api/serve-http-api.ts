import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from 'aws-lambda';
import {
  fromLambdaResult,
  requestUrlOf,
  toApiGatewayEvent,
} from './api-gateway-event.ts';
import { matchRoute } from './routes.ts';

type HttpApiHandler = (event: never, context: Context) => Promise<unknown>;

export interface LocalHttpApiOptions {
  handler: HttpApiHandler;
  routes: readonly string[];
  port?: number;
  accountId?: string;
  /** Largest body API Gateway accepts (10 MiB); larger ones get 413. */
  maxBodyBytes?: number;
}

const lambdaContext = (requestId: string): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'http-api',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:http-api',
  memoryLimitInMB: '256',
  awsRequestId: requestId,
  logGroupName: '/aws/lambda/http-api',
  logStreamName: 'local',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

const readBody = (request: IncomingMessage, limit: number) =>
  new Promise<Buffer | undefined>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > limit ? undefined : Buffer.concat(chunks)),
    );
    request.on('error', reject);
  });

const json = (message: string) => Buffer.from(JSON.stringify({ message }));

/**
 * The HTTP API on 127.0.0.1, as API Gateway runs it: routes matched
 * (404 otherwise, a target that is not a path included, without invoking
 * the Lambda), payload format 2.0 events,
 * the handler's result turned into the response; a handler that throws is
 * a 500 `Internal Server Error`, as API Gateway answers.
 */
export const serveHttpApi = async (options: LocalHttpApiOptions) => {
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const server = createServer(async (request, response) => {
    const send = (
      statusCode: number,
      body: Buffer,
      headers: Record<string, string> = {},
    ) => {
      response.writeHead(statusCode, {
        'content-type': 'application/json',
        'content-length': body.length,
        ...headers,
      });
      response.end(body);
    };
    try {
      const body = await readBody(request, maxBodyBytes);
      if (body === undefined) {
        send(413, json('Request Entity Too Large'));
        return;
      }
      const url = requestUrlOf(request.url ?? '/', 'http://localhost');
      const route =
        url === undefined
          ? undefined
          : matchRoute(options.routes, request.method ?? 'GET', url.pathname);
      if (route === undefined) {
        send(404, json('Not Found'));
        return;
      }
      const address = server.address() as AddressInfo;
      const event = toApiGatewayEvent(
        {
          method: request.method ?? 'GET',
          url: request.url ?? '/',
          headers: request.headers,
          body,
          sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        },
        route,
        {
          accountId: options.accountId ?? '000000000000',
          apiId: 'local',
          domainName: `127.0.0.1:${address.port}`,
        },
      );
      const result = await options.handler(
        event as never,
        lambdaContext(event.requestContext.requestId),
      );
      const answer = fromLambdaResult(result);
      send(answer.statusCode, answer.body, answer.headers);
    } catch {
      if (!response.headersSent) send(500, json('Internal Server Error'));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
