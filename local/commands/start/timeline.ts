import type { CreationProgress } from '#commons/dataset-group/creation-progress.ts';
import type { BusEvent } from '#local/runtime/event-bus.ts';
import { isPollRetrier } from '#local/runtime/state-retries.ts';
import type { ExecutionEventLog } from '#local/runtime/workflow-runner.ts';

export type Print = (line: string) => void;

const pollingStates = new Set(['CreateDatasetGroup', 'DescribeDatasetGroup']);

const progressOf = (
  stateName: string,
  output: unknown,
): CreationProgress | undefined => {
  if (!pollingStates.has(stateName)) return undefined;
  const progress = (output as { progress?: Partial<CreationProgress> })
    ?.progress;
  // A failed task leaves its input's placeholder progress: nothing to show.
  return progress?.outcome === undefined
    ? undefined
    : (progress as CreationProgress);
};

const describeProgress = (
  progress: CreationProgress,
  waitMs: number,
  previousAttempt: number,
) => {
  const status = progress.datasetGroup.status ?? 'unknown';
  const first = previousAttempt + 1;
  const poll =
    progress.attempt === 0
      ? 'after create'
      : progress.attempt > first
        ? `polls ${first}–${progress.attempt} in one invocation`
        : `poll ${progress.attempt}`;
  if (progress.outcome === 'IN_PROGRESS') {
    return `status ${status} (${poll}); next poll in ${progress.waitSeconds} s (${waitMs} ms on the local stack)`;
  }
  return `status ${status} (${poll}); ${progress.outcome === 'ACTIVE' ? 'settled' : `failed: ${progress.error?.code}`}`;
};

/**
 * The poll a DatasetGroupPendingError reports (its message names the poll
 * and the Retry's wait), or undefined for any other failure.
 */
const pendingPollOf = (
  error: string,
  cause: unknown,
): { message: string; attempt: number } | undefined => {
  if (error !== 'DatasetGroupPendingError') return undefined;
  // The local Lambda binding keeps the thrown error as the cause.
  const message = cause instanceof Error ? cause.message : undefined;
  const attempt = Number(/\(poll (\d+)\)/.exec(message ?? '')?.[1]);
  return message === undefined || !Number.isInteger(attempt)
    ? undefined
    : { message, attempt };
};

/** ` (the error's message)` of a failed task, or nothing. */
const causeOf = (cause: unknown): string => {
  const text = cause instanceof Error ? cause.message : undefined;
  if (text === undefined) return '';
  try {
    const { errorMessage } = JSON.parse(text) as { errorMessage?: unknown };
    return typeof errorMessage === 'string' ? ` (${errorMessage})` : '';
  } catch {
    return ` (${text})`;
  }
};

/**
 * Prints an execution as it happens: states entered, retries, statuses
 * seen and events published, each with the seconds since the start.
 */
export const createTimeline = (print: Print, waitMs: number) => {
  const startedAt = Date.now();
  // Bus events arrive as the task runs, execution events a little later:
  // hold each bus event until its state has exited, to print in order.
  const published: string[] = [];
  let lastAttempt = 0;
  const flushPublished = () => {
    for (const detailType of published.splice(0)) {
      print(`${stamp()}  ★ event "${detailType}" published`);
    }
  };
  const stamp = () =>
    `${((Date.now() - startedAt) / 1000).toFixed(3).padStart(8)}s`;
  return {
    onExecutionEvent(event: ExecutionEventLog): void {
      switch (event.type) {
        case 'ExecutionStarted':
          print(`${stamp()}  execution started`);
          break;
        case 'StateEntered':
          print(`${stamp()}  → ${event.state.name}`);
          break;
        case 'StateExited': {
          if (event.state.name.startsWith('Publish')) flushPublished();
          const progress = progressOf(event.state.name, event.state.output);
          if (progress !== undefined) {
            print(
              `${stamp()}      ${describeProgress(progress, waitMs, lastAttempt)}`,
            );
            lastAttempt = progress.attempt;
          }
          break;
        }
        case 'StateRetried':
          print(
            isPollRetrier(event.retry.retrier)
              ? `${stamp()}  ↻ ${event.state.name} (retry ${event.retry.attempt}: the next poll)`
              : `${stamp()}      retry ${event.retry.attempt} of ${event.state.name}`,
          );
          break;
        case 'StateFailed': {
          const pending = pendingPollOf(event.Error, event.Cause);
          if (pending === undefined) {
            print(
              `${stamp()}      ${event.state.name} failed: ${event.Error}${causeOf(event.Cause)}`,
            );
            break;
          }
          print(
            `${stamp()}      ${pending.message} (${waitMs} ms on the local stack)`,
          );
          lastAttempt = pending.attempt;
          break;
        }
        case 'StateCaught':
          print(`${stamp()}      caught by ${event.state.name}'s Catch`);
          break;
        case 'ExecutionSucceeded':
          flushPublished();
          print(`${stamp()}  execution succeeded`);
          break;
        case 'ExecutionFailed':
          flushPublished();
          print(`${stamp()}  execution failed: ${event.Error}`);
          break;
        default:
          break;
      }
    },
    onBusEvent(event: BusEvent): void {
      published.push(event['detail-type']);
    },
  };
};
