import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CreationProgress,
  decideCreationProgress,
  type PollPosition,
} from '#commons/dataset-group/creation-progress.ts';
import type { DatasetGroup } from '#commons/dataset-group/dataset-group.ts';
import {
  type PollRetry,
  retryDelaySeconds,
  secondsOfRetries,
} from '#commons/dataset-group/poll-retry.ts';
import { defaultPollSchedule } from '#commons/dataset-group/poll-schedule.ts';
import {
  decidePollStep,
  firstWaitToSleep,
  invocationPosition,
  type PollStepContext,
  sleepIsCheaperBelowSeconds,
  sleepsInInvocation,
} from '#commons/dataset-group/poll-step.ts';
import { datasetGroupStatus } from '#commons/dataset-group/status.ts';

const pollRetry: PollRetry = {
  intervalSeconds: 15,
  backoffRate: 1.1,
  maxDelaySeconds: 300,
  maxAttempts: 100,
};

const context = (change: Partial<PollStepContext> = {}): PollStepContext => ({
  pollRetry,
  retryCount: 0,
  slept: false,
  remainingMs: 300_000,
  safetyMarginSeconds: 10,
  deadlineSeconds: 7200,
  ...change,
});

/** A poll's progress: seen at `polledAt`, next poll `waitSeconds` later. */
const pending = (polledAt: number, waitSeconds: number) => ({
  outcome: 'IN_PROGRESS' as const,
  waitSeconds,
  elapsedSeconds: polledAt + waitSeconds,
});

describe('retryDelaySeconds and secondsOfRetries', () => {
  it('grow by the backoff rate from the interval, up to the cap', () => {
    expect(retryDelaySeconds(pollRetry, 0)).toBe(15);
    expect(retryDelaySeconds(pollRetry, 2)).toBeCloseTo(18.15);
    expect(retryDelaySeconds(pollRetry, 60)).toBe(300);
    expect(secondsOfRetries(pollRetry, 0)).toBe(0);
    expect(secondsOfRetries(pollRetry, 3)).toBeCloseTo(15 + 16.5 + 18.15);
  });
});

describe('decidePollStep', () => {
  it.each([
    [
      'a settled group',
      { ...pending(10, 0), outcome: 'ACTIVE' as const },
      {},
      'return',
    ],
    ['a short wait with time to spare', pending(10, 2), {}, 'sleep'],
    ['the longest wait still slept', pending(149, 14), {}, 'sleep'],
    [
      'a short wait that would end inside the safety margin',
      pending(10, 5),
      { remainingMs: 15_000 },
      'return',
    ],
    [
      'a wait as long as the interval, at the first poll',
      pending(150, 15),
      {},
      'retry',
    ],
    [
      'a long wait after sleeping in this invocation',
      pending(150, 15),
      { slept: true },
      'return',
    ],
    [
      'a long wait once the retrier’s attempts are spent',
      pending(900, 90),
      { retryCount: 100 },
      'return',
    ],
    [
      'a retry that would pass the deadline',
      pending(7000, 200),
      { retryCount: 40 },
      'return',
    ],
  ])('%s', (_, progress, change, action) => {
    expect(decidePollStep(progress, context(change)).action).toBe(action);
  });

  it('asks the retrier for its own next wait, not the schedule’s', () => {
    expect(
      decidePollStep(pending(600, 60), context({ retryCount: 3 })),
    ).toEqual({
      action: 'retry',
      delaySeconds: retryDelaySeconds(pollRetry, 3),
    });
  });
});

describe('firstWaitToSleep', () => {
  const first = {
    pollRetry,
    retryCount: 0,
    wallElapsedSeconds: 0.3,
    remainingMs: 300_000,
    safetyMarginSeconds: 10,
  };

  it('sleeps what is left of the first wait when nothing was polled yet', () => {
    expect(
      firstWaitToSleep({ attempt: 0, elapsedSeconds: 2 }, first),
    ).toBeCloseTo(1.7);
  });

  it.each([
    [
      'after a poll (a Wait state did the wait)',
      { attempt: 1, elapsedSeconds: 4 },
      {},
    ],
    ['in a retry', { attempt: 0, elapsedSeconds: 2 }, { retryCount: 1 }],
    [
      'when the wait is already over',
      { attempt: 0, elapsedSeconds: 2 },
      { wallElapsedSeconds: 3 },
    ],
    [
      'when the first wait is the Retry’s to make',
      { attempt: 0, elapsedSeconds: 20 },
      {},
    ],
    [
      'when it would end inside the safety margin',
      { attempt: 0, elapsedSeconds: 2 },
      { remainingMs: 11_000 },
    ],
  ])('sleeps nothing %s', (_, position, change) => {
    expect(firstWaitToSleep(position, { ...first, ...change })).toBe(0);
  });

  it('sleeps nothing for a group the create task found ACTIVE (adopted)', () => {
    const adopted = decideCreationProgress(
      {
        name: 'acme',
        datasetGroupArn:
          'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
        status: datasetGroupStatus.active,
      },
      { attempt: 0, elapsedSeconds: 0 },
      0.1,
      defaultPollSchedule,
    );

    expect(adopted.outcome).toBe('ACTIVE');
    expect(firstWaitToSleep(adopted, first)).toBe(0);
  });
});

describe('invocationPosition', () => {
  it('is the input’s for the first attempt, and moves on with each retry', () => {
    const input = { attempt: 30, elapsedSeconds: 600, pollRetry };
    expect(invocationPosition({ ...input, retryCount: 0 })).toEqual({
      attempt: 30,
      elapsedSeconds: 600,
    });
    expect(invocationPosition({ ...input, retryCount: 2 })).toEqual({
      attempt: 32,
      elapsedSeconds: 631.5,
    });
  });
});

