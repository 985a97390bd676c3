import { readBusEvents } from '#local/persistence/bus-event-rows.ts';
import { StackDatabase } from '#local/persistence/stack-database.ts';

export interface LoggedEvent {
  'detail-type': string;
  time: string;
  detail: {
    datasetGroup?: { name?: string; status?: string };
    request?: { name?: unknown };
    error?: { code?: string; message?: string };
  };
}

const nameOf = (event: LoggedEvent): string | undefined => {
  const fromGroup = event.detail.datasetGroup?.name;
  const fromRequest = event.detail.request?.name;
  return (
    fromGroup ?? (typeof fromRequest === 'string' ? fromRequest : undefined)
  );
};

/** One line per event: time, detail-type, group, and the error if any. */
export const describeEvent = (event: LoggedEvent): string => {
  const error = event.detail.error;
  return `${event.time}  ${event['detail-type'].padEnd(32)} ${nameOf(event) ?? '-'}${
    error === undefined ? '' : `  ${error.code}: ${error.message}`
  }`;
};

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Reads the events of one bus of the local stack from its database (opened
 * read-only, beside the stack that writes it) and hands every event (of
 * one group, if asked) to `onEvent`, oldest first; with `follow`, keeps
 * reading what is published until `signal` aborts.
 */
export const readStackEvents = async (
  databaseFile: string,
  options: {
    busName: string;
    name?: string;
    follow: boolean;
    signal?: AbortSignal;
    pollMs?: number;
    onEvent: (event: LoggedEvent) => void;
  },
): Promise<number> => {
  const database = new StackDatabase(databaseFile, { readOnly: true });
  let after = 0;
  let count = 0;
  try {
    for (;;) {
      for (const logged of readBusEvents(database, after)) {
        after = logged.sequence;
        if (logged.busName !== options.busName) continue;
        const event = logged.event as unknown as LoggedEvent;
        if (options.name !== undefined && nameOf(event) !== options.name) {
          continue;
        }
        count += 1;
        options.onEvent(event);
      }
      if (!options.follow || options.signal?.aborted) return count;
      await sleep(options.pollMs ?? 250, options.signal);
      if (options.signal?.aborted) return count;
    }
  } finally {
    database.close();
  }
};
