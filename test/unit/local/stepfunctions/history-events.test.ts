import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { StateMachine } from 'aws-local-stepfunctions';
import { describe, expect, it } from 'vitest';
import { bindLambdaHandler } from '#local/runtime/lambda-binding.ts';
import {
  recordTaskAttempts,
  type TaskAttempt,
  TaskAttemptLog,
  type TaskTarget,
} from '#local/runtime/task-attempts.ts';
import type { ExecutionEventLog } from '#local/runtime/workflow-runner.ts';
import { causeText, ExecutionHistory } from '#local/stepfunctions/index.ts';

/**
 * The mapping of aws-local-stepfunctions event logs, and of the attempts
 * the task bindings record, to Step Functions history events.
 */
const at = Date.UTC(2026, 10, 25, 12);
const roleArn = 'arn:aws:iam::000000000000:role/create-dataset-group';
const functionArn =
  'arn:aws:lambda:us-east-1:000000000000:function:create-dataset-group';
const lambda: TaskTarget = { kind: 'lambda', functionArn };
const putEvents: TaskTarget = {
  kind: 'service',
  resourceType: 'events',
  resource: 'putEvents',
  region: 'us-east-1',
};

const historyOf = (
  logs: ExecutionEventLog[],
  options: {
    attempts?: TaskAttemptLog;
    stopRequest?: { error?: string; cause?: string };
  } = {},
) => {
  const history = new ExecutionHistory({
    input: '{"name":"x"}',
    roleArn,
    stopRequest: () => options.stopRequest,
    ...(options.attempts !== undefined && { taskAttempts: options.attempts }),
  });
  for (const log of logs) history.append(log);
  return history.events;
};

const typesOf = (events: readonly HistoryEvent[]) =>
  events.map((event) => event.type);

const started: ExecutionEventLog = {
  type: 'ExecutionStarted',
  timestamp: at,
  input: { name: 'x' },
};

type StateType = 'Task' | 'Wait' | 'Choice' | 'Fail';

const state = (name: string, type: StateType) => ({
  name,
  type,
  input: { name: 'x' },
});

const entered = (name: string, type: StateType, offset = 1) =>
  ({
    type: 'StateEntered',
    timestamp: at + offset,
    state: state(name, type),
  }) satisfies ExecutionEventLog;

const exited = (name: string, type: StateType, offset: number) =>
  ({
    type: 'StateExited',
    timestamp: at + offset,
    state: { ...state(name, type), output: { ok: 1 } },
  }) satisfies ExecutionEventLog;

const failedState = (name: string, error: string, offset: number) =>
  ({
    type: 'StateFailed',
    timestamp: at + offset,
    state: state(name, 'Task'),
    Error: error,
    Cause: `${error} happened`,
  }) satisfies ExecutionEventLog;

const retried = (name: string, offset: number) =>
  ({
    type: 'StateRetried',
    timestamp: at + offset,
    state: state(name, 'Task'),
    retry: { retrier: { ErrorEquals: ['States.ALL'] }, attempt: 1 },
  }) satisfies ExecutionEventLog;

/** An attempt the binding began, answered as `outcome`. */
const attemptOf = (
  attempts: TaskAttemptLog,
  stateName: string,
  target: TaskTarget,
  outcome: TaskAttempt['outcome'],
  timeoutSeconds?: number,
): TaskAttempt => {
  const attempt = attempts.begin({
    stateName,
    target,
    input: '{"request":{"name":"x"}}',
    ...(timeoutSeconds !== undefined && { timeoutSeconds }),
  });
  if (outcome !== undefined) attempt.outcome = outcome;
  return attempt;
};

const lambdaFailure = JSON.stringify({
  errorType: 'PersonalizeThrottledError',
  errorMessage: 'slow down',
  trace: [],
});