const group = (status: string): DatasetGroup => ({
  name: 'acme',
  datasetGroupArn:
    'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
  status,
});

/**
 * The whole creation poll as the state machine and the handler run it,
 * in virtual time (a wait lasts what it says), for a group that turns
 * ACTIVE `activeAt` seconds after it is created: the create task's
 * decision, then a Wait state, then Describe invocations that sleep, throw
 * to their retrier or return to the Wait state. Counts the billed
 * transitions of the polling part (Choice, Wait, Task entries, retries).
 */
const simulatePoll = (activeAt: number, remainingMs = 300_000) => {
  const statusAt = (seconds: number) =>
    seconds >= activeAt
      ? datasetGroupStatus.active
      : datasetGroupStatus.createInProgress;
  const pollTimes: number[] = [];
  let transitions = 0;
  let progress: CreationProgress = decideCreationProgress(
    group(datasetGroupStatus.createPending),
    { attempt: 0, elapsedSeconds: 0 },
    0,
    defaultPollSchedule,
  );
  while (progress.outcome === 'IN_PROGRESS') {
    // IsDatasetGroupSettled, WaitForDatasetGroup, DescribeDatasetGroup; the
    // first entry skips the Wait state (the function sleeps that wait).
    transitions += progress.attempt === 0 ? 2 : 3;
    const entry = {
      attempt: progress.attempt,
      elapsedSeconds: progress.elapsedSeconds,
      pollRetry,
    };
    let retryCount = 0;
    let returned: CreationProgress | undefined;
    while (returned === undefined) {
      let position: PollPosition = invocationPosition({ ...entry, retryCount });
      let slept = false;
      for (;;) {
        const now = position.elapsedSeconds;
        pollTimes.push(now);
        const seen = decideCreationProgress(
          group(statusAt(now)),
          { attempt: position.attempt + 1, elapsedSeconds: now },
          now,
          defaultPollSchedule,
        );
        const step = decidePollStep(seen, {
          ...context({ retryCount, slept, remainingMs }),
        });
        if (step.action === 'sleep') {
          position = {
            attempt: seen.attempt,
            elapsedSeconds: seen.elapsedSeconds,
          };
          slept = true;
          continue;
        }
        if (step.action === 'retry') {
          retryCount += 1;
          transitions += 1;
        } else {
          returned = seen;
        }
        break;
      }
    }
    progress = returned;
  }
  transitions += 1; // the last IsDatasetGroupSettled
  const seenAt = pollTimes.at(-1) ?? 0;
  return { progress, seenAt, polls: pollTimes.length, transitions, pollTimes };
};

describe('the creation poll, end to end in virtual time', () => {
  it('sees the group within max(2 s, 10%) for any creation time up to the deadline', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 7100, noNaN: true }),
        (activeAt) => {
          const { progress, seenAt } = simulatePoll(activeAt);
          expect(progress.outcome).toBe('ACTIVE');
          expect(seenAt).toBeGreaterThanOrEqual(activeAt);
          expect(seenAt - activeAt).toBeLessThanOrEqual(
            Math.max(2, 0.1 * activeAt) + 1e-9,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps the bound when the function’s timeout cuts the slept waits short', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 3600, noNaN: true }),
        fc.integer({ min: 11_000, max: 120_000 }),
        (activeAt, remainingMs) => {
          const { seenAt } = simulatePoll(activeAt, remainingMs);
          expect(seenAt - activeAt).toBeLessThanOrEqual(
            Math.max(2, 0.1 * activeAt) + 1e-9,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('spends one transition a poll on the long waits: about 40 for an hour', () => {
    // Act
    const hour = simulatePoll(3600);

    // Assess: ~35 polls slept in the first invocation (whole-second waits
    // to 150 s), then ~33 retries; a Wait-state loop would bill 3
    // transitions for each of those.
    expect(hour.polls).toBeLessThanOrEqual(70);
    expect(hour.transitions).toBeLessThanOrEqual(45);
  });

  it('ends on the deadline with a timeout, the last wait cut to it', () => {
    // Act
    const stuck = simulatePoll(Number.POSITIVE_INFINITY);

    // Assess
    expect(stuck.progress).toMatchObject({
      outcome: 'FAILED',
      error: { code: 'DatasetGroupCreationTimedOut' },
    });
    // The cut wait is whole seconds: the last poll is within 1 s after.
    expect(stuck.seenAt).toBeGreaterThanOrEqual(
      defaultPollSchedule.deadlineSeconds,
    );
    expect(stuck.seenAt).toBeLessThan(defaultPollSchedule.deadlineSeconds + 1);
    expect(stuck.polls).toBeLessThan(100);
  });
});

describe('sleepsInInvocation', () => {
  const roomy = { remainingMs: 300_000, safetyMarginSeconds: 10 };

  it('sleeps a short wait while the group is still being deleted', () => {
    expect(
      sleepsInInvocation({ outcome: 'IN_PROGRESS', waitSeconds: 2 }, roomy),
    ).toBe(true);
  });

  it.each([
    [
      'once the deletion has settled',
      { outcome: 'DELETED', waitSeconds: 0 },
      roomy,
    ],
    [
      'a wait the Wait state makes cheaper',
      { outcome: 'IN_PROGRESS', waitSeconds: sleepIsCheaperBelowSeconds },
      roomy,
    ],
    [
      'a wait that would end inside the safety margin',
      { outcome: 'IN_PROGRESS', waitSeconds: 2 },
      { remainingMs: 11_000, safetyMarginSeconds: 10 },
    ],
  ])('returns %s', (_case, progress, context) => {
    expect(sleepsInInvocation(progress, context)).toBe(false);
  });
});
