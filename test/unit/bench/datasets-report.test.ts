import { describe, expect, it } from 'vitest';
import {
  datasetsBurstGoal,
  datasetsGoals,
  readyAllowanceSeconds,
} from '../../../bench/datasets-report.ts';
import type { DatasetsBenchRun } from '../../../bench/run-datasets.ts';

const run = (
  fields: Partial<DatasetsBenchRun> & { t: number },
): DatasetsBenchRun => {
  const seconds = fields.groupSeconds ?? fields.t;
  const criticalPathSeconds = 2 * seconds;
  const overheadSeconds = fields.overheadSeconds ?? 0.5;
  return {
    policy: 'this-project',
    groupSeconds: seconds,
    datasetSeconds: seconds,
    status: 'SUCCEEDED',
    criticalPathSeconds,
    readySeconds: criticalPathSeconds + overheadSeconds,
    overheadSeconds,
    createSpreadSeconds: 0,
    transitions: 24,
    invocations: 10,
    gbSeconds: 5,
    events: 6,
    describeCalls: 20,
    costUsd: 0.0007,
    ...fields,
  };
};

const [readyGoal, costGoal] = [0, 1];

describe('the datasets goals', () => {
  it('allows Ready max(2 s, 10% of the critical path) late', () => {
    expect(readyAllowanceSeconds(12)).toBe(2);
    expect(readyAllowanceSeconds(300)).toBe(30);
  });

  it('is met when every run at T is within its allowance and the datasets start together', () => {
    const goals = datasetsGoals([
      run({ t: 10, overheadSeconds: 1.9 }),
      run({ t: 300, overheadSeconds: 59 }),
    ]);
    expect(goals[readyGoal]?.met).toBe(true);
    expect(goals[readyGoal]?.detail).toContain('near T too');
  });

  it('is not met when a run at T is late, and says which', () => {
    const goals = datasetsGoals([
      run({ t: 10, overheadSeconds: 2.1 }),
      run({ t: 300, overheadSeconds: 10 }),
    ]);
    expect(goals[readyGoal]?.met).toBe(false);
    expect(goals[readyGoal]?.detail).toContain(
      'Ready 2.1 s after the 20.0 s critical path, allowed 2.0 s',
    );
  });

  it('reports a late run near T beside the goal without failing it', () => {
    const goals = datasetsGoals([
      run({ t: 10 }),
      run({ t: 10, groupSeconds: 10.9, overheadSeconds: 2.8 }),
    ]);
    expect(goals[readyGoal]?.met).toBe(true);
    expect(goals[readyGoal]?.detail).toContain('near T, 1 of 1 runs late');
  });

  it('is not met when the datasets are created one after the other', () => {
    const goals = datasetsGoals([run({ t: 30, createSpreadSeconds: 25 })]);
    expect(goals[readyGoal]?.met).toBe(false);
  });

  it('is not met when a run never reports Ready', () => {
    const { overheadSeconds: _o, readySeconds: _r, ...failed } = run({ t: 60 });
    const goals = datasetsGoals([
      { ...failed, status: 'FAILED', failure: 'datasets: DatasetsFailed' },
    ]);
    expect(goals[readyGoal]?.met).toBe(false);
  });

  it('prices only the runs without imports up to T = 120 s', () => {
    const within = datasetsGoals([
      run({ t: 120, costUsd: 0.0019 }),
      run({ t: 300, costUsd: 0.004 }),
      run({ t: 60, importSeconds: 60, costUsd: 0.003 }),
    ]);
    expect(within[costGoal]?.met).toBe(true);
    const over = datasetsGoals([run({ t: 120, costUsd: 0.0021 })]);
    expect(over[costGoal]?.met).toBe(false);
    expect(over[costGoal]?.detail).toContain('$0.002100');
  });

  it('ignores the peers', () => {
    const goals = datasetsGoals([
      run({ t: 10 }),
      run({ t: 10, policy: 'mpem', overheadSeconds: 50, costUsd: 1 }),
    ]);
    expect(goals.every((goal) => goal.met)).toBe(true);
  });
});

describe('the datasets burst goal', () => {
  const report = {
    groups: 20,
    datasetsPerGroup: 3,
    failedRuns: 0,
    failureCodes: [],
    runsWithoutExactlyOneTerminalEvent: 0,
    datasetsActive: 60,
    rateLimitErrors: { LimitExceededException: 430 },
    makespanSeconds: 48.6,
    lowerBoundSeconds: 42,
  };

  it('is met with no failed run, every dataset ACTIVE, under real throttling', () => {
    expect(datasetsBurstGoal(report).met).toBe(true);
  });

  it('is not met with a failed run, a missing dataset, or no throttling at all', () => {
    expect(
      datasetsBurstGoal({
        ...report,
        failedRuns: 1,
        failureCodes: ['PersonalizeThrottledError'],
      }).met,
    ).toBe(false);
    expect(datasetsBurstGoal({ ...report, datasetsActive: 59 }).met).toBe(
      false,
    );
    expect(datasetsBurstGoal({ ...report, rateLimitErrors: {} }).met).toBe(
      false,
    );
  });
});
