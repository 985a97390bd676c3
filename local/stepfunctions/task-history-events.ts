import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { TaskAttempt, TaskTarget } from '../runtime/task-attempts.ts';

/** A history event before it gets its place (id, previousEventId). */
export type UnnumberedHistoryEvent = Omit<
  HistoryEvent,
  'id' | 'previousEventId'
>;

/** The library's account of a failed attempt (its StateFailed log). */
export interface StateFailure {
  error: string;
  cause: string | undefined;
  timestamp: number;
}

const untruncated = { truncated: false };

/** The error Step Functions records when a state's TimeoutSeconds fires. */
export const timeoutError = 'States.Timeout';

const serviceOf = (target: Extract<TaskTarget, { kind: 'service' }>) => ({
  resourceType: target.resourceType,
  resource: target.resource,
});

const timeoutOf = (attempt: TaskAttempt) =>
  attempt.timeoutSeconds === undefined
    ? {}
    : { timeoutInSeconds: attempt.timeoutSeconds };

const withCause = (error: string, cause: string | undefined) => ({
  error,
  ...(cause !== undefined && { cause }),
});

/*
 * The events one attempt of a Task writes, as Step Functions writes them.
 * Verified against histories recorded on AWS in LocalStack's snapshot
 * tests (tests/aws/services/stepfunctions/v2/, repository
 * localstack/localstack): error_handling/test_task_lambda and
 * scenarios/test_base_scenarios (test_lambda_invoke_with_retry_base) for
 * LambdaFunctionScheduled {resource, input, inputDetails} (no
 * timeoutInSeconds unless the state sets TimeoutSeconds: timeouts/
 * test_timeouts test_fixed_timeout_lambda, timeoutInSeconds 5),
 * LambdaFunctionStarted with no details, LambdaFunctionFailed {error,
 * cause}, LambdaFunctionTimedOut {error: States.Timeout} with no cause,
 * and one Scheduled/Started/Failed group per retry; services/
 * test_events_task_service for TaskScheduled {resourceType events,
 * resource putEvents, region, parameters} (no timeoutInSeconds without
 * TimeoutSeconds), TaskStarted/TaskSucceeded/TaskFailed carrying
 * {resourceType, resource}; timeouts/test_timeouts test_invoke_timeout
 * for TaskTimedOut {error, resource, resourceType}. The field sets match
 * the API reference (LambdaFunctionScheduledEventDetails,
 * TaskScheduledEventDetails, …, in botocore's stepfunctions model).
 */

/** Scheduled and Started, both at the moment the work was called. */
export const attemptStartedEvents = (
  attempt: TaskAttempt,
): UnnumberedHistoryEvent[] => {
  const timestamp = new Date(attempt.scheduledAt);
  const { target } = attempt;
  if (target.kind === 'lambda') {
    return [
      {
        timestamp,
        type: 'LambdaFunctionScheduled',
        lambdaFunctionScheduledEventDetails: {
          resource: target.functionArn,
          input: attempt.input,
          inputDetails: untruncated,
          ...timeoutOf(attempt),
        },
      },
      { timestamp, type: 'LambdaFunctionStarted' },
    ];
  }
  return [
    {
      timestamp,
      type: 'TaskScheduled',
      taskScheduledEventDetails: {
        ...serviceOf(target),
        region: target.region,
        parameters: attempt.input,
        ...timeoutOf(attempt),
      },
    },
    {
      timestamp,
      type: 'TaskStarted',
      taskStartedEventDetails: serviceOf(target),
    },
  ];
};

const succeeded = (
  attempt: TaskAttempt,
  output: string,
  timestamp: Date,
): UnnumberedHistoryEvent =>
  attempt.target.kind === 'lambda'
    ? {
        timestamp,
        type: 'LambdaFunctionSucceeded',
        lambdaFunctionSucceededEventDetails: {
          output,
          outputDetails: untruncated,
        },
      }
    : {
        timestamp,
        type: 'TaskSucceeded',
        taskSucceededEventDetails: {
          ...serviceOf(attempt.target),
          output,
          outputDetails: untruncated,
        },
      };

const failed = (
  attempt: TaskAttempt,
  error: string,
  cause: string | undefined,
  timestamp: Date,
): UnnumberedHistoryEvent =>
  attempt.target.kind === 'lambda'
    ? {
        timestamp,
        type: 'LambdaFunctionFailed',
        lambdaFunctionFailedEventDetails: withCause(error, cause),
      }
    : {
        timestamp,
        type: 'TaskFailed',
        taskFailedEventDetails: {
          ...serviceOf(attempt.target),
          ...withCause(error, cause),
        },
      };

const timedOut = (
  attempt: TaskAttempt,
  timestamp: Date,
): UnnumberedHistoryEvent =>
  attempt.target.kind === 'lambda'
    ? {
        timestamp,
        type: 'LambdaFunctionTimedOut',
        lambdaFunctionTimedOutEventDetails: { error: timeoutError },
      }
    : {
        timestamp,
        type: 'TaskTimedOut',
        taskTimedOutEventDetails: {
          ...serviceOf(attempt.target),
          error: timeoutError,
        },
      };

/**
 * How the attempt ended. `failure` is the library's StateFailed for the
 * state, absent when the state exited. The library decides a timeout
 * (it races the work against TimeoutSeconds), so a timed-out attempt is
 * TimedOut even if its handler answered later; otherwise the binding's
 * own record of the answer is used. Undefined when there is nothing to
 * tell (an exit with no recorded answer cannot happen with the bindings).
 */
export const attemptEndedEvent = (
  attempt: TaskAttempt,
  failure: StateFailure | undefined,
): UnnumberedHistoryEvent | undefined => {
  if (failure?.error === timeoutError) {
    return timedOut(attempt, new Date(failure.timestamp));
  }
  const { outcome } = attempt;
  if (outcome?.status === 'succeeded') {
    return succeeded(attempt, outcome.output, new Date(outcome.at));
  }
  if (outcome?.status === 'failed') {
    return failed(attempt, outcome.error, outcome.cause, new Date(outcome.at));
  }
  return failure === undefined
    ? undefined
    : failed(
        attempt,
        failure.error,
        failure.cause,
        new Date(failure.timestamp),
      );
};
