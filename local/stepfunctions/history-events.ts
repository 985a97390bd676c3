import type { HistoryEvent, HistoryEventType } from '@aws-sdk/client-sfn';
import type { ExecutionEventLog } from '../runtime/workflow-runner.ts';

/** A history event before it gets its place (id, previousEventId). */
export type UnnumberedHistoryEvent = Omit<
  HistoryEvent,
  'id' | 'previousEventId'
>;

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
}

/** States whose abort the service records as `<Type>StateAborted`. */
const abortedEventTypes = {
  Task: 'TaskStateAborted',
  Wait: 'WaitStateAborted',
  Map: 'MapStateAborted',
  Parallel: 'ParallelStateAborted',
} as const satisfies Record<string, HistoryEventType>;

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
  const text = causeText(cause);
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
 * event(s) it stands for: `<Type>StateEntered/Exited` per state type,
 * `TaskFailed` for a failed Task attempt, `Execution*` with their details.
 * Retries and catches have no event of their own; a state failure outside
 * a Task surfaces as ExecutionFailed.
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
    case 'StateFailed':
      if (log.state.type !== 'Task') return [];
      return [
        {
          timestamp,
          type: 'TaskFailed',
          taskFailedEventDetails: {
            // The runner hides the Task's Resource from the registry.
            resourceType: undefined,
            resource: undefined,
            ...errorDetails(log.Error, log.Cause),
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
      // StateRetried, StateCaught, ParallelBranch*: no event of their own.
      return [];
  }
};

/**
 * The history of one execution, built as its event logs arrive: events
 * numbered from 1, each pointing at the one before, and the state that
 * was running when the execution was aborted recorded as aborted.
 */
export class ExecutionHistory {
  readonly #events: HistoryEvent[] = [];
  readonly #context: HistoryContext;
  /** The type of the state entered and not yet exited. */
  #openStateType: string | undefined;

  constructor(context: HistoryContext) {
    this.#context = context;
  }

  get events(): readonly HistoryEvent[] {
    return this.#events;
  }

  append(log: ExecutionEventLog): void {
    if (log.type === 'StateEntered') this.#openStateType = log.state.type;
    if (log.type === 'StateExited') this.#openStateType = undefined;
    const aborted =
      abortedEventTypes[this.#openStateType as keyof typeof abortedEventTypes];
    if (log.type === 'ExecutionAborted' && aborted !== undefined) {
      this.#push({ timestamp: new Date(log.timestamp), type: aborted });
    }
    for (const event of toHistoryEvents(log, this.#context)) this.#push(event);
  }

  #push(event: UnnumberedHistoryEvent): void {
    const id = this.#events.length + 1;
    this.#events.push({ ...event, id, previousEventId: id - 1 });
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
    }
  }
  return copy;
};
