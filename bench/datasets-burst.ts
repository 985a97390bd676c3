/**
 * Datasets burst: 20 groups, each declaring 3 datasets, requested at
 * once, with every Personalize operation the two workflows call rate
 * limited (Create* 5 calls/s, Describe* and List* 10 calls/s; over the
 * rate the emulator answers LimitExceededException, "The limit on the
 * number of requests per second has been exceeded."), in real time: real
 * Wait states, real Retry backoff with jitter, real in-Lambda sleeps.
 * Each group becomes ACTIVE 20 s after it is created, each dataset 10 s.
 * The local stack's rule on `Dataset Group Created` starts each
 * create-datasets run, as `npm start` does. Prints one JSON report; run
 * alone, or by `npm run bench`.
 *
 *   node bench/datasets-burst.ts [--groups 20]
 */
import { parseArgs } from 'node:util';
import { datasetsTriggerOf } from '#commons/dataset-creation/created-event-trigger.ts';
import { operationNames } from '#local/personalize/operation-names.ts';
import { startLocalStack } from '#local/runtime/local-stack.ts';
import {
  type ExecutionOutcome,
  eventsOfExecution,
  type StartedExecution,
} from '#local/runtime/workflow-runner.ts';
import { benchRequest } from './datasets/run-tenant.ts';

const { values } = parseArgs({
  options: { groups: { type: 'string', default: '20' } },
});
const groups = Number(values.groups);
if (!Number.isInteger(groups) || groups < 1) {
  throw new RangeError('--groups must be a whole number ≥ 1');
}
const createTps = 5;
const readTps = 10;
const groupSeconds = 20;
const datasetSeconds = 10;

const rateLimits = Object.fromEntries(
  operationNames.map((operation) => {
    const tps = operation.startsWith('Create') ? createTps : readTps;
    return [operation, { tps, burst: tps }];
  }),
);
const stack = await startLocalStack({
  waitMs: null,
  retryMs: null,
  emulator: {
    quota: groups,
    lifecycle: {
      pendingMs: 1_000,
      inProgressMs: (groupSeconds - 1) * 1000,
      datasetPendingMs: 1_000,
      datasetInProgressMs: (datasetSeconds - 1) * 1000,
    },
    faults: { rateLimits },
  },
});

interface RunResult {
  group: string;
  outcome: ExecutionOutcome;
  terminal: string[];
  retries: number;
}

let ended = 0;

/** Follows a run to its end: its outcome, retries and terminal events. */
const follow = async (
  group: string,
  execution: StartedExecution,
  isTerminal: (detailType: string) => boolean,
): Promise<RunResult> => {
  let retries = 0;
  for await (const log of execution.eventLogs) {
    if (log.type === 'StateRetried') retries += 1;
  }
  const outcome = await execution.outcome;
  ended += 1;
  return {
    group,
    outcome,
    retries,
    terminal: eventsOfExecution(stack.bus, execution.executionArn)
      .map((published) => published['detail-type'])
      .filter(isTerminal),
  };
};

const datasetsRuns: Array<Promise<RunResult>> = [];
const unsubscribe = stack.bus.subscribe((event) => {
  if (event['detail-type'] !== 'Dataset Group Created') return;
  const trigger = datasetsTriggerOf(event);
  if (trigger === undefined) return;
  const execution = stack.createDatasetsWorkflow.start(
    trigger.input,
    trigger.executionName,
  );
  datasetsRuns.push(
    follow(trigger.input.name, execution, (type) =>
      type.startsWith('Dataset Group Datasets'),
    ),
  );
});

const startedAt = performance.now();
const progress = setInterval(() => {
  process.stderr.write(
    `  ${((performance.now() - startedAt) / 1000).toFixed(0)} s: ${ended}/${groups * 2} runs ended\n`,
  );
}, 10_000);
try {
  const template = benchRequest(false);
  const groupRuns = await Promise.all(
    Array.from({ length: groups }, async (_, index): Promise<RunResult> => {
      const name = `burst-tenant-${String(index).padStart(2, '0')}`;
      const execution = stack.createWorkflow.start(
        { ...template, name },
        `datasets-burst-${name}`,
      );
      return follow(
        name,
        execution,
        (type) => type !== 'Dataset Group Creation Started',
      );
    }),
  );
  // Every Created event has started its datasets run by now.
  const datasetRuns = await Promise.all(datasetsRuns);
  const makespanSeconds = (performance.now() - startedAt) / 1000;
  const runs = [...groupRuns, ...datasetRuns];
  const { calls, faults } = stack.emulator.stats();
  const datasets = stack.emulator.datasets();
  const report = {
    groups,
    datasetsPerGroup: template.datasets.length,
    createTps,
    readTps,
    groupSeconds,
    datasetSeconds,
    makespanSeconds: Math.round(makespanSeconds * 10) / 10,
    // No run can do better: the first group is ACTIVE after its T, its
    // datasets' CreateDataset calls share 5/s with everyone's, and the
    // last dataset created then takes its T.
    lowerBoundSeconds:
      groupSeconds +
      (groups * template.datasets.length) / createTps +
      datasetSeconds,
    groupRuns: groupRuns.length,
    datasetsRuns: datasetRuns.length,
    failedRuns: runs.filter((run) => run.outcome.status !== 'SUCCEEDED').length,
    failureCodes: [...new Set(runs.flatMap((run) => run.outcome.error ?? []))],
    runsWithoutExactlyOneTerminalEvent: runs.filter(
      (run) => run.terminal.length !== 1,
    ).length,
    datasetsActive: datasets.filter((dataset) => dataset.status === 'ACTIVE')
      .length,
    rateLimitErrors: stack.emulator.faults.errorCounts(),
    throttledCalls: faults.rateLimit,
    stateRetries: runs.reduce((sum, run) => sum + run.retries, 0),
    calls: Object.fromEntries(
      Object.entries(calls).filter(([, count]) => count > 0),
    ),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  unsubscribe();
  clearInterval(progress);
  await stack.close();
}
