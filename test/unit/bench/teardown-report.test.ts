import { describe, expect, it } from 'vitest';
import type { TeardownRun } from '../../../bench/teardown/run-teardown.ts';
import { teardownGoal } from '../../../bench/teardown-report.ts';

const run = (fields: Partial<TeardownRun>): TeardownRun => ({
  deleteSeconds: 10,
  status: 'SUCCEEDED',
  deleted: 9,
  teardownSeconds: 50,
  lastChildToEventSeconds: 12,
  workflowLagSeconds: 1.5,
  allowedLagSeconds: 5,
  transitions: 12,
  invocations: 4,
  gbSeconds: 5,
  events: 2,
  describeAndListCalls: 100,
  costUsd: 0.0004,
  ...fields,
});

describe('the teardown goal', () => {
  it('is met when every teardown lags within its allowance', () => {
    expect(teardownGoal([run({}), run({ deleteSeconds: 60 })]).met).toBe(true);
  });

  it('is not met when one lags beyond it, fails, or none ran', () => {
    expect(teardownGoal([run({ workflowLagSeconds: 5.5 })]).met).toBe(false);
    expect(
      teardownGoal([
        run({ status: 'FAILED', failure: 'DatasetGroupInUseError' }),
      ]).detail,
    ).toContain('FAILED (DatasetGroupInUseError)');
    expect(teardownGoal([]).met).toBe(false);
  });
});