describe('ExecutionHistory', () => {
  it('numbers the events from 1 with previousEventId as the service sets it', () => {
    // Act
    const events = historyOf([
      started,
      entered('Check', 'Choice'),
      exited('Check', 'Choice', 2),
      entered('Again', 'Choice', 3),
    ]);

    // Assess: the first state entered points at 0, the rest at the event
    // before them.
    expect(events).toEqual([
      {
        id: 1,
        previousEventId: 0,
        timestamp: new Date(at),
        type: 'ExecutionStarted',
        executionStartedEventDetails: {
          input: '{"name":"x"}',
          inputDetails: { truncated: false },
          roleArn,
        },
      },
      {
        id: 2,
        previousEventId: 0,
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
      expect.objectContaining({ id: 4, previousEventId: 3 }),
    ]);
  });

  it('writes a Lambda attempt as Scheduled, Started and Succeeded between the state’s Entered and Exited', () => {
    // Prepare
    const attempts = new TaskAttemptLog();
    const attempt = attemptOf(
      attempts,
      'CreateDatasetGroup',
      lambda,
      { status: 'succeeded', output: '{"ok":true}', at: at + 5 },
      60,
    );

    // Act
    const events = historyOf(
      [
        started,
        entered('CreateDatasetGroup', 'Task'),
        exited('CreateDatasetGroup', 'Task', 6),
      ],
      { attempts },
    );

    // Assess
    expect(typesOf(events)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
    ]);
    expect(events.slice(2, 5)).toEqual([
      {
        id: 3,
        previousEventId: 2,
        timestamp: new Date(attempt.scheduledAt),
        type: 'LambdaFunctionScheduled',
        lambdaFunctionScheduledEventDetails: {
          resource: functionArn,
          input: '{"request":{"name":"x"}}',
          inputDetails: { truncated: false },
          timeoutInSeconds: 60,
        },
      },
      {
        id: 4,
        previousEventId: 3,
        timestamp: new Date(attempt.scheduledAt),
        type: 'LambdaFunctionStarted',
      },
      {
        id: 5,
        previousEventId: 4,
        timestamp: new Date(at + 5),
        type: 'LambdaFunctionSucceeded',
        lambdaFunctionSucceededEventDetails: {
          output: '{"ok":true}',
          outputDetails: { truncated: false },
        },
      },
    ]);
  });

  it('writes each retried attempt as its own Scheduled, Started and Failed group, in order', () => {
    // Prepare
    const attempts = new TaskAttemptLog();
    for (const offset of [2, 4]) {
      attemptOf(attempts, 'CreateDatasetGroup', lambda, {
        status: 'failed',
        error: 'PersonalizeThrottledError',
        cause: lambdaFailure,
        at: at + offset,
      });
    }
    attemptOf(attempts, 'CreateDatasetGroup', lambda, {
      status: 'succeeded',
      output: '{}',
      at: at + 7,
    });

    // Act
    const events = historyOf(
      [
        started,
        entered('CreateDatasetGroup', 'Task'),
        failedState('CreateDatasetGroup', 'PersonalizeThrottledError', 2),
        retried('CreateDatasetGroup', 3),
        failedState('CreateDatasetGroup', 'PersonalizeThrottledError', 4),
        retried('CreateDatasetGroup', 5),
        exited('CreateDatasetGroup', 'Task', 8),
      ],
      { attempts },
    );

    // Assess
    const attempt = ['Scheduled', 'Started'].map(
      (step) => `LambdaFunction${step}`,
    );
    expect(typesOf(events)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      ...attempt,
      'LambdaFunctionFailed',
      ...attempt,
      'LambdaFunctionFailed',
      ...attempt,
      'LambdaFunctionSucceeded',
      'TaskStateExited',
    ]);
    expect(events[4]?.lambdaFunctionFailedEventDetails).toEqual({
      error: 'PersonalizeThrottledError',
      cause: lambdaFailure,
    });
    expect(events.map((event) => event.previousEventId)).toEqual(
      events.map((_, index) => (index === 1 ? 0 : index)),
    );
  });

  it('writes a timed-out attempt as LambdaFunctionTimedOut, even when its answer came later', () => {
    // Prepare: the handler answered after the state's TimeoutSeconds fired
    // but before the history read the StateFailed.
    const attempts = new TaskAttemptLog();
    attemptOf(attempts, 'DescribeDatasetGroup', lambda, {
      status: 'succeeded',
      output: '{"late":true}',
      at: at + 9,
    });

    // Act
    const events = historyOf(
      [
        started,
        entered('DescribeDatasetGroup', 'Task'),
        failedState('DescribeDatasetGroup', 'States.Timeout', 8),
        {
          type: 'ExecutionFailed',
          timestamp: at + 10,
          Error: 'States.Timeout',
          Cause: 'States.Timeout',
        },
      ],
      { attempts },
    );

    // Assess
    expect(typesOf(events).slice(-2)).toEqual([
      'LambdaFunctionTimedOut',
      'ExecutionFailed',
    ]);
    expect(events.at(-2)).toMatchObject({
      timestamp: new Date(at + 8),
      lambdaFunctionTimedOutEventDetails: { error: 'States.Timeout' },
    });
    expect(events.at(-1)?.executionFailedEventDetails).toEqual({
      error: 'States.Timeout',
    });
    expect(typesOf(events)).not.toContain('LambdaFunctionSucceeded');
  });

  it('writes a service integration attempt as TaskScheduled, TaskStarted and TaskFailed, then the catch’s TaskStateExited', () => {
    // Prepare
    const attempts = new TaskAttemptLog();
    const response = '{"Entries":[{"ErrorCode":"x"}],"FailedEntryCount":1}';
    attemptOf(attempts, 'PublishCreationStarted', putEvents, {
      status: 'failed',
      error: 'EventBridge.FailedEntry',
      cause: response,
      at: at + 2,
    });

    // Act
    const events = historyOf(
      [
        started,
        entered('PublishCreationStarted', 'Task'),
        failedState('PublishCreationStarted', 'EventBridge.FailedEntry', 3),
        {
          type: 'StateCaught',
          timestamp: at + 3,
          state: state('PublishCreationStarted', 'Task'),
          catch: { catcher: { ErrorEquals: ['States.ALL'], Next: 'Next' } },
        },
        exited('PublishCreationStarted', 'Task', 4),
      ],
      { attempts },
    );

    // Assess
    const service = { resourceType: 'events', resource: 'putEvents' };
    expect(events.slice(2).map(({ id, timestamp, ...event }) => event)).toEqual(
      [
        {
          previousEventId: 2,
          type: 'TaskScheduled',
          taskScheduledEventDetails: {
            ...service,
            region: 'us-east-1',
            parameters: '{"request":{"name":"x"}}',
          },
        },
        {
          previousEventId: 3,
          type: 'TaskStarted',
          taskStartedEventDetails: service,
        },
        {
          previousEventId: 4,
          type: 'TaskFailed',
          taskFailedEventDetails: {
            ...service,
            error: 'EventBridge.FailedEntry',
            cause: response,
          },
        },
        {
          previousEventId: 5,
          type: 'TaskStateExited',
          stateExitedEventDetails: {
            name: 'PublishCreationStarted',
            output: '{"ok":1}',
            outputDetails: { truncated: false },
          },
        },
      ],
    );
  });

  it('writes no attempt events for a Task that failed before calling its work', () => {
    // Act
    const events = historyOf(
      [
        started,
        entered('CreateDatasetGroup', 'Task'),
        failedState('CreateDatasetGroup', 'States.Runtime', 2),
        {
          type: 'ExecutionFailed',
          timestamp: at + 3,
          Error: 'States.Runtime',
          Cause: 'Path expression does not point to a value',
        },
      ],
      { attempts: new TaskAttemptLog() },
    );

    // Assess
    expect(typesOf(events)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ExecutionFailed',
    ]);
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
    expect(typesOf(events)).toEqual([
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
    ['a Wait state', 'Wait', [] as string[]],
    ['a Choice state', 'Choice', [] as string[]],
    [
      'a Lambda Task',
      'Task',
      ['LambdaFunctionScheduled', 'LambdaFunctionStarted'],
    ],
  ] as const)(
    'records an abort during %s as ExecutionAborted only, pointing at 0',
    (_, type, running) => {
      // Prepare: a Lambda still running has begun and not answered.
      const attempts = new TaskAttemptLog();
      attemptOf(attempts, 'Current', lambda, undefined);

      // Act
      const events = historyOf(
        [
          started,
          entered('Current', type),
          { type: 'ExecutionAborted', timestamp: at + 5 },
        ],
        { attempts, stopRequest: { error: 'Operator.Cancelled' } },
      );

      // Assess
      expect(typesOf(events).slice(2)).toEqual([
        ...running,
        'ExecutionAborted',
      ]);
      expect(events.at(-1)).toMatchObject({
        previousEventId: 0,
        executionAbortedEventDetails: { error: 'Operator.Cancelled' },
      });
    },
  );

  it('records a timeout as ExecutionTimedOut with States.Timeout', () => {
    // Act
    const events = historyOf([
      started,
      { type: 'ExecutionTimeout', timestamp: at + 5 },
    ]);

    // Assess
    expect(events.at(-1)).toMatchObject({
      id: 2,
      previousEventId: 1,
      type: 'ExecutionTimedOut',
      executionTimedOutEventDetails: { error: 'States.Timeout' },
    });
  });
});

