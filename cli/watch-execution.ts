import {
  type ApiClient,
  ApiError,
  type DatasetGroupView,
  type ExecutionView,
} from './api-client.ts';
import { RequestAbortedError } from './cli-errors.ts';

export interface WatchOptions {
  pollIntervalMs: number;
  /** Give up (and say so) after this long; the workflow keeps running. */
  timeoutMs: number;
  /** Stop following when it aborts (Ctrl-C); the workflow keeps running. */
  signal?: AbortSignal;
  /** Called when the execution or the group's status changes. */
  onChange?: (change: {
    elapsedMs: number;
    execution: ExecutionView;
    datasetGroupStatus: string;
  }) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

export interface WatchResult {
  /** The last execution seen (none when interrupted before the first). */
  execution?: ExecutionView;
  datasetGroup?: DatasetGroupView;
  timedOut: boolean;
  interrupted: boolean;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export const abortableSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/** The group's status, or `(none)` when the API answers 404. */
const groupStatusOf = async (
  api: ApiClient,
  name: string,
): Promise<{ status: string; group?: DatasetGroupView }> => {
  try {
    const group = await api.getDatasetGroup(name);
    return { status: group.status ?? 'unknown', group };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return { status: '(none)' };
    }
    throw error;
  }
};

/**
 * Polls a started workflow until it ends, the timeout passes or `signal`
 * aborts, reporting each change of the execution status or of the
 * dataset group's status.
 */
export const watchExecution = async (
  api: ApiClient,
  executionName: string,
  datasetGroupName: string,
  options: WatchOptions,
): Promise<WatchResult> => {
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const startedAt = now();
  let last = '';
  let seen: Pick<WatchResult, 'execution' | 'datasetGroup'> = {};
  const end = (how: 'ended' | 'timedOut' | 'interrupted'): WatchResult => ({
    ...seen,
    timedOut: how === 'timedOut',
    interrupted: how === 'interrupted',
  });
  for (;;) {
    if (options.signal?.aborted) return end('interrupted');
    let execution: ExecutionView;
    let status: string;
    let group: DatasetGroupView | undefined;
    try {
      execution = await api.getExecution(executionName);
      ({ status, group } = await groupStatusOf(api, datasetGroupName));
    } catch (error) {
      if (error instanceof RequestAbortedError) return end('interrupted');
      throw error;
    }
    seen = {
      execution,
      ...(group === undefined ? {} : { datasetGroup: group }),
    };
    const fingerprint = `${execution.status}|${status}`;
    if (fingerprint !== last) {
      last = fingerprint;
      options.onChange?.({
        elapsedMs: now() - startedAt,
        execution,
        datasetGroupStatus: status,
      });
    }
    if (execution.status !== 'RUNNING') return end('ended');
    if (now() - startedAt >= options.timeoutMs) return end('timedOut');
    await sleep(options.pollIntervalMs, options.signal);
  }
};
