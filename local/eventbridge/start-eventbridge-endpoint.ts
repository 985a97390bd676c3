import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalEventBus } from '../runtime/event-bus.ts';
import { putEvents } from './put-events.ts';
import { createRequestListener } from './request-listener.ts';
import {
  type DeadLetter,
  type DeliveryCounts,
  type LocalRule,
  type RetryPolicy,
  RuleDispatcher,
} from './rule-dispatcher.ts';

export interface EventBridgeEndpointOptions {
  /** The stack's bus: PutEvents entries naming it (or its ARN) land here. */
  bus: LocalEventBus;
  /** Rules on `bus` or on the default bus; every event published on those
   * buses is matched, PutEvents or not (e.g. the workflow's own events). */
  rules?: readonly LocalRule[];
  /** The bus named `default`; one is created when not given. */
  defaultBus?: LocalEventBus;
  /** Default 0 (an ephemeral port); always bound to 127.0.0.1. */
  port?: number;
  /** `region` of the envelopes; default us-east-1. */
  region?: string;
  /** `account` of the envelopes; default 000000000000. */
  accountId?: string;
  /** Retries of a failing target; default 2 retries, 50 ms apart. */
  retry?: Partial<RetryPolicy>;
}

export interface RunningEventBridgeEndpoint {
  /** `http://127.0.0.1:<port>`: the EventBridgeClient's `endpoint`. */
  endpoint: string;
  port: number;
  /** The buses by name: the stack's and `default`. */
  buses: ReadonlyMap<string, LocalEventBus>;
  /** Events whose target failed every try, oldest first. */
  readonly deadLetters: readonly DeadLetter[];
  /** Delivery counters, as of now. */
  readonly deliveries: DeliveryCounts;
  /** Accepted entries addressed to a bus that does not exist: like
   * EventBridge, PutEvents reports them as put, and they are lost. */
  readonly unroutedEntries: number;
  /** Resolves when no delivery is in flight (retries included). */
  idle(): Promise<void>;
  /** Stops listening, drops every connection, stops delivering. */
  close(): Promise<void>;
}

/**
 * Starts the local EventBridge (PutEvents) on 127.0.0.1: entries become
 * events on the local buses, and the rules of those buses deliver them
 * to their targets.
 */
export const startEventBridgeEndpoint = async (
  options: EventBridgeEndpointOptions,
): Promise<RunningEventBridgeEndpoint> => {
  const region = options.region ?? 'us-east-1';
  const account = options.accountId ?? '000000000000';
  const buses = new Map<string, LocalEventBus>([
    [options.bus.name, options.bus],
  ]);
  if (!buses.has('default')) {
    buses.set(
      'default',
      options.defaultBus ??
        new LocalEventBus({ name: 'default', region, account }),
    );
  }
  const dispatcher = new RuleDispatcher(options.rules ?? [], options.retry);
  const unsubscribes = [...buses.values()].map((bus) =>
    bus.subscribe((event) => dispatcher.dispatch(bus.name, event)),
  );
  let unroutedEntries = 0;
  const context = { region, account, now: () => new Date(), newId: randomUUID };

  const server = createServer(
    { keepAliveTimeout: 5_000 },
    createRequestListener({
      PutEvents: (body) =>
        putEvents(body, context, (eventBusName, event) => {
          const bus = buses.get(eventBusName);
          if (bus === undefined) unroutedEntries += 1;
          else bus.publishEvent(event);
        }),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    buses,
    deadLetters: dispatcher.deadLetters,
    get deliveries() {
      return dispatcher.deliveries;
    },
    get unroutedEntries() {
      return unroutedEntries;
    },
    idle: () => dispatcher.idle(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const unsubscribe of unsubscribes) unsubscribe();
        dispatcher.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
