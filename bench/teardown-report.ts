import type { GoalResult } from './datasets-report.ts';
import type { TeardownRun } from './teardown/run-teardown.ts';

const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : '—';

/** One row per deletion time D. */
export const teardownTable = (runs: readonly TeardownRun[]): string =>
  [
    `${'D s'.padStart(5)}${'deleted'.padStart(9)}${'teardown s'.padStart(12)}${'last child → event s'.padStart(22)}${'lag s / allowed'.padStart(17)}${'transitions'.padStart(13)}${'invocations'.padStart(13)}${'GB-s'.padStart(8)}${'Describe+List'.padStart(15)}${'USD'.padStart(11)}  outcome`,
    ...runs.map(
      (run) =>
        `${String(run.deleteSeconds).padStart(5)}${String(run.deleted).padStart(9)}${fixed(run.teardownSeconds, 1).padStart(12)}${fixed(run.lastChildToEventSeconds, 1).padStart(22)}${`${fixed(run.workflowLagSeconds, 1)} / ${fixed(run.allowedLagSeconds, 1)}`.padStart(17)}${String(run.transitions).padStart(13)}${String(run.invocations).padStart(13)}${run.gbSeconds.toFixed(2).padStart(8)}${String(run.describeAndListCalls).padStart(15)}${run.costUsd.toFixed(6).padStart(11)}  ${run.status === 'SUCCEEDED' ? 'Deleted' : `FAILED (${run.failure ?? 'unknown'})`}`,
    ),
  ].join('\n');

/** The teardown goal of issue 13, judged on the measured runs. */
export const teardownGoal = (runs: readonly TeardownRun[]): GoalResult => {
  const late = runs.filter(
    (run) =>
      run.status !== 'SUCCEEDED' ||
      !(run.workflowLagSeconds <= run.allowedLagSeconds + 1e-6),
  );
  return {
    goal: 'Teardown: from the last child gone to Dataset Group Deleted, the workflow lags at most max(2 s, 10% of the teardown), the group’s own deletion aside',
    met: runs.length > 0 && late.length === 0,
    detail: runs
      .map(
        (run) =>
          `D=${run.deleteSeconds} s: ${run.status === 'SUCCEEDED' ? `${fixed(run.workflowLagSeconds, 1)} s ≤ ${fixed(run.allowedLagSeconds, 1)} s? ${run.workflowLagSeconds <= run.allowedLagSeconds + 1e-6 ? 'yes' : 'no'}; ${run.transitions} transitions, $${run.costUsd.toFixed(6)} per teardown` : `FAILED (${run.failure ?? 'unknown'})`}`,
      )
      .join('; '),
  };
};
