import type { DatasetsBenchRun } from './run-datasets.ts';

export const ourTenantPolicyId = 'this-project';

export interface GoalResult {
  goal: string;
  met: boolean;
  detail: string;
}

/** What Ready may lag the critical path by: max(2 s, 10%). */
export const readyAllowanceSeconds = (criticalPathSeconds: number): number =>
  Math.max(2, 0.1 * criticalPathSeconds);

/** Datasets are created in parallel when their creates come this close. */
export const parallelSpreadSeconds = 1;

const fixed = (value: number | undefined, digits: number) =>
  value === undefined ? '—' : value.toFixed(digits);

const worst = <T>(items: T[], by: (item: T) => number): T | undefined =>
  items.reduce<T | undefined>(
    (chosen, item) =>
      chosen === undefined || by(item) > by(chosen) ? item : chosen,
    undefined,
  );

/** How far past its allowance a run's Ready came (Infinity: never). */
const excessOf = (run: DatasetsBenchRun): number =>
  run.overheadSeconds === undefined
    ? Number.POSITIVE_INFINITY
    : run.overheadSeconds - readyAllowanceSeconds(run.criticalPathSeconds);

const withImports = (run: DatasetsBenchRun) => run.importSeconds !== undefined;

/**
 * One table without imports and one with: a row per policy and T, with
 * the run at T and the worst of the runs near T.
 */
export const datasetsTables = (runs: DatasetsBenchRun[]): string => {
  const header = `${'T s'.padStart(5)}  ${'policy'.padEnd(13)}${'critical s'.padStart(11)}${'Ready s'.padStart(9)}${'over s'.padStart(8)}${'near T: worst over / allowed'.padStart(30)}${'spread s'.padStart(10)}${'transitions'.padStart(13)}${'invocations'.padStart(13)}${'GB-s'.padStart(9)}${'Describe'.padStart(10)}${'USD'.padStart(11)}  outcome`;
  return [false, true]
    .map((imports) => {
      const own = runs.filter((run) => withImports(run) === imports);
      const keys = [...new Set(own.map((run) => `${run.t}|${run.policy}`))];
      const rows = keys.map((key) => {
        const [t, policy] = key.split('|');
        const samples = own.filter(
          (run) => String(run.t) === t && run.policy === policy,
        );
        const atT = samples[0] as DatasetsBenchRun;
        const late = worst(samples, excessOf) ?? atT;
        const failed = samples.filter((run) => run.status !== 'SUCCEEDED');
        return `${String(t).padStart(5)}  ${String(policy).padEnd(13)}${fixed(atT.criticalPathSeconds, 1).padStart(11)}${fixed(atT.readySeconds, 1).padStart(9)}${fixed(atT.overheadSeconds, 1).padStart(8)}${`${fixed(late.overheadSeconds, 1)} / ${readyAllowanceSeconds(late.criticalPathSeconds).toFixed(1)}`.padStart(30)}${fixed(atT.createSpreadSeconds, 1).padStart(10)}${String(atT.transitions).padStart(13)}${String(atT.invocations).padStart(13)}${atT.gbSeconds.toFixed(2).padStart(9)}${String(atT.describeCalls).padStart(10)}${atT.costUsd.toFixed(6).padStart(11)}  ${
          failed.length === 0
            ? 'Ready'
            : `FAILED in ${failed.length} of ${samples.length} (${[...new Set(failed.map((run) => run.failure))].join(', ')})`
        }`;
      });
      return [
        imports
          ? 'With imports: group T, each dataset T, then each import T'
          : 'No imports: group T, then each of 3 datasets T',
        header,
        ...rows,
      ].join('\n');
    })
    .join('\n\n');
};

