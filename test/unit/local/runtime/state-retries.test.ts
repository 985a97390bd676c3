import { StateMachine } from 'aws-local-stepfunctions';
import { describe, expect, it } from 'vitest';
import {
  type RetryOfState,
  retryIntervalOverrides,
  stateRetries,
} from '#local/runtime/state-retries.ts';
import type { TaskHandler } from '#local/runtime/task-handler.ts';

const failing = (name: string) => {
  const error = new Error(`${name} happened`);
  error.name = name;
  return error;
};

/** Poll → (retries) → Next; Poll again after a Pass: a new entry. */
const definition = {
  StartAt: 'Poll',
  States: {
    Poll: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:poll',
      Parameters: {
        'retryCount.$': '$$.State.RetryCount',
        'round.$': '$.round',
      },
      ResultPath: '$.result',
      Retry: [
        {
          ErrorEquals: ['Pending'],
          IntervalSeconds: 15,
          BackoffRate: 1.1,
          MaxDelaySeconds: 16,
          MaxAttempts: 5,
          JitterStrategy: 'NONE',
        },
        { ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 1 },
      ],
      Next: 'Again',
    },
    Again: {
      Type: 'Choice',
      Choices: [{ Variable: '$.round', NumericEquals: 1, Next: 'Second' }],
      Default: 'Done',
    },
    Second: {
      Type: 'Pass',
      Result: 2,
      ResultPath: '$.round',
      Next: 'Poll',
    },
    Done: { Type: 'Succeed' },
  },
} as const;

/** Runs `definition` with `poll` bound to Poll and the tracker's State. */
const runWith = (tracker: ReturnType<typeof stateRetries>, poll: TaskHandler) =>
  new StateMachine(definition as never).run(
    { round: 1 },
    {
      overrides: {
        taskResourceLocalHandlers: { Poll: poll },
        retryIntervalOverrides: { Poll: 0 },
      },
      context: { State: tracker.state as never },
    },
  );

describe('stateRetries: $$.State.RetryCount for aws-local-stepfunctions', () => {
  it('counts the retries of a state entry, and starts again at 0 on the next entry', async () => {
    // Prepare: the first entry fails twice (Pending), then once with
    // another error (the second retrier), then succeeds.
    const seen: number[] = [];
    const failures = [failing('Pending'), failing('Pending'), failing('Boom')];
    const retries: RetryOfState[] = [];
    const tracker = stateRetries(definition as never, (retry) =>
      retries.push(retry),
    );
    const poll = tracker.wrap('Poll', async (input) => {
      const { retryCount, round } = input as {
        retryCount: number;
        round: number;
      };
      seen.push(retryCount);
      const failure = round === 1 ? failures.shift() : undefined;
      if (failure !== undefined) throw failure;
      return 'ok';
    });

    // Act
    const run = runWith(tracker, poll);
    await run.result;

    // Assess
    expect(seen).toEqual([0, 1, 2, 3, 0]);
    expect(retries.map((retry) => retry.delaySeconds)).toEqual([15, 16, 1]);
  });

  it('stops at a retrier’s MaxAttempts: the count starts again for what comes next', async () => {
    // Prepare
    const tracker = stateRetries(definition as never);
    let attempts = 0;
    const poll = tracker.wrap('Poll', async () => {
      attempts += 1;
      throw failing('Pending');
    });

    // Act
    const run = runWith(tracker, poll);

    // Assess: 1 try + 5 retries, then the first matching retrier (spent)
    // decides: no retry by States.ALL, as the service does.
    await expect(run.result).rejects.toThrow();
    expect(attempts).toBe(6);
    expect(tracker.state.RetryCount).toBe(0);
  });
});

describe('retryIntervalOverrides', () => {
  it('shortens a poll retrier like a Wait state and the others like retries', () => {
    const pollDefinition = {
      StartAt: 'Describe',
      States: {
        Describe: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:d',
          Retry: [
            { ErrorEquals: ['DatasetGroupPendingError'] },
            { ErrorEquals: ['Lambda.ServiceException'] },
          ],
          End: true,
        },
      },
    };
    expect(
      retryIntervalOverrides(pollDefinition as never, ['Describe'], {
        pollMs: 250,
        retryMs: 100,
      }),
    ).toEqual({ Describe: [250, 100] });
    expect(
      retryIntervalOverrides(pollDefinition as never, ['Describe'], {}),
    ).toEqual({ Describe: [-1, -1] });
  });
});
