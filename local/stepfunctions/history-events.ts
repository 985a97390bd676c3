import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type {
  TaskAttempt,
  TaskAttemptSource,
} from '../runtime/task-attempts.ts';
import type { ExecutionEventLog } from '../runtime/workflow-runner.ts';
import {
  attemptEndedEvent,
  attemptStartedEvents,
  timeoutError,
  type UnnumberedHistoryEvent,
} from './task-history-events.ts';

export type { UnnumberedHistoryEvent } from './task-history-events.ts';

/** How the execution was stopped, for the ExecutionAborted details. */
export interface StopRequest {
  error?: string;
  cause?: string;
}

/** What the event logs do not carry but the history shows. */
export interface HistoryContext {
  /** The execution input exactly as StartExecution received it. */
  input: string;
  roleArn: string;
  stopRequest: () => StopRequest | undefined;
  /** The attempts the execution's task bindings recorded, if any. */
  taskAttempts?: TaskAttemptSource;
  /** Hears of every event as it is appended (to store it). */
  onAppend?: (event: HistoryEvent) => void;
}

const untruncated = { truncated: false };

/** A Cause as Step Functions shows it: a string, Lambda-style for errors. */
export const causeText = (cause: unknown): string | undefined => {
  if (cause === undefined || cause === null) return undefined;
  if (typeof cause === 'string') return cause;
  if (cause instanceof Error) {
    return JSON.stringify({
      errorType: cause.name,
      errorMessage: cause.message,
      trace: (cause.stack ?? '').split('\n'),
    });
  }
  return JSON.stringify(cause);
};

const errorDetails = (error: string | undefined, cause: unknown) => {
  // A timeout has no cause in the service's history (the library gives
  // its error's message, "States.Timeout").
  const text = error === timeoutError ? undefined : causeText(cause);
  return {
    ...(error !== undefined && { error }),
    ...(text !== undefined && { cause: text }),
  };
};

const mapIteration = (log: {
  parentState: { name: string };
  index: number;
}) => ({ name: log.parentState.name, index: log.index });

/**
 * One aws-local-stepfunctions event log as the Step Functions history
 * event(s) it stands for, leaving out what the Task attempts add (see
 * ExecutionHistory): `<Type>StateEntered/Exited` per state type and
 * `Execution*` with their details. Retries and catches have no event of
 * their own; a state failure surfaces through its Task's attempt events
 * or as ExecutionFailed.
 */
export const toHistoryEvents = (
  log: ExecutionEventLog,
  context: HistoryContext,
): UnnumberedHistoryEvent[] => {
  const timestamp = new Date(log.timestamp);
  switch (log.type) {
    case 'ExecutionStarted':
      return [
        {
          timestamp,
          type: 'ExecutionStarted',
          executionStartedEventDetails: {
            input: context.input,
            inputDetails: untruncated,
            roleArn: context.roleArn,
          },
        },
      ];
    case 'ExecutionSucceeded':
      return [
        {
          timestamp,
          type: 'ExecutionSucceeded',
          executionSucceededEventDetails: {
            output: JSON.stringify(log.output ?? null),
            outputDetails: untruncated,
          },
        },
      ];
    case 'ExecutionFailed':
      return [
        {
          timestamp,
          type: 'ExecutionFailed',
          executionFailedEventDetails: errorDetails(log.Error, log.Cause),
        },
      ];
    case 'ExecutionAborted': {
      const stop = context.stopRequest() ?? {};
      return [
        {
          timestamp,
          type: 'ExecutionAborted',
          executionAbortedEventDetails: errorDetails(stop.error, stop.cause),
        },
      ];
    }
    case 'ExecutionTimeout':
      return [
        {
          timestamp,
          type: 'ExecutionTimedOut',
          executionTimedOutEventDetails: { error: 'States.Timeout' },
        },
      ];
    case 'StateEntered':
      return [
        {
          timestamp,
          type: `${log.state.type}StateEntered`,
          stateEnteredEventDetails: {
            name: log.state.name,
            input: JSON.stringify(log.state.input ?? null),
            inputDetails: untruncated,
          },
        },
      ];
    case 'StateExited':
      // Fail states end the execution: the service has no FailStateExited.
      if (log.state.type === 'Fail') return [];
      return [
        {
          timestamp,
          type: `${log.state.type}StateExited`,
          stateExitedEventDetails: {
            name: log.state.name,
            output: JSON.stringify(log.state.output ?? null),
            outputDetails: untruncated,
          },
        },
      ];
    case 'MapIterationStarted':
      return [
        {
          timestamp,
          type: log.type,
          mapIterationStartedEventDetails: mapIteration(log),
        },
      ];
    case 'MapIterationSucceeded':
      return [
        {
          timestamp,
          type: log.type,
          mapIterationSucceededEventDetails: mapIteration(log),
        },
      ];
    case 'MapIterationFailed':
      return [
        {
          timestamp,
          type: log.type,
          mapIterationFailedEventDetails: mapIteration(log),
        },
      ];
    default:
      // StateFailed, StateRetried, StateCaught, ParallelBranch*: no event
      // of their own.
      return [];
  }
};

