import {
  type ApiClient,
  ApiError,
  type DatasetGroupView,
  type ExecutionView,
} from './api-client.ts';

export interface WatchOptions {
  pollIntervalMs: number;
  /** Give up (and say so) after this long; the workflow keeps running. */
  timeoutMs: number;
  /** Called when the execution or the group's status changes. */
  onChange?: (change: {
    elapsedMs: number;
    execution: ExecutionView;
    datasetGroupStatus: string;
  }) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface WatchResult {
  execution: ExecutionView;
  datasetGroup?: DatasetGroupView;
  timedOut: boolean;
}

const defaultSleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

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
 * Polls a started workflow until it ends (or the timeout), reporting each
 * change of the execution status or of the dataset group's status.
 */
export const watchExecution = async (
  api: ApiClient,
  executionName: string,
  datasetGroupName: string,
  options: WatchOptions,
): Promise<WatchResult> => {
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const startedAt = now();
  let last = '';
  for (;;) {
    const execution = await api.getExecution(executionName);
    const { status, group } = await groupStatusOf(api, datasetGroupName);
    const fingerprint = `${execution.status}|${status}`;
    if (fingerprint !== last) {
      last = fingerprint;
      options.onChange?.({
        elapsedMs: now() - startedAt,
        execution,
        datasetGroupStatus: status,
      });
    }
    if (execution.status !== 'RUNNING') {
      return {
        execution,
        ...(group === undefined ? {} : { datasetGroup: group }),
        timedOut: false,
      };
    }
    if (now() - startedAt >= options.timeoutMs) {
      return {
        execution,
        ...(group === undefined ? {} : { datasetGroup: group }),
        timedOut: true,
      };
    }
    await sleep(options.pollIntervalMs);
  }
};
