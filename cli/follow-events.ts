import { open } from 'node:fs/promises';

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
 * Reads the local stack's JSON-lines event log and hands every event (of
 * one group, if asked) to `onEvent`; with `follow`, keeps reading what is
 * appended until `signal` aborts.
 */
export const readEventLog = async (
  path: string,
  options: {
    name?: string;
    follow: boolean;
    signal?: AbortSignal;
    pollMs?: number;
    onEvent: (event: LoggedEvent) => void;
  },
): Promise<number> => {
  let offset = 0;
  let pending = '';
  let count = 0;
  for (;;) {
    const file = await open(path, 'r').catch(() => undefined);
    if (file !== undefined) {
      try {
        const { size } = await file.stat();
        if (size > offset) {
          const buffer = Buffer.alloc(size - offset);
          await file.read(buffer, 0, buffer.length, offset);
          offset = size;
          pending += buffer.toString('utf8');
          const lines = pending.split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) {
            if (line.trim() === '') continue;
            const event = JSON.parse(line) as LoggedEvent;
            if (options.name !== undefined && nameOf(event) !== options.name) {
              continue;
            }
            count += 1;
            options.onEvent(event);
          }
        }
      } finally {
        await file.close();
      }
    }
    if (!options.follow || options.signal?.aborted) return count;
    await sleep(options.pollMs ?? 250, options.signal);
    if (options.signal?.aborted) return count;
  }
};
