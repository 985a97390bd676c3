import { startLocalStack } from '../runtime/local-stack.ts';
import { eventsOfExecution } from '../runtime/workflow-runner.ts';

export interface LoadOptions {
  executions: number;
  /** Calls per second each Personalize operation allows (the throttle). */
  tps: number;
  onProgress?: (ended: number) => void;
}

export interface LoadReport {
  executions: number;
  tps: number;
  succeeded: number;
  /** Executions that published no terminal event. */
  lost: number;
  /** Executions that published more than one terminal event. */
  duplicated: number;
  datasetGroups: number;
  throttled: number;
  stateRetries: number;
  wallSeconds: number;
  peakRssMiB: number;
  peakHeapMiB: number;
}

const terminal = new Set([
  'Dataset Group Created',
  'Dataset Group Creation Failed',
]);

/**
 * Starts `executions` creations at once on one local stack whose emulator
 * rate-limits every operation, waits for all of them, and measures.
 */
export const runLoad = async (options: LoadOptions): Promise<LoadReport> => {
  const operations = [
    'CreateDatasetGroup',
    'DescribeDatasetGroup',
    'ListDatasetGroups',
    'ListTagsForResource',
  ] as const;
  const stack = await startLocalStack({
    waitMs: 250,
    // The real Retry policy (exponential backoff, full jitter, in seconds):
    // what is under test is whether it absorbs sustained throttling.
    retryMs: null,
    emulator: {
      quota: Number.POSITIVE_INFINITY,
      lifecycle: { pendingMs: 200, inProgressMs: 600 },
      faults: {
        rateLimits: Object.fromEntries(
          operations.map((operation) => [
            operation,
            { tps: options.tps, burst: options.tps },
          ]),
        ),
      },
    },
  });
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const sampler = setInterval(sample, 50);
  const startedAt = performance.now();
  let ended = 0;
  let stateRetries = 0;
  try {
    const outcomes = await Promise.all(
      Array.from({ length: options.executions }, async (_, index) => {
        const execution = stack.createWorkflow.start({
          name: `load-${String(index).padStart(4, '0')}`,
        });
        for await (const event of execution.eventLogs) {
          if (event.type === 'StateRetried') stateRetries += 1;
        }
        const outcome = await execution.outcome;
        ended += 1;
        options.onProgress?.(ended);
        const terminalEvents = eventsOfExecution(
          stack.bus,
          execution.executionArn,
        ).filter((event) => terminal.has(event['detail-type']));
        return { status: outcome.status, terminal: terminalEvents.length };
      }),
    );
    sample();
    const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    return {
      executions: options.executions,
      tps: options.tps,
      succeeded: outcomes.filter((outcome) => outcome.status === 'SUCCEEDED')
        .length,
      lost: outcomes.filter((outcome) => outcome.terminal === 0).length,
      duplicated: outcomes.filter((outcome) => outcome.terminal > 1).length,
      datasetGroups: stack.emulator.datasetGroups().length,
      throttled: stack.emulator.stats().faults.rateLimit,
      stateRetries,
      wallSeconds: Math.round((performance.now() - startedAt) / 100) / 10,
      peakRssMiB: mib(peakRss),
      peakHeapMiB: mib(peakHeap),
    };
  } finally {
    clearInterval(sampler);
    await stack.close();
  }
};
