import { describe, expect, it } from 'vitest';
import type { ExecutionEventLog } from '#local/runtime/workflow-runner.ts';
import { causeText, ExecutionHistory } from '#local/stepfunctions/index.ts';

/**
 * The mapping of aws-local-stepfunctions event logs to Step Functions
 * history events, for the cases the local workflows rarely reach.
 */
const at = Date.UTC(2026, 10, 25, 12);

const historyOf = (
  logs: ExecutionEventLog[],
  stopRequest?: { error?: string; cause?: string },
) => {
  const history = new ExecutionHistory({
    input: '{"name":"x"}',
    roleArn: 'arn:aws:iam::000000000000:role/create-dataset-group',
    stopRequest: () => stopRequest,
  });
  for (const log of logs) history.append(log);
  return history.events;
};

const started: ExecutionEventLog = {
  type: 'ExecutionStarted',
  timestamp: at,
  input: { name: 'x' },
};

const entered = (name: string, type: 'Task' | 'Wait' | 'Choice' | 'Fail') =>
  ({
    type: 'StateEntered',
    timestamp: at + 1,
    state: { name, type, input: { name: 'x' } },
  }) satisfies ExecutionEventLog;

describe('ExecutionHistory', () => {
  it('numbers the events from 1 with each pointing at the one before', () => {
    // Act
    const events = historyOf([
      started,
      entered('Check', 'Choice'),
      {
        type: 'StateExited',
        timestamp: at + 2,
        state: { name: 'Check', type: 'Choice', input: {}, output: { ok: 1 } },
      },
    ]);

    // Assess
    expect(events).toEqual([
      {
        id: 1,
        previousEventId: 0,
        timestamp: new Date(at),
        type: 'ExecutionStarted',
        executionStartedEventDetails: {
          input: '{"name":"x"}',
          inputDetails: { truncated: false },
          roleArn: 'arn:aws:iam::000000000000:role/create-dataset-group',
        },
      },
      {
        id: 2,
        previousEventId: 1,
        timestamp: new Date(at + 1),
        type: 'ChoiceStateEntered',
        stateEnteredEventDetails: {
          name: 'Check',
          input: '{"name":"x"}',
          inputDetails: { truncated: false },
        },
      },
      {
        id: 3,
        previousEventId: 2,
        timestamp: new Date(at + 2),
        type: 'ChoiceStateExited',
        stateExitedEventDetails: {
          name: 'Check',
          output: '{"ok":1}',
          outputDetails: { truncated: false },
        },
      },
    ]);
  });

  it('records a failed Task attempt as TaskFailed with a Lambda-style cause, and nothing for its retry', () => {
    // Prepare
    const thrown = new RangeError('quota reached');

    // Act
    const events = historyOf([
      started,
      entered('CreateDatasetGroup', 'Task'),
      {
        type: 'StateFailed',
        timestamp: at + 2,
        state: { name: 'CreateDatasetGroup', type: 'Task', input: {} },
        Error: 'RangeError',
        Cause: thrown,
      },
      {
        type: 'StateRetried',
        timestamp: at + 3,
        state: { name: 'CreateDatasetGroup', type: 'Task', input: {} },
        retry: { retrier: { ErrorEquals: ['States.ALL'] }, attempt: 1 },
      },
    ]);

    // Assess
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskFailed',
    ]);
    expect(events[2]?.taskFailedEventDetails?.error).toBe('RangeError');
    expect(
      JSON.parse(events[2]?.taskFailedEventDetails?.cause ?? '{}'),
    ).toMatchObject({ errorType: 'RangeError', errorMessage: 'quota reached' });
  });

  it('ends a Fail state with ExecutionFailed only', () => {
    // Act
    const events = historyOf([
      started,
      entered('CreationFailed', 'Fail'),
      {
        type: 'StateFailed',
        timestamp: at + 2,
        state: { name: 'CreationFailed', type: 'Fail', input: {} },
        Error: 'DatasetGroupCreationFailed',
        Cause: 'CREATE FAILED',
      },
      {
        type: 'ExecutionFailed',
        timestamp: at + 3,
        Error: 'DatasetGroupCreationFailed',
        Cause: 'CREATE FAILED',
      },
    ]);

    // Assess
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'FailStateEntered',
      'ExecutionFailed',
    ]);
    expect(events[2]?.executionFailedEventDetails).toEqual({
      error: 'DatasetGroupCreationFailed',
      cause: 'CREATE FAILED',
    });
  });

  it.each([
    ['a Wait state', 'Wait', ['WaitStateAborted', 'ExecutionAborted']],
    ['a Task state', 'Task', ['TaskStateAborted', 'ExecutionAborted']],
    ['a Choice state', 'Choice', ['ExecutionAborted']],
  ] as const)('records an abort during %s', (_, type, expected) => {
    // Act
    const events = historyOf(
      [
        started,
        entered('Current', type),
        { type: 'ExecutionAborted', timestamp: at + 5 },
      ],
      { error: 'Operator.Cancelled' },
    );

    // Assess
    expect(events.slice(2).map((event) => event.type)).toEqual(expected);
    expect(events.at(-1)?.executionAbortedEventDetails).toEqual({
      error: 'Operator.Cancelled',
    });
  });

  it('records a timeout as ExecutionTimedOut with States.Timeout', () => {
    // Act
    const events = historyOf([
      started,
      { type: 'ExecutionTimeout', timestamp: at + 5 },
    ]);

    // Assess
    expect(events.at(-1)).toMatchObject({
      id: 2,
      type: 'ExecutionTimedOut',
      executionTimedOutEventDetails: { error: 'States.Timeout' },
    });
  });
});

describe('causeText', () => {
  it.each([
    ['a string', 'plain', 'plain'],
    ['nothing', undefined, undefined],
    ['an object', { code: 1 }, '{"code":1}'],
  ])('shows %s as Step Functions does', (_, cause, expected) => {
    // Act
    const text = causeText(cause);

    // Assess
    expect(text).toBe(expected);
  });
});
