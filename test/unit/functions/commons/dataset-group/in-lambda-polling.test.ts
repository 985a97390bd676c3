import { describe, expect, it } from 'vitest';
import {
  defaultInLambdaPolling,
  shouldPollInProcess,
} from '#commons/dataset-group/in-lambda-polling.ts';

describe('shouldPollInProcess', () => {
  it.each([
    ['a short wait with time to spare', 'IN_PROGRESS', 2, 60_000, true],
    ['the longest in-process wait', 'IN_PROGRESS', 20, 60_000, true],
    ['a wait longer than 20 s', 'IN_PROGRESS', 21, 900_000, false],
    [
      'a wait that would end inside the safety margin',
      'IN_PROGRESS',
      5,
      15_000,
      false,
    ],
    ['a wait that ends just before the margin', 'IN_PROGRESS', 5, 15_001, true],
    ['a settled group', 'ACTIVE', 0, 60_000, false],
    ['a failed group', 'FAILED', 0, 60_000, false],
  ])('%s → %s', (_, outcome, waitSeconds, remainingMs, expected) => {
    // Act
    const decision = shouldPollInProcess(
      { outcome, waitSeconds },
      defaultInLambdaPolling,
      remainingMs,
    );

    // Assess
    expect(decision).toBe(expected);
  });

  it('never polls in-process when turned off', () => {
    // Act
    const decision = shouldPollInProcess(
      { outcome: 'IN_PROGRESS', waitSeconds: 2 },
      { maxWaitSeconds: 0, safetyMarginSeconds: 10 },
      900_000,
    );

    // Assess
    expect(decision).toBe(false);
  });
});