/**
 * The real ordering: aws-local-stepfunctions runs the Task states with
 * recording bindings and the history is drained from its event logs, as
 * the registry does (concurrently, so it lags the run).
 */
describe('ExecutionHistory of a run of aws-local-stepfunctions', () => {
  const definition = {
    StartAt: 'Create',
    States: {
      Create: {
        Type: 'Task',
        Resource: functionArn,
        TimeoutSeconds: 30,
        Retry: [{ ErrorEquals: ['Throttled'], MaxAttempts: 3 }],
        Next: 'Publish',
      },
      Publish: {
        Type: 'Task',
        Resource: 'arn:aws:states:::events:putEvents',
        Parameters: { Entries: [{ 'Detail.$': '$' }] },
        ResultPath: null,
        Next: 'Slow',
      },
      Slow: {
        Type: 'Task',
        Resource: functionArn,
        TimeoutSeconds: 1,
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
        End: true,
      },
      Done: { Type: 'Succeed' },
    },
  } as const;

  const throttled = () =>
    Object.assign(new Error('slow down'), { name: 'Throttled' });

  const run = async () => {
    const attempts = new TaskAttemptLog();
    let creates = 0;
    let answerLate = () => {};
    const lateAnswer = new Promise<void>((resolve) => {
      answerLate = resolve;
    });
    const task = (stateName: string, target: TaskTarget, handler: never) =>
      recordTaskAttempts(
        attempts,
        {
          stateName,
          target,
          timeoutSeconds: (
            definition.States[stateName as 'Create'] as {
              TimeoutSeconds?: number;
            }
          ).TimeoutSeconds,
        },
        handler,
      );
    const execution = new StateMachine(definition as never).run(
      { name: 'x' },
      {
        overrides: {
          taskResourceLocalHandlers: {
            Create: task('Create', lambda, (async () => {
              creates += 1;
              if (creates < 3) throw throttled();
              return { created: true };
            }) as never),
            Publish: task('Publish', putEvents, (async () => ({
              Entries: [{ EventId: 'e-1' }],
              FailedEntryCount: 0,
            })) as never),
            Slow: task('Slow', lambda, (async () => {
              await new Promise((resolve) => setTimeout(resolve, 1_100));
              answerLate();
              return { late: true };
            }) as never),
          },
          retryIntervalOverrides: { Create: 0 },
        },
      },
    );
    const history = new ExecutionHistory({
      input: '{"name":"x"}',
      roleArn,
      stopRequest: () => undefined,
      taskAttempts: attempts,
    });
    const drained = (async () => {
      for await (const log of execution.eventLogs) history.append(log);
    })();
    await execution.result;
    await drained;
    await lateAnswer;
    return history.events;
  };

  it('puts every attempt between its state’s Entered and Exited, retries in order, and a late answer after a timeout nowhere', async () => {
    // Act
    const events = await run();

    // Assess
    const lambdaAttempt = ['LambdaFunctionScheduled', 'LambdaFunctionStarted'];
    expect(typesOf(events)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      ...lambdaAttempt,
      'LambdaFunctionFailed',
      ...lambdaAttempt,
      'LambdaFunctionFailed',
      ...lambdaAttempt,
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'TaskStateEntered',
      ...lambdaAttempt,
      'LambdaFunctionTimedOut',
      'TaskStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[2]?.lambdaFunctionScheduledEventDetails).toEqual({
      resource: functionArn,
      input: '{"name":"x"}',
      inputDetails: { truncated: false },
      timeoutInSeconds: 30,
    });
    expect(events[4]?.lambdaFunctionFailedEventDetails).toMatchObject({
      error: 'Throttled',
    });
    expect(
      events.find((event) => event.type === 'TaskScheduled')
        ?.taskScheduledEventDetails?.parameters,
    ).toBe('{"Entries":[{"Detail":{"created":true}}]}');
    const timestamps = events.map((event) => event.timestamp?.getTime() ?? 0);
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
  });
});

