import { createReadStream } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LoggedBusEvent } from '#local/persistence/bus-event-rows.ts';
import { EventsQueryError, parseEventsQuery } from './events-query.ts';
import { forwardRequest } from './forward-request.ts';
import {
  NotReadOnlyError,
  proxyRouteOf,
  type Upstream,
} from './read-only-routes.ts';
import { staticFiles } from './static-files.ts';

export interface ConsoleOptions {
  /** Default 0 (a free port); always bound to 127.0.0.1. */
  port?: number;
  /** The endpoints the page reads, through the same-origin proxy. */
  upstreams: Record<Upstream, string>;
  /** The bus events after a sequence, oldest first (the stack's store). */
  readEvents: (after: number, limit: number) => LoggedBusEvent[];
  /** What the page shows in its header: region, bus and the like. */
  stack: Readonly<Record<string, unknown>>;
}

const sendJson = (
  response: ServerResponse,
  status: number,
  value: unknown,
): void => {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  response.end(body);
};

/** A Host header naming this server on the loopback (not a rebound name). */
const isLoopbackHost = (host: string | undefined, port: number): boolean =>
  host === `127.0.0.1:${port}` || host === `localhost:${port}`;

/**
 * The local console on 127.0.0.1: the page and its modules, the layout
 * library's bundle, `GET /events` (the stack's bus events after a
 * cursor), `GET /stack` and a same-origin proxy that forwards the page's
 * read requests to the stack's own endpoints unchanged.
 */
export const startConsole = async (options: ConsoleOptions) => {
  const files = staticFiles();
  let port = 0;
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (!isLoopbackHost(request.headers.host, port)) {
      sendJson(response, 403, {
        message: `The console answers requests for 127.0.0.1:${port} or localhost:${port} only`,
      });
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const method = request.method ?? 'GET';
    let route: ReturnType<typeof proxyRouteOf>;
    try {
      const target = request.headers['x-amz-target'];
      route = proxyRouteOf(
        method,
        url.pathname,
        typeof target === 'string' ? target : undefined,
      );
    } catch (error) {
      if (!(error instanceof NotReadOnlyError)) throw error;
      sendJson(response, 403, { message: error.message });
      return;
    }
    if (route !== undefined) {
      forwardRequest(
        request,
        response,
        options.upstreams[route.upstream],
        route.path,
        route.upstream === 'api' ? url.search : '',
      );
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendJson(response, 405, { message: `${method} is not served here` });
      return;
    }
    if (url.pathname === '/events') {
      try {
        const query = parseEventsQuery(url.searchParams);
        const events = options.readEvents(query.after, query.limit);
        sendJson(response, 200, {
          events,
          cursor: events.at(-1)?.sequence ?? query.after,
        });
      } catch (error) {
        if (!(error instanceof EventsQueryError)) throw error;
        sendJson(response, 400, { message: error.message });
      }
      return;
    }
    if (url.pathname === '/stack') {
      sendJson(response, 200, options.stack);
      return;
    }
    const file = files.get(url.pathname);
    if (file === undefined) {
      sendJson(response, 404, { message: `Nothing at ${url.pathname}` });
      return;
    }
    response.writeHead(200, {
      'content-type': file.contentType,
      'cache-control': 'no-cache',
    });
    if (method === 'HEAD') response.end();
    else createReadStream(file.file).pipe(response);
  };
  const server = createServer(
    { keepAliveTimeout: 5_000 },
    (request, response) => {
      try {
        handle(request, response);
      } catch (error) {
        sendJson(response, 500, {
          message: `Console bug: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
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

export type RunningConsole = Awaited<ReturnType<typeof startConsole>>;
