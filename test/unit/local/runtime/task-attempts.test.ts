import { describe, expect, it } from 'vitest';
import {
  recordTaskAttempts,
  TaskAttemptLog,
  type TaskTarget,
  taskTargetOf,
} from '#local/runtime/task-attempts.ts';

const lambda: TaskTarget = {
  kind: 'lambda',
  functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:create',
};

describe('taskTargetOf', () => {
  it.each([
    [
      'a Lambda function ARN',
      'arn:aws:lambda:us-east-1:000000000000:function:create-dataset-group',
      {
        kind: 'lambda',
        functionArn:
          'arn:aws:lambda:us-east-1:000000000000:function:create-dataset-group',
      },
    ],
    [
      'a qualified Lambda function ARN',
      'arn:aws:lambda:eu-west-1:000000000000:function:f:live',
      {
        kind: 'lambda',
        functionArn: 'arn:aws:lambda:eu-west-1:000000000000:function:f:live',
      },
    ],
    [
      'the putEvents integration',
      'arn:aws:states:::events:putEvents',
      {
        kind: 'service',
        resourceType: 'events',
        resource: 'putEvents',
        region: 'us-east-1',
      },
    ],
    [
      'an integration with a pattern',
      'arn:aws:states:::lambda:invoke.waitForTaskToken',
      {
        kind: 'service',
        resourceType: 'lambda',
        resource: 'invoke.waitForTaskToken',
        region: 'us-east-1',
      },
    ],
    [
      'an activity',
      'arn:aws:states:us-east-1:000000000000:activity:review',
      undefined,
    ],
  ])('reads %s', (_, resource, expected) => {
    // Act
    const target = taskTargetOf(resource, 'us-east-1');

    // Assess
    expect(target).toEqual(expected);
  });
});

describe('recordTaskAttempts', () => {
  it('begins the attempt before the work runs and settles it with the output', async () => {
    // Prepare
    const log = new TaskAttemptLog();
    let claimedWhileRunning: unknown;
    const handler = recordTaskAttempts(
      log,
      { stateName: 'Create', target: lambda, timeoutSeconds: 60 },
      async () => {
        claimedWhileRunning = log.claim('Create');
        return { created: true };
      },
    );

    // Act
    const output = await handler({ name: 'x' });

    // Assess
    expect(output).toEqual({ created: true });
    expect(claimedWhileRunning).toEqual({
      stateName: 'Create',
      target: lambda,
      input: '{"name":"x"}',
      timeoutSeconds: 60,
      scheduledAt: expect.any(Number),
      outcome: {
        status: 'succeeded',
        output: '{"created":true}',
        at: expect.any(Number),
      },
    });
    expect(log.claim('Create')).toBeUndefined();
  });

  it('settles a failed attempt with the error’s name and message, and rethrows it', async () => {
    // Prepare
    const log = new TaskAttemptLog();
    const failure = Object.assign(new Error('{"errorType":"Boom"}'), {
      name: 'Boom',
    });
    const handler = recordTaskAttempts(
      log,
      { stateName: 'Create', target: lambda },
      async () => {
        throw failure;
      },
    );

    // Act
    const attempt = handler({});

    // Assess
    await expect(attempt).rejects.toBe(failure);
    expect(log.claim('Create')?.outcome).toEqual({
      status: 'failed',
      error: 'Boom',
      cause: '{"errorType":"Boom"}',
      at: expect.any(Number),
    });
  });

  it('keeps attempts in call order, per state', async () => {
    // Prepare
    const log = new TaskAttemptLog();
    const handler = (stateName: string) =>
      recordTaskAttempts(
        log,
        { stateName, target: lambda },
        async (input) => input,
      );

    // Act
    await handler('A')({ n: 1 });
    await handler('B')({ n: 2 });
    await handler('A')({ n: 3 });

    // Assess
    expect(
      ['A', 'A', 'B', 'A'].map((state) => log.claim(state)?.input),
    ).toEqual(['{"n":1}', '{"n":3}', '{"n":2}', undefined]);
  });
});
