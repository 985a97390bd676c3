/**
 * Burst: 100 simultaneous creations with CreateDatasetGroup limited to
 * 5 calls/s and DescribeDatasetGroup to 10 calls/s, a quota of 100 and a
 * creation time of 60 s, in real time (real Wait states, real Retry
 * backoff with jitter, real in-Lambda sleeps). Ideal makespan: 100 / 5 +
 * 60 = 80 s. Prints one JSON report; run alone, or by `npm run bench`.
 *
 *   node bench/burst.ts [--executions 100]
 */
import { parseArgs } from 'node:util';
import { startLocalStack } from '#local/runtime/local-stack.ts';
import { eventsOfExecution } from '#local/runtime/workflow-runner.ts';

const { values } = parseArgs({
  options: { executions: { type: 'string', default: '100' } },
});
const executions = Number(values.executions);
const createTps = 5;
const describeTps = 10;
const creationSeconds = 60;

const stack = await startLocalStack({
  waitMs: null,
  retryMs: null,
  emulator: {
    quota: 100,
    lifecycle: { pendingMs: 1_000, inProgressMs: (creationSeconds - 1) * 1000 },
    faults: {
      rateLimits: {
        CreateDatasetGroup: { tps: createTps, burst: createTps },
        DescribeDatasetGroup: { tps: describeTps, burst: describeTps },
      },
    },
  },
});
const startedAt = performance.now();
let lastEndedAt = startedAt;
let ended = 0;
const progress = setInterval(() => {
  process.stderr.write(
    `  ${((performance.now() - startedAt) / 1000).toFixed(0)} s: ${ended}/${executions} ended\n`,
  );
}, 10_000);
try {
  const outcomes = await Promise.all(
    Array.from({ length: executions }, async (_, index) => {
      const execution = stack.createWorkflow.start({
        name: `burst-${String(index).padStart(3, '0')}`,
      });
      let retries = 0;
      for await (const event of execution.eventLogs) {
        if (event.type === 'StateRetried') retries += 1;
      }
      const outcome = await execution.outcome;
      ended += 1;
      lastEndedAt = performance.now();
      const terminal = eventsOfExecution(stack.bus, execution.executionArn)
        .map((event) => event['detail-type'])
        .filter((type) => type !== 'Dataset Group Creation Started');
      return {
        status: outcome.status,
        error: outcome.error,
        terminal,
        retries,
      };
    }),
  );
  const makespanSeconds = (lastEndedAt - startedAt) / 1000;
  const idealSeconds = executions / createTps + creationSeconds;
  const { calls, faults } = stack.emulator.stats();
  const report = {
    executions,
    createTps,
    describeTps,
    creationSeconds,
    makespanSeconds: Math.round(makespanSeconds * 10) / 10,
    idealSeconds,
    ratioToIdeal: Math.round((makespanSeconds / idealSeconds) * 100) / 100,
    failedExecutions: outcomes.filter(
      (outcome) => outcome.status !== 'SUCCEEDED',
    ).length,
    failureCodes: [
      ...new Set(outcomes.flatMap((outcome) => outcome.error ?? [])),
    ],
    lostOrDuplicatedTerminalEvents: outcomes.filter(
      (outcome) => outcome.terminal.length !== 1,
    ).length,
    throttledCalls: faults.rateLimit,
    stateRetries: outcomes.reduce((sum, outcome) => sum + outcome.retries, 0),
    createCalls: calls.CreateDatasetGroup ?? 0,
    describeCalls: calls.DescribeDatasetGroup ?? 0,
    datasetGroups: stack.emulator.datasetGroups().length,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  clearInterval(progress);
  await stack.close();
}
