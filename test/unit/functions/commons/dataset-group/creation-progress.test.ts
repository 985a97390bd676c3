import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CreationProgress,
  decideCreationProgress,
} from '#commons/dataset-group/creation-progress.ts';
import type { DatasetGroup } from '#commons/dataset-group/dataset-group.ts';
import {
  defaultPollSchedule,
  type PollSchedule,
} from '#commons/dataset-group/poll-schedule.ts';
import { datasetGroupStatus } from '#commons/dataset-group/status.ts';

const schedule: PollSchedule = {
  firstWaitSeconds: 2,
  waitFraction: 0.1,
  maxWaitSeconds: 300,
  deadlineSeconds: 7200,
};

const groupIn = (
  status: string | undefined,
  extra: Partial<DatasetGroup> = {},
): DatasetGroup => ({
  name: 'acme',
  datasetGroupArn:
    'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
  ...(status === undefined ? {} : { status }),
  ...extra,
});

/**
 * Runs the create task's decision and then one decision per poll, as the
 * state machine does, for a group that turns ACTIVE `activeAfter` seconds
 * after the execution starts; each Wait lasts exactly what was scheduled.
 */
const simulateCreation = (activeAfter: number, pollSchedule: PollSchedule) => {
  const statusAt = (seconds: number) =>
    seconds >= activeAfter
      ? datasetGroupStatus.active
      : datasetGroupStatus.createInProgress;
  let now = 0;
  let progress: CreationProgress = decideCreationProgress(
    groupIn(datasetGroupStatus.createPending),
    { attempt: 0, elapsedSeconds: 0 },
    now,
    pollSchedule,
  );
  while (progress.outcome === 'IN_PROGRESS') {
    now += progress.waitSeconds;
    progress = decideCreationProgress(
      groupIn(statusAt(now)),
      {
        attempt: progress.attempt + 1,
        elapsedSeconds: progress.elapsedSeconds,
      },
      now,
      pollSchedule,
    );
  }
  return { progress, seenAt: now, polls: progress.attempt };
};

