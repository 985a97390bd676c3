import {
  DescribeDatasetGroupCommand,
  PersonalizeClient,
  PersonalizeServiceException,
  ResourceNotFoundException,
} from '@aws-sdk/client-personalize';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useClock } from '#commons/clock.ts';
import { metrics } from '#commons/powertools/metrics.ts';
import { handler } from '#functions/describe-dataset-group.ts';
import { lambdaContext } from '#test/helpers/lambda-context.ts';

const arn = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme';
const pollRetry = {
  intervalSeconds: 15,
  backoffRate: 1.1,
  maxDelaySeconds: 300,
  maxAttempts: 100,
};
const taskInput = (
  attempt: number,
  elapsedSeconds: number,
  retryCount = 0,
) => ({
  name: 'acme',
  datasetGroupArn: arn,
  attempt,
  elapsedSeconds,
  executionStartTime: new Date().toISOString(),
  retryCount,
  pollRetry,
});

describe('describe-dataset-group handler', () => {
  const personalize = mockClient(PersonalizeClient);

  afterEach(() => {
    useClock();
    personalize.reset();
    vi.clearAllMocks();
  });

  /** A clock that jumps instead of sleeping, and records each sleep. */
  const virtualClock = () => {
    let now = Date.now();
    const sleeps: number[] = [];
    useClock({
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms / 1000);
        now += ms;
      },
    });
    return sleeps;
  };

  const inProgress = {
    datasetGroup: {
      name: 'acme',
      datasetGroupArn: arn,
      status: 'CREATE IN_PROGRESS',
    },
  };

  it('throws DatasetGroupPendingError at the first poll when the next wait is the Retry’s', async () => {
    // Prepare
    const sleeps = virtualClock();
    personalize.on(DescribeDatasetGroupCommand).resolves(inProgress);

    // Act
    const attempt = handler(taskInput(30, 600), lambdaContext);

    // Assess: one poll, no sleep; the retrier waits its interval.
    await expect(attempt).rejects.toMatchObject({
      name: 'DatasetGroupPendingError',
      message: expect.stringMatching(/after 600 s \(poll 31\).* in 15 s$/),
    });
    expect(personalize).toHaveReceivedCommandTimes(
      DescribeDatasetGroupCommand,
      1,
    );
    expect(sleeps).toEqual([]);
  });

  it('polls a retry at the position its retries reached, and asks for the next, longer wait', async () => {
    // Prepare
    virtualClock();
    personalize.on(DescribeDatasetGroupCommand).resolves(inProgress);

    // Act: the third retry of a task entered at 600 s after 30 polls.
    const attempt = handler(taskInput(30, 600, 3), lambdaContext);

    // Assess: 600 + 15 + 16.5 + 18.15 s, the 34th poll; then 15 × 1.1³ s.
    await expect(attempt).rejects.toMatchObject({
      name: 'DatasetGroupPendingError',
      message: expect.stringMatching(/after 650 s \(poll 34\).* in 20 s$/),
    });
  });

  it('settles a retry that finds the group ACTIVE, at that position', async () => {
    // Prepare
    virtualClock();
    personalize.on(DescribeDatasetGroupCommand).resolves({
      datasetGroup: { name: 'acme', datasetGroupArn: arn, status: 'ACTIVE' },
    });

    // Act
    const progress = await handler(taskInput(30, 600, 2), lambdaContext);

    // Assess
    expect(progress).toMatchObject({
      outcome: 'ACTIVE',
      attempt: 33,
      elapsedSeconds: 631.5,
    });
  });

  it('returns the wait to the Wait state once the retrier’s attempts are spent', async () => {
    // Prepare
    virtualClock();
    personalize.on(DescribeDatasetGroupCommand).resolves(inProgress);

    // Act: a retrier of 3 attempts, at its third retry.
    const progress = await handler(
      { ...taskInput(30, 600, 3), pollRetry: { ...pollRetry, maxAttempts: 3 } },
      lambdaContext,
    );

    // Assess
    expect(progress).toMatchObject({ outcome: 'IN_PROGRESS', attempt: 34 });
    expect(progress.waitSeconds).toBeGreaterThanOrEqual(15);
  });

  it('sleeps the waits under 15 s in the same invocation, then returns the first longer one', async () => {
    // Prepare
    const sleeps = virtualClock();
    personalize.on(DescribeDatasetGroupCommand).resolves(inProgress);
    const longRunning = {
      ...lambdaContext,
      getRemainingTimeInMillis: () => 900_000,
    };

    // Act
    const progress = await handler(taskInput(0, 2), longRunning);

    // Assess: waits of max(2 s, 10%) from 2 s to 150 s, all slept here,
    // the first one (nothing was polled yet) before the first poll.
    const calls = personalize.commandCalls(DescribeDatasetGroupCommand).length;
    expect(calls).toBe(sleeps.length);
    expect(sleeps.slice(0, 9)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(Math.max(...sleeps)).toBe(14);
    expect(progress.outcome).toBe('IN_PROGRESS');
    expect(progress.waitSeconds).toBeGreaterThanOrEqual(15);
    expect(
      progress.elapsedSeconds - progress.waitSeconds,
    ).toBeGreaterThanOrEqual(150);
    expect(progress.attempt).toBe(calls);
  });

  it('stops polling in-process when the function is about to time out', async () => {
    // Prepare
    const sleeps = virtualClock();
    personalize.on(DescribeDatasetGroupCommand).resolves({
      datasetGroup: {
        name: 'acme',
        datasetGroupArn: arn,
        status: 'CREATE PENDING',
      },
    });
    const almostOut = {
      ...lambdaContext,
      getRemainingTimeInMillis: () => 11_000,
    };

    // Act
    const progress = await handler(taskInput(0, 2), almostOut);

    // Assess
    expect(sleeps).toEqual([]);
    expect(progress).toMatchObject({ outcome: 'IN_PROGRESS', waitSeconds: 2 });
  });

  it('settles as ACTIVE with the dates as ISO strings', async () => {
    // Prepare
    personalize.on(DescribeDatasetGroupCommand).resolves({
      datasetGroup: {
        name: 'acme',
        datasetGroupArn: arn,
        status: 'ACTIVE',
        lastUpdatedDateTime: new Date('2026-11-24T10:00:05Z'),
      },
    });

    // Act
    const progress = await handler(taskInput(0, 2), lambdaContext);

    // Assess
    expect(progress).toEqual({
      outcome: 'ACTIVE',
      attempt: 1,
      elapsedSeconds: 2,
      waitSeconds: 0,
      datasetGroup: {
        name: 'acme',
        datasetGroupArn: arn,
        status: 'ACTIVE',
        lastUpdatedDateTime: '2026-11-24T10:00:05.000Z',
      },
    });
  });

  it('settles as FAILED with the failure reason when Personalize reports CREATE FAILED', async () => {
    // Prepare
    personalize.on(DescribeDatasetGroupCommand).resolves({
      datasetGroup: {
        name: 'acme',
        datasetGroupArn: arn,
        status: 'CREATE FAILED',
        failureReason: 'KMS key disabled',
      },
    });

    // Act
    const progress = await handler(taskInput(2, 10), lambdaContext);

    // Assess
    expect(progress).toMatchObject({
      outcome: 'FAILED',
      error: {
        code: 'DatasetGroupCreateFailed',
        message: expect.stringContaining('KMS key disabled'),
      },
    });
  });

  it('throws DatasetGroupNotFoundError when the group has disappeared', async () => {
    // Prepare
    personalize
      .on(DescribeDatasetGroupCommand)
      .rejects(
        new ResourceNotFoundException({ message: 'gone', $metadata: {} }),
      );

    // Act
    const attempt = handler(taskInput(1, 4), lambdaContext);

    // Assess
    await expect(attempt).rejects.toMatchObject({
      name: 'DatasetGroupNotFoundError',
    });
  });

  it('records the poll, DatasetGroupCreated and TimeToActive when the group is ACTIVE', async () => {
    // Prepare
    const addMetric = vi.spyOn(metrics, 'addMetric');
    personalize.on(DescribeDatasetGroupCommand).resolves({
      datasetGroup: {
        name: 'acme',
        datasetGroupArn: arn,
        status: 'ACTIVE',
        creationDateTime: new Date('2026-11-25T10:00:00Z'),
        lastUpdatedDateTime: new Date('2026-11-25T10:01:30Z'),
      },
    });

    // Act
    await handler(taskInput(3, 12), lambdaContext);

    // Assess
    expect(addMetric.mock.calls).toEqual([
      ['DatasetGroupPolled', 'Count', 1],
      ['DatasetGroupCreated', 'Count', 1],
      ['TimeToActive', 'Seconds', 90],
    ]);
  });

  it.each([
    [
      'throttled',
      'ThrottlingException',
      'client',
      400,
      'DatasetGroupPollThrottled',
    ],
    [
      'failed (5xx)',
      'ServiceUnavailableException',
      'server',
      503,
      'DatasetGroupPollFailed',
    ],
  ] as const)(
    'skips a %s poll and polls again on schedule',
    async (_, name, fault, httpStatusCode, metric) => {
      // Prepare
      const sleeps = virtualClock();
      const addMetric = vi.spyOn(metrics, 'addMetric');
      personalize
        .on(DescribeDatasetGroupCommand)
        .rejectsOnce(
          new PersonalizeServiceException({
            name,
            message: name,
            $fault: fault,
            $metadata: { httpStatusCode },
          }),
        )
        .resolves({
          datasetGroup: {
            name: 'acme',
            datasetGroupArn: arn,
            status: 'ACTIVE',
          },
        });

      // Act
      const progress = await handler(taskInput(0, 2), lambdaContext);

      // Assess: the first wait, then the skipped poll's.
      expect(progress).toMatchObject({ outcome: 'ACTIVE', attempt: 2 });
      expect(sleeps).toEqual([2, 2]);
      expect(addMetric).toHaveBeenCalledWith(metric, 'Count', 1);
    },
  );
});