describe('ExecutionHistory of a Lambda failure nothing catches', () => {
  it('ends with ExecutionFailed carrying the LambdaFunctionFailed error and cause', async () => {
    // Prepare: the real Lambda binding, a handler that throws.
    const attempts = new TaskAttemptLog();
    const handler = bindLambdaHandler(async () => {
      throw new RangeError('quota reached');
    }, 'create-dataset-group');
    const execution = new StateMachine({
      StartAt: 'Create',
      States: { Create: { Type: 'Task', Resource: functionArn, End: true } },
    } as never).run(
      { name: 'x' },
      {
        overrides: {
          taskResourceLocalHandlers: {
            Create: recordTaskAttempts(
              attempts,
              { stateName: 'Create', target: lambda },
              handler,
            ),
          },
        },
      },
    );
    const history = new ExecutionHistory({
      input: '{"name":"x"}',
      roleArn,
      stopRequest: () => undefined,
      taskAttempts: attempts,
    });

    // Act
    await execution.result.catch(() => undefined);
    for await (const log of execution.eventLogs) history.append(log);

    // Assess
    const events = history.events;
    expect(typesOf(events).slice(-2)).toEqual([
      'LambdaFunctionFailed',
      'ExecutionFailed',
    ]);
    const failed = events.at(-2)?.lambdaFunctionFailedEventDetails;
    expect(failed?.error).toBe('RangeError');
    expect(JSON.parse(failed?.cause ?? '{}')).toMatchObject({
      errorType: 'RangeError',
      errorMessage: 'quota reached',
    });
    expect(events.at(-1)?.executionFailedEventDetails).toEqual(failed);
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