/**
 * previousEventId as the service sets it in a history without Parallel or
 * Map states (verified on the histories recorded on AWS in LocalStack's
 * tests/aws/services/stepfunctions/v2 snapshots): the event before, except
 * 0 for the first state entered (it follows ExecutionStarted) and for
 * ExecutionAborted (test_sfn_api test_stop_execution: WaitStateEntered,
 * then ExecutionAborted with previousEventId 0).
 */
const previousEventIdOf = (
  event: UnnumberedHistoryEvent,
  previous: HistoryEvent | undefined,
): number => {
  if (event.type === 'ExecutionAborted') return 0;
  if (
    event.type?.endsWith('StateEntered') &&
    previous?.type === 'ExecutionStarted'
  ) {
    return 0;
  }
  return previous?.id ?? 0;
};

/**
 * The history of one execution, built as its event logs arrive: events
 * numbered from 1 with previousEventId as the service sets it, and for
 * each attempt of a Task (the first and every retry) the events the
 * service writes between the state's Entered and its Exited or the
 * execution's failure: LambdaFunctionScheduled, LambdaFunctionStarted,
 * then LambdaFunctionSucceeded, LambdaFunctionFailed or
 * LambdaFunctionTimedOut for a Lambda function; TaskScheduled,
 * TaskStarted, then TaskSucceeded, TaskFailed or TaskTimedOut for a
 * service integration. The attempts come from the task bindings
 * (TaskAttemptLog explains why they pair with the event logs). An abort
 * writes ExecutionAborted only, as the service does for a top-level
 * state (verified for a Wait; inferred for a Task).
 *
 * Every event is appended through one method, #appendEvent (the place
 * to store each event as it comes), and is plain JSON apart from its
 * `timestamp` (a Date).
 */
export class ExecutionHistory {
  readonly #events: HistoryEvent[];
  readonly #context: HistoryContext;
  /** The attempt of the Task state running now, once claimed. */
  #attempt: TaskAttempt | undefined;
  /** A run again from the start: its ExecutionStarted is written already. */
  #rerun = false;
  #taskAttempts: TaskAttemptSource | undefined;

  /** `events`: the history so far, of an execution found in storage. */
  constructor(context: HistoryContext, events: readonly HistoryEvent[] = []) {
    this.#context = context;
    this.#events = [...events];
    this.#taskAttempts = context.taskAttempts;
  }

  get events(): readonly HistoryEvent[] {
    return this.#events;
  }

  /**
   * The execution runs again from its start after the stack stopped under
   * it: ExecutionRedriven with the count, then the new run's events (its
   * ExecutionStarted is the one written already).
   */
  redrive(
    redriveCount: number,
    timestamp: Date,
    taskAttempts: TaskAttemptSource,
  ): void {
    this.#attempt = undefined;
    this.#rerun = true;
    this.#taskAttempts = taskAttempts;
    this.#appendEvent({
      timestamp,
      type: 'ExecutionRedriven',
      executionRedrivenEventDetails: { redriveCount },
    });
  }

  /** Takes one event log of the execution, in the order it was written. */
  append(log: ExecutionEventLog): void {
    if (this.#rerun && log.type === 'ExecutionStarted') return;
    const isTask = 'state' in log && log.state.type === 'Task';
    if (isTask && log.type === 'StateFailed') {
      this.#endAttempt({
        error: log.Error,
        cause: causeText(log.Cause),
        timestamp: log.timestamp,
      });
    }
    if (isTask && log.type === 'StateExited') this.#endAttempt(undefined);
    for (const event of toHistoryEvents(log, this.#context)) {
      this.#appendEvent(event);
    }
    if (
      isTask &&
      (log.type === 'StateEntered' || log.type === 'StateRetried')
    ) {
      this.#attempt = this.#taskAttempts?.claim(log.state.name);
      for (const event of this.#attempt === undefined
        ? []
        : attemptStartedEvents(this.#attempt)) {
        this.#appendEvent(event);
      }
    }
  }

  #endAttempt(failure: Parameters<typeof attemptEndedEvent>[1]): void {
    const attempt = this.#attempt;
    this.#attempt = undefined;
    const ended =
      attempt === undefined ? undefined : attemptEndedEvent(attempt, failure);
    if (ended !== undefined) this.#appendEvent(ended);
  }

  /** The one way in: numbers the event and links it to the one before. */
  #appendEvent(event: UnnumberedHistoryEvent): void {
    const previous = this.#events.at(-1);
    const numbered: HistoryEvent = {
      ...event,
      id: this.#events.length + 1,
      previousEventId: previousEventIdOf(event, previous),
    };
    this.#events.push(numbered);
    this.#context.onAppend?.(numbered);
  }
}

/** A copy of `event` whose details carry no input or output. */
export const withoutExecutionData = (event: HistoryEvent): HistoryEvent => {
  const copy = structuredClone(event);
  for (const value of Object.values(copy)) {
    if (
      typeof value === 'object' &&
      value !== null &&
      !(value instanceof Date)
    ) {
      delete (value as { input?: unknown }).input;
      delete (value as { output?: unknown }).output;
      // A service task's parameters are its input (inferred: the API
      // reference only says "input or output of a history event").
      delete (value as { parameters?: unknown }).parameters;
    }
  }
  return copy;
};
