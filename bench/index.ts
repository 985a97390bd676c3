/**
 * `npm run bench`: polling policies against the peers in virtual time,
 * cold start of the packaged functions, a burst of creations in real
 * time, a group with its datasets against MPEM in virtual time, and a
 * burst of groups with datasets in real time, and the cascade delete of a
 * fully populated group in virtual time. Prints tables and goals,
 * writes bench/results.json and bench/polling-chart.svg.
 *
 *   npm run bench [-- --only polling|cold-start|burst|datasets|datasets-burst|teardown] [--runs 20]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureColdStart } from './cold-start.ts';
import {
  type DatasetsBurstReport,
  datasetsBurstGoal,
  datasetsGoals,
  datasetsTables,
} from './datasets-report.ts';
import {
  type GoalResult,
  nearTDominance,
  pollingChart,
  pollingGoals,
  pollingTables,
} from './polling-report.ts';
import { nearTSamples, runDatasetsBench } from './run-datasets.ts';
import { runPollingBench } from './run-polling.ts';
import { runTeardownBench } from './teardown/run-teardown.ts';
import { teardownGoal, teardownTable } from './teardown-report.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '20' },
  },
});
const parts = [
  'polling',
  'cold-start',
  'burst',
  'datasets',
  'datasets-burst',
  'teardown',
];
if (values.only !== undefined && !parts.includes(values.only)) {
  throw new RangeError(`--only must be one of ${parts.join(', ')}`);
}
const wanted = (part: string) =>
  values.only === undefined || values.only === part;
const print = (text = '') => process.stdout.write(`${text}\n`);
const resultsPath = join(import.meta.dirname, 'results.json');
// A partial run (--only) updates its own sections and goals in place.
const previous = (
  values.only !== undefined && existsSync(resultsPath)
    ? JSON.parse(readFileSync(resultsPath, 'utf8'))
    : {}
) as Record<string, unknown> & { goals?: GoalResult[] };
const results: Record<string, unknown> = {
  ...previous,
  node: process.version,
  date: new Date().toISOString(),
};
const goals: GoalResult[] = [];

if (wanted('polling')) {
  print(
    '## Polling: detection latency and cost per execution (virtual time)\n',
  );
  const startedAt = performance.now();
  const { runs, policies } = await runPollingBench();
  print(pollingTables(runs));
  print(
    `\n(${runs.length * 2} executions simulated, one at T and one at 1.1 T + 1 s per row, in ${Math.round(performance.now() - startedAt)} ms of wall time)`,
  );
  for (const policy of policies) print(`  ${policy.id}: ${policy.description}`);
  const dominatedNearT = nearTDominance(runs);
  print(
    `\nOn the worst latency for creation times from T to 1.1 T: ${
      dominatedNearT.length === 0
        ? 'no peer has both lower latency and lower cost at any T'
        : dominatedNearT.join('; ')
    }`,
  );
  goals.push(...pollingGoals(runs));
  results.polling = { policies, runs, dominatedNearT };
  const chartPath = join(import.meta.dirname, 'polling-chart.svg');
  writeFileSync(chartPath, pollingChart(runs));
  print(`\nChart: ${chartPath}\n`);
}

if (wanted('cold-start')) {
  print(
    '## Cold start: bundle size and import time (median of fresh processes)\n',
  );
  const coldStart = await measureColdStart(Number(values.runs));
  if ('skipped' in coldStart) {
    print(`skipped: ${coldStart.skipped}`);
  } else {
    print(
      `${'function'.padEnd(34)}${'zip KiB'.padStart(9)}${'bundle KiB'.padStart(12)}${'import ms'.padStart(11)}${'naive KiB'.padStart(11)}${'naive ms'.padStart(10)}${'floor ms'.padStart(10)}${'ratio'.padStart(7)}`,
    );
    for (const row of coldStart) {
      print(
        `${row.function.padEnd(34)}${(row.zipBytes / 1024).toFixed(0).padStart(9)}${(row.bundleBytes / 1024).toFixed(0).padStart(12)}${row.importMs.toFixed(1).padStart(11)}${(row.naiveBundleBytes / 1024).toFixed(0).padStart(11)}${row.naiveImportMs.toFixed(1).padStart(10)}${row.floorMs.toFixed(1).padStart(10)}${row.overheadRatio.toFixed(2).padStart(7)}`,
      );
    }
    const over = coldStart.filter((row) => row.overheadRatio > 0.5);
    goals.push({
      goal: 'Cold start: import overhead over the floor ≤ half the naive bundle’s, for every function',
      met: over.length === 0,
      detail: coldStart
        .map((row) => `${row.function}: ${row.overheadRatio.toFixed(2)}`)
        .join('; '),
    });
  }
  results.coldStart = coldStart;
  print();
}

if (wanted('burst')) {
  print(
    '## Burst: 100 creations, Create at 5/s, Describe at 10/s (LimitExceededException over the rate), T = 60 s (real time); then 3 creations beyond the quota\n',
  );
  const burst = spawnSync(
    process.execPath,
    [join(import.meta.dirname, 'burst.ts')],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (burst.status !== 0) throw new Error('bench/burst.ts failed');
  const report = JSON.parse(burst.stdout) as {
    makespanSeconds: number;
    idealSeconds: number;
    ratioToIdeal: number;
    failedExecutions: number;
    rateLimitErrors: Record<string, number>;
    quotaBreach: {
      creations: number;
      failedWithPersonalizeLimitExceededError: number;
      maxTimeToFailSeconds: number;
      boundSeconds: number;
      bound: string;
      withinBound: boolean;
    };
  };
  print(JSON.stringify(report, null, 2));
  const sent = Object.entries(report.rateLimitErrors)
    .map(([name, count]) => `${count} × ${name}`)
    .join(', ');
  goals.push({
    goal: 'Burst: 0 failed executions and makespan ≤ 1.3 × ideal',
    met: report.failedExecutions === 0 && report.ratioToIdeal <= 1.3,
    detail: `${report.failedExecutions} failed; makespan ${report.makespanSeconds} s = ${report.ratioToIdeal} × the ideal ${report.idealSeconds} s; the rate limits sent ${sent || 'nothing'}`,
  });
  const { quotaBreach } = report;
  goals.push({
    goal: 'Burst: every creation beyond the quota fails with PersonalizeLimitExceededError within the stated bound',
    met:
      quotaBreach.failedWithPersonalizeLimitExceededError ===
        quotaBreach.creations && quotaBreach.withinBound,
    detail: `${quotaBreach.failedWithPersonalizeLimitExceededError} of ${quotaBreach.creations} failed with PersonalizeLimitExceededError; slowest after ${quotaBreach.maxTimeToFailSeconds} s, bound ${quotaBreach.boundSeconds} s (${quotaBreach.bound})`,
  });
  results.burst = report;
  print();
}

if (wanted('datasets')) {
  print(
    '## Datasets: a group with three datasets, from request to Ready, against MPEM (virtual time)\n',
  );
  const bench = await runDatasetsBench();
  print(datasetsTables(bench.runs));
  print(
    `\n(${bench.runs.length} runs in ${bench.wallMs} ms of wall time: each policy at each T and near it, at ${nearTSamples.map((sample) => `${sample.factor} T + ${sample.plusSeconds} s`).join(', ')}; the columns but "near T" are the run at T. Critical path: group T + dataset T (+ import T). Each Lambda task takes 0.1 s of virtual time, as it is billed; transitions and EventBridge's delivery take none. Spread: the first CreateDataset call to the last.)`,
  );
  for (const policy of bench.policies)
    print(`  ${policy.id}: ${policy.description}`);
  goals.push(...datasetsGoals(bench.runs));
  results.datasets = bench;
  print();
}

if (wanted('datasets-burst')) {
  print(
    '## Datasets burst: 20 groups × 3 datasets, Create* at 5/s, Describe* and List* at 10/s (LimitExceededException over the rate), group T = 20 s, dataset T = 10 s (real time)\n',
  );
  const burst = spawnSync(
    process.execPath,
    [join(import.meta.dirname, 'datasets-burst.ts')],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (burst.status !== 0) throw new Error('bench/datasets-burst.ts failed');
  const report = JSON.parse(burst.stdout) as DatasetsBurstReport;
  print(JSON.stringify(report, null, 2));
  goals.push(datasetsBurstGoal(report));
  results.datasetsBurst = report;
  print();
}

if (wanted('teardown')) {
  print(
    '## Teardown: the cascade delete of a fully populated group (virtual time)\n',
  );
  const bench = await runTeardownBench();
  print(teardownTable(bench.runs));
  print(
    `\n(${bench.runs.length} runs in ${bench.wallMs} ms of wall time. The group: a domain group with a dataset, a solution with an ACTIVE version and one training, a campaign, a recommender, an event tracker, a filter and a metric attribution; each deletion, the group's too, takes D. Lag: from the last child gone to DeleteDatasetGroup, plus from the group gone to Dataset Group Deleted; the group's own deletion time is the service's. Each Lambda task takes 0.1 s of virtual time.)`,
  );
  goals.push(teardownGoal(bench.runs));
  results.teardown = bench;
  print();
}

print('## Goals\n');
for (const goal of goals) {
  print(
    `${goal.met ? 'MET    ' : 'NOT MET'}  ${goal.goal}\n         ${goal.detail}`,
  );
}
const measured = new Set(goals.map((goal) => goal.goal));
results.goals = [
  ...(previous.goals ?? []).filter((goal) => !measured.has(goal.goal)),
  ...goals,
];
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
// Formatted like every other file of the repository (Biome's JSON style).
spawnSync('biome', ['format', '--write', resultsPath], { stdio: 'ignore' });
print(`\nResults: ${resultsPath}`);