describe('decideCreationProgress', () => {
  it('settles as ACTIVE without waiting when the group is ACTIVE', () => {
    // Prepare
    const group = groupIn('ACTIVE');

    // Act
    const progress = decideCreationProgress(
      group,
      { attempt: 4, elapsedSeconds: 12 },
      13.5,
      schedule,
    );

    // Assess
    expect(progress).toEqual({
      datasetGroup: group,
      outcome: 'ACTIVE',
      attempt: 4,
      elapsedSeconds: 12,
      waitSeconds: 0,
    });
  });

  it('settles as ACTIVE rather than timed out when the group is ACTIVE at the deadline', () => {
    // Act
    const progress = decideCreationProgress(
      groupIn('ACTIVE'),
      { attempt: 79, elapsedSeconds: 7200 },
      7300,
      schedule,
    );

    // Assess
    expect(progress.outcome).toBe('ACTIVE');
    expect(progress.error).toBeUndefined();
  });

  it('fails with the failure reason when the group is CREATE FAILED', () => {
    // Prepare
    const group = groupIn('CREATE FAILED', {
      failureReason: 'KMS key is not accessible',
    });

    // Act
    const progress = decideCreationProgress(
      group,
      { attempt: 3, elapsedSeconds: 8 },
      8,
      schedule,
    );

    // Assess
    expect(progress).toEqual({
      datasetGroup: group,
      outcome: 'FAILED',
      attempt: 3,
      elapsedSeconds: 8,
      waitSeconds: 0,
      error: {
        code: 'DatasetGroupCreateFailed',
        message:
          'Personalize reported CREATE FAILED for dataset group acme: KMS key is not accessible',
      },
    });
  });

  it('fails saying no reason was given when CREATE FAILED has no failure reason', () => {
    // Act
    const progress = decideCreationProgress(
      groupIn('CREATE FAILED'),
      { attempt: 1, elapsedSeconds: 2 },
      2,
      schedule,
    );

    // Assess
    expect(progress.error?.message).toContain('no failure reason given');
  });

  it('fails as deleted during creation when the group is DELETE PENDING', () => {
    // Act
    const progress = decideCreationProgress(
      groupIn('DELETE PENDING'),
      { attempt: 2, elapsedSeconds: 4 },
      4,
      schedule,
    );

    // Assess
    expect(progress).toMatchObject({
      outcome: 'FAILED',
      waitSeconds: 0,
      error: { code: 'DatasetGroupDeletedDuringCreation' },
    });
    expect(progress.error?.message).toContain('DELETE PENDING');
  });

  it.each(['CREATE PENDING', 'CREATE IN_PROGRESS'])(
    'waits the first wait right after creation when the group is %s',
    (status) => {
      // Act
      const progress = decideCreationProgress(
        groupIn(status),
        { attempt: 0, elapsedSeconds: 0 },
        0,
        schedule,
      );

      // Assess
      expect(progress).toEqual({
        datasetGroup: groupIn(status),
        outcome: 'IN_PROGRESS',
        attempt: 0,
        elapsedSeconds: 2,
        waitSeconds: 2,
      });
    },
  );

  it('waits in proportion to the time spent when the group is still in progress', () => {
    // Act
    const progress = decideCreationProgress(
      groupIn('CREATE IN_PROGRESS'),
      { attempt: 20, elapsedSeconds: 100 },
      100,
      schedule,
    );

    // Assess
    expect(progress).toMatchObject({
      outcome: 'IN_PROGRESS',
      waitSeconds: 10,
      elapsedSeconds: 110,
    });
  });

  it('counts the wall time when it is larger than the scheduled waits', () => {
    // Act
    const progress = decideCreationProgress(
      groupIn('CREATE IN_PROGRESS'),
      { attempt: 20, elapsedSeconds: 100 },
      500,
      schedule,
    );

    // Assess
    expect(progress).toMatchObject({
      outcome: 'IN_PROGRESS',
      waitSeconds: 50,
      elapsedSeconds: 550,
    });
  });

  it('counts the scheduled waits when the wall time is smaller (shortened local waits)', () => {
    // Act
    const progress = decideCreationProgress(
      groupIn('CREATE IN_PROGRESS'),
      { attempt: 20, elapsedSeconds: 500 },
      3,
      schedule,
    );

    // Assess
    expect(progress).toMatchObject({ waitSeconds: 50, elapsedSeconds: 550 });
  });

  it('cuts the last wait so it ends on the deadline', () => {
    // Act
    const progress = decideCreationProgress(
      groupIn('CREATE IN_PROGRESS'),
      { attempt: 70, elapsedSeconds: 7150 },
      7150,
      schedule,
    );

    // Assess
    expect(progress).toMatchObject({ waitSeconds: 50, elapsedSeconds: 7200 });
  });

  it.each([
    { scheduled: 7200, wall: 7200, case: 'both reach it' },
    { scheduled: 7000, wall: 7201, case: 'only the wall time reaches it' },
    { scheduled: 7200, wall: 30, case: 'only the scheduled waits reach it' },
  ])(
    'times out with DatasetGroupCreationTimedOut when $case',
    ({ scheduled, wall }) => {
      // Act
      const progress = decideCreationProgress(
        groupIn('CREATE IN_PROGRESS'),
        { attempt: 79, elapsedSeconds: scheduled },
        wall,
        schedule,
      );

      // Assess
      expect(progress).toMatchObject({
        outcome: 'FAILED',
        waitSeconds: 0,
        attempt: 79,
        elapsedSeconds: scheduled,
        error: { code: 'DatasetGroupCreationTimedOut' },
      });
      expect(progress.error?.message).toBe(
        `Dataset group acme was still CREATE IN_PROGRESS after ${Math.max(scheduled, wall)} s; the deadline is 7200 s`,
      );
    },
  );

  it('keeps polling until the deadline when the status is unknown', () => {
    // Act
    const polling = decideCreationProgress(
      groupIn(undefined),
      { attempt: 1, elapsedSeconds: 2 },
      2,
      schedule,
    );
    const timedOut = decideCreationProgress(
      groupIn(undefined),
      { attempt: 80, elapsedSeconds: 7200 },
      7200,
      schedule,
    );

    // Assess
    expect(polling.outcome).toBe('IN_PROGRESS');
    expect(timedOut.error?.message).toContain('in an unknown status');
  });

  it.each([10, 30, 60, 120, 300, 900, 3600])(
    'sees a group that turns ACTIVE after %i s within max(2, 10%)+1 s with the default schedule',
    (activeAfter) => {
      // Act
      const { progress, seenAt } = simulateCreation(
        activeAfter,
        defaultPollSchedule,
      );

      // Assess
      expect(progress.outcome).toBe('ACTIVE');
      expect(seenAt).toBeGreaterThanOrEqual(activeAfter);
      expect(seenAt - activeAfter).toBeLessThanOrEqual(
        Math.max(2, 0.1 * activeAfter) + 1,
      );
    },
  );

  it('sees the group within max(2, 10%)+1 s for any time up to the deadline', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: defaultPollSchedule.deadlineSeconds }),
        (activeAfter) => {
          // Act
          const { progress, seenAt } = simulateCreation(
            activeAfter,
            defaultPollSchedule,
          );

          // Assess
          expect(progress.outcome).toBe('ACTIVE');
          expect(seenAt - activeAfter).toBeLessThanOrEqual(
            Math.max(2, 0.1 * activeAfter) + 1,
          );
        },
      ),
    );
  });

  it('polls a number of times that grows with the log of the time taken', () => {
    // Act
    const polls = [60, 600, 6000].map(
      (activeAfter) => simulateCreation(activeAfter, defaultPollSchedule).polls,
    );

    // Assess: each tenfold adds about ln(10)/ln(1.1) ≈ 24 polls, not 10×.
    const [at60 = 0, at600 = 0, at6000 = 0] = polls;
    expect(at600 - at60).toBeLessThanOrEqual(30);
    expect(at6000 - at600).toBeLessThanOrEqual(30);
  });
});
