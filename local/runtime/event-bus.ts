import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** EventBridge's `time`: ISO 8601 to the second. */
export const envelopeTime = (date: Date): string =>
  date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An event as EventBridge delivers it to targets. */
export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

export interface PutEventsEntry {
  EventBusName?: string;
  Source: string;
  DetailType: string;
  Detail: unknown;
  Resources?: string[];
}

/** Raised like the Step Functions integration does for FailedEntryCount > 0. */
export class EventBridgeFailedEntryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventBridge.FailedEntry';
  }
}

/** Where a bus's events outlive the process (the local stack's database). */
export interface BusEventStore {
  load(): BusEvent[];
  append(event: BusEvent): void;
}

export interface LocalEventBusOptions {
  name?: string;
  region?: string;
  account?: string;
  /** Append every event as one JSON line to this file. */
  logFile?: string;
  /** Keep every event here too, and start from the events it holds. */
  store?: BusEventStore;
}

type Listener = (event: BusEvent) => void;

/**
 * The local stand-in for an EventBridge bus: receives PutEvents entries,
 * stamps them like EventBridge, keeps them, tells listeners, and appends
 * them to a JSON-lines file and to a store that outlives the process. `failNextPuts(n)` makes the next n PutEvents
 * calls report FailedEntryCount > 0, as a throttled or broken bus would.
 */
export class LocalEventBus {
  readonly name: string;
  readonly events: BusEvent[] = [];
  readonly #region: string;
  readonly #account: string;
  readonly #logFile: string | undefined;
  readonly #store: BusEventStore | undefined;
  readonly #listeners = new Set<Listener>();
  #failuresToInject = 0;
  #failedPuts = 0;

  constructor(options: LocalEventBusOptions = {}) {
    this.name = options.name ?? 'personalize-dataset-groups';
    this.#region = options.region ?? 'us-east-1';
    this.#account = options.account ?? '000000000000';
    this.#logFile = options.logFile;
    if (this.#logFile !== undefined) {
      mkdirSync(dirname(this.#logFile), { recursive: true });
    }
    this.#store = options.store;
    this.events.push(...(this.#store?.load() ?? []));
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  failNextPuts(count: number): void {
    this.#failuresToInject = count;
  }

  get failedPuts(): number {
    return this.#failedPuts;
  }

  /** PutEvents: returns the response EventBridge would give. */
  putEvents(entries: readonly PutEventsEntry[]): {
    Entries: Array<{ EventId?: string; ErrorCode?: string }>;
    FailedEntryCount: number;
  } {
    if (this.#failuresToInject > 0) {
      this.#failuresToInject -= 1;
      this.#failedPuts += 1;
      return {
        Entries: entries.map(() => ({ ErrorCode: 'InternalFailure' })),
        FailedEntryCount: entries.length,
      };
    }
    const published = entries.map((entry) => this.#publish(entry));
    return {
      Entries: published.map((event) => ({ EventId: event.id })),
      FailedEntryCount: 0,
    };
  }

  /**
   * Publishes an event already in EventBridge's envelope (e.g. built by
   * the local EventBridge endpoint from a PutEvents entry): keeps it,
   * logs it and tells the listeners, like a PutEvents entry.
   */
  publishEvent(event: BusEvent): BusEvent {
    this.#store?.append(event);
    this.events.push(event);
    if (this.#logFile !== undefined) {
      appendFileSync(this.#logFile, `${JSON.stringify(event)}\n`);
    }
    for (const listener of this.#listeners) listener(event);
    return event;
  }

  #publish(entry: PutEventsEntry): BusEvent {
    return this.publishEvent({
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType,
      source: entry.Source,
      account: this.#account,
      time: envelopeTime(new Date()),
      region: this.#region,
      resources: entry.Resources ?? [],
      detail:
        typeof entry.Detail === 'string'
          ? JSON.parse(entry.Detail)
          : structuredClone(entry.Detail),
    });
  }
}
