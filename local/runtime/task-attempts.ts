import type { TaskHandler } from './task-handler.ts';

/**
 * What a Task state calls, as its history events name it: a Lambda
 * function given by its ARN (LambdaFunction* events), or a service
 * integration `arn:aws:states:::<service>:<action>` (Task* events, with
 * resourceType <service> and resource <action>).
 */
export type TaskTarget =
  | { kind: 'lambda'; functionArn: string }
  | { kind: 'service'; resourceType: string; resource: string; region: string };

const lambdaFunctionArn =
  /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/;
const serviceIntegration = /^arn:aws[a-z-]*:states:::([a-z0-9-]+):(.+)$/;

/**
 * The target of a Task whose Resource is `resourceArn`; service
 * integrations run in the state machine's `region`. Undefined for any
 * other Resource (an activity, say).
 */
export const taskTargetOf = (
  resourceArn: string,
  region: string,
): TaskTarget | undefined => {
  if (lambdaFunctionArn.test(resourceArn)) {
    return { kind: 'lambda', functionArn: resourceArn };
  }
  const [, resourceType, resource] = serviceIntegration.exec(resourceArn) ?? [];
  return resourceType === undefined || resource === undefined
    ? undefined
    : { kind: 'service', resourceType, resource, region };
};

/** How an attempt ended, as the task binding saw it. */
export type TaskAttemptOutcome =
  | { status: 'succeeded'; output: string; at: number }
  | { status: 'failed'; error: string; cause?: string; at: number };

/**
 * One call of a Task's work (the first or a retry), recorded by the task
 * binding the moment aws-local-stepfunctions makes it. Plain JSON; times
 * are epoch milliseconds.
 */
export interface TaskAttempt {
  readonly stateName: string;
  readonly target: TaskTarget;
  /** The effective input (Parameters applied) as JSON text. */
  readonly input: string;
  /** The state's TimeoutSeconds, when the definition sets one. */
  readonly timeoutSeconds?: number;
  readonly scheduledAt: number;
  /**
   * Set when the work answers, even after the state timed out: whether
   * the answer counts is the history's call (the event log's timeout
   * wins).
   */
  outcome?: TaskAttemptOutcome;
}

/** Where a history finds the attempts of one execution, in call order. */
export interface TaskAttemptSource {
  /** The oldest attempt of `stateName` nobody has claimed yet. */
  claim(stateName: string): TaskAttempt | undefined;
}

/**
 * The attempts of one execution's Task states, queued per state in call
 * order until a history claims them.
 *
 * Why a history can pair them with the library's event logs: the library
 * calls a Task's handler synchronously, in the same turn as it dispatches
 * the StateEntered (first attempt) or StateRetried (a retry) before it,
 * and dispatches StateFailed or StateExited only after the handler's
 * promise settled (or the state's TimeoutSeconds fired). The event logs
 * are drained asynchronously, so by the time a reader meets that
 * StateEntered or StateRetried the attempt it announces is already here,
 * and its outcome is here by the time the reader meets the StateFailed or
 * StateExited that follows (except after a timeout, which only the event
 * log tells). A state whose input processing fails (States.Runtime, which
 * ends the execution) calls no handler and leaves no attempt.
 */
export class TaskAttemptLog implements TaskAttemptSource {
  readonly #unclaimed = new Map<string, TaskAttempt[]>();

  /** Records that `stateName` called its work now. */
  begin(attempt: Omit<TaskAttempt, 'scheduledAt' | 'outcome'>): TaskAttempt {
    const begun: TaskAttempt = { ...attempt, scheduledAt: Date.now() };
    const queue = this.#unclaimed.get(attempt.stateName) ?? [];
    queue.push(begun);
    this.#unclaimed.set(attempt.stateName, queue);
    return begun;
  }

  claim(stateName: string): TaskAttempt | undefined {
    return this.#unclaimed.get(stateName)?.shift();
  }
}

const jsonText = (value: unknown): string => JSON.stringify(value ?? null);

/**
 * Wraps a Task's handler so that each call is recorded in `log` as an
 * attempt: begun before the handler runs (synchronously, see
 * TaskAttemptLog), then settled with the output, or with the error's name
 * and message (a Lambda failure's message is its JSON cause).
 */
export const recordTaskAttempts =
  (
    log: TaskAttemptLog,
    task: {
      stateName: string;
      target: TaskTarget;
      timeoutSeconds?: number | undefined;
    },
    handler: TaskHandler,
  ): TaskHandler =>
  async (input) => {
    const attempt = log.begin({
      stateName: task.stateName,
      target: task.target,
      input: jsonText(input),
      ...(task.timeoutSeconds !== undefined && {
        timeoutSeconds: task.timeoutSeconds,
      }),
    });
    try {
      const output = await handler(input);
      attempt.outcome = {
        status: 'succeeded',
        output: jsonText(output),
        at: Date.now(),
      };
      return output;
    } catch (error) {
      const thrown = error instanceof Error ? error : new Error(String(error));
      attempt.outcome = {
        status: 'failed',
        error: thrown.name,
        ...(thrown.message !== '' && { cause: thrown.message }),
        at: Date.now(),
      };
      throw error;
    }
  };