/** The datasets goals of issue 12 that the virtual-time runs measure. */
export const datasetsGoals = (runs: DatasetsBenchRun[]): GoalResult[] => {
  const ours = runs.filter((run) => run.policy === ourTenantPolicyId);
  // Judged at each T, as the polling goals are (polling-report.ts); the
  // runs near T are reported beside them.
  const atT = ours.filter((run) => run.groupSeconds === run.t);
  const late = atT.filter((run) => excessOf(run) > 1e-6);
  const lateNearT = ours.filter(
    (run) => run.groupSeconds !== run.t && excessOf(run) > 1e-6,
  );
  const serial = ours.filter(
    (run) => run.createSpreadSeconds > parallelSpreadSeconds,
  );
  const cheapRange = ours.filter((run) => !withImports(run) && run.t <= 120);
  const dearest = worst(cheapRange, (run) => run.costUsd);
  const describe = (run: DatasetsBenchRun) =>
    `${withImports(run) ? 'with imports' : 'no imports'}, ${run.groupSeconds.toFixed(1)} s each: Ready ${fixed(run.overheadSeconds, 1)} s after the ${run.criticalPathSeconds.toFixed(1)} s critical path, allowed ${readyAllowanceSeconds(run.criticalPathSeconds).toFixed(1)} s`;
  const closest = worst(atT, excessOf);
  const why =
    'two or three stages are polled one after the other, each at gaps of at least 2 s while under 30 s old (the poll schedule’s floor, which the datasets share with the group), with 0.1 s of modelled run time per Lambda task on the way: their lags add up, and under a 20 s critical path the allowance is one stage’s floor';
  return [
    {
      goal: 'Datasets: Ready within max(2 s, 10%) of the critical path at every T, the datasets created in parallel',
      met: late.length === 0 && serial.length === 0 && atT.length > 0,
      detail: [
        late.length === 0
          ? `at every T within the allowance; the closest: ${closest === undefined ? '—' : describe(closest)}`
          : `${late.length} of ${atT.length} runs at T late: ${late.map(describe).join('; ')} (${why})`,
        lateNearT.length === 0
          ? 'near T too'
          : `near T, ${lateNearT.length} of ${ours.length - atT.length} runs late: ${lateNearT.map(describe).join('; ')} (${why})`,
        serial.length === 0
          ? `the three CreateDataset calls of every run within ${Math.max(...ours.map((run) => run.createSpreadSeconds)).toFixed(1)} s of each other`
          : `created one after the other in ${serial.length} runs`,
      ].join('; '),
    },
    {
      goal: 'Datasets: a group with three datasets and no imports costs ≤ $0.002 at T ≤ 120 s',
      met:
        dearest !== undefined &&
        cheapRange.every((run) => run.costUsd <= 0.002 + 1e-9),
      detail:
        dearest === undefined
          ? 'not measured'
          : `at most $${dearest.costUsd.toFixed(6)} (T=${dearest.t}, ${dearest.groupSeconds.toFixed(1)} s each: ${dearest.transitions} transitions, ${dearest.invocations} invocations, ${dearest.gbSeconds.toFixed(2)} GB-s, ${dearest.events} events, both workflows and the rule's target)`,
    },
  ];
};

export interface DatasetsBurstReport {
  groups: number;
  datasetsPerGroup: number;
  failedRuns: number;
  failureCodes: string[];
  runsWithoutExactlyOneTerminalEvent: number;
  datasetsActive: number;
  rateLimitErrors: Record<string, number>;
  makespanSeconds: number;
  lowerBoundSeconds: number;
}

export const datasetsBurstGoal = (report: DatasetsBurstReport): GoalResult => {
  const sent = Object.entries(report.rateLimitErrors)
    .map(([name, count]) => `${count} × ${name}`)
    .join(', ');
  const expected = report.groups * report.datasetsPerGroup;
  return {
    goal: `Datasets burst: ${report.groups} groups × ${report.datasetsPerGroup} datasets under LimitExceededException rate limits end with 0 failed runs`,
    met:
      report.failedRuns === 0 &&
      report.runsWithoutExactlyOneTerminalEvent === 0 &&
      report.datasetsActive === expected &&
      sent !== '',
    detail: `${report.failedRuns} failed${report.failureCodes.length > 0 ? ` (${report.failureCodes.join(', ')})` : ''}; ${report.runsWithoutExactlyOneTerminalEvent} runs without exactly one terminal event; ${report.datasetsActive} of ${expected} datasets ACTIVE; the rate limits sent ${sent || 'nothing'}; makespan ${report.makespanSeconds} s, lower bound ${report.lowerBoundSeconds} s`,
  };
};
