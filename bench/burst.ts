/**
 * Burst: 100 simultaneous creations with CreateDatasetGroup limited to
 * 5 calls/s and DescribeDatasetGroup to 10 calls/s (the emulator's
 * default answer over the rate: LimitExceededException, "The limit on the
 * number of requests per second has been exceeded."), a quota of 100 and
 * a creation time of 60 s, in real time (real Wait states, real Retry
 * backoff with jitter, real in-Lambda sleeps). Ideal makespan: 100 / 5 +
 * 60 = 80 s. Then a few creations beyond the quota, each of which must
 * fail with PersonalizeLimitExceededError within the bound of
 * local/reliability/quota-breach-bound.ts. Prints one JSON report; run
 * alone, or by `npm run bench`.
 *
 *   node bench/burst.ts [--executions 100] [--beyond-quota 3]
 */
import { parseArgs } from 'node:util';
import { quotaBreachBound } from '#local/reliability/quota-breach-bound.ts';
import { startLocalStack } from '#local/runtime/local-stack.ts';
import {
  createDatasetGroupDefinitionPath,
  loadStateMachineDefinition,
} from '#local/runtime/state-machine-definition.ts';
import { eventsOfExecution } from '#local/runtime/workflow-runner.ts';

const { values } = parseArgs({
  options: {
    executions: { type: 'string', default: '100' },
    'beyond-quota': { type: 'string', default: '3' },
  },
});
const executions = Number(values.executions);
const beyondQuota = Number(values['beyond-quota']);
const createTps = 5;
const describeTps = 10;
const creationSeconds = 60;
/** What a call, its Lambda invocation and its transitions may take locally,
 * on top of the bound's retry waits. */
const localSecondsPerCall = 0.25;

const stack = await startLocalStack({
  waitMs: null,
  retryMs: null,
  emulator: {
    quota: executions,
    lifecycle: { pendingMs: 1_000, inProgressMs: (creationSeconds - 1) * 1000 },
    faults: {
      rateLimits: {
        CreateDatasetGroup: { tps: createTps, burst: createTps },
        DescribeDatasetGroup: { tps: describeTps, burst: describeTps },
      },
    },
  },
});

/**
 * Creations beyond the quota, started together once the burst is over
 * (the rate limits still on): each must fail with
 * PersonalizeLimitExceededError within the bound.
 */
const measureQuotaBreach = async () => {
  const definition = loadStateMachineDefinition(
    createDatasetGroupDefinitionPath,
    {
      CreateDatasetGroupFunctionArn: 'create',
      DescribeDatasetGroupFunctionArn: 'describe',
      EventBusName: 'bus',
      EventSource: 'source',
    },
  );
  const bound = quotaBreachBound(definition, 'recognised');
  const boundSeconds = bound.waitSeconds + bound.calls * localSecondsPerCall;
  stack.emulator.resetStats();
  const runs = await Promise.all(
    Array.from({ length: beyondQuota }, async (_, index) => {
      const began = performance.now();
      const execution = stack.createWorkflow.start({
        name: `beyond-quota-${index}`,
      });
      for await (const _event of execution.eventLogs);
      const outcome = await execution.outcome;
      return {
        error: outcome.error,
        seconds: (performance.now() - began) / 1000,
      };
    }),
  );
  const times = runs.map((run) => Math.round(run.seconds * 100) / 100);
  return {
    creations: beyondQuota,
    failedWithPersonalizeLimitExceededError: runs.filter(
      (run) => run.error === 'PersonalizeLimitExceededError',
    ).length,
    errors: [...new Set(runs.map((run) => run.error ?? 'none'))],
    timeToFailSeconds: times,
    maxTimeToFailSeconds: Math.max(...times),
    boundSeconds,
    bound: `${bound.waitSeconds} s of retry waits (SDK: 3 attempts) + ${bound.calls} calls × ${localSecondsPerCall} s locally`,
    withinBound: runs.every((run) => run.seconds <= boundSeconds),
    rateLimitErrors: stack.emulator.faults.errorCounts(),
  };
};

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
  const rateLimitErrors = stack.emulator.faults.errorCounts();
  const datasetGroups = stack.emulator.datasetGroups().length;
  const quotaBreach = await measureQuotaBreach();
  const report = {
    executions,
    createTps,
    describeTps,
    creationSeconds,
    rateLimitErrors,
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
    datasetGroups,
    quotaBreach,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  clearInterval(progress);
  await stack.close();
}
