import type { LocalStack } from '#local/runtime/local-stack.ts';
import { isPollRetrier } from '#local/runtime/state-retries.ts';
import {
  type ExecutionEventLog,
  eventsOfExecution,
  type RunOptions,
} from '#local/runtime/workflow-runner.ts';

export const terminalDetailTypes = [
  'Dataset Group Created',
  'Dataset Group Creation Failed',
  'Dataset Group Deleted',
  'Dataset Group Deletion Failed',
  'Dataset Group Datasets Ready',
  'Dataset Group Datasets Failed',
];

/** Runs one execution (of the create workflow by default) to its end and collects what it did. */
export const runExecution = async (
  stack: LocalStack,
  input: unknown,
  executionName?: string,
  workflow: 'create' | 'delete' | 'datasets' = 'create',
  options: RunOptions = {},
) => {
  const runner = {
    create: stack.createWorkflow,
    delete: stack.deleteWorkflow,
    datasets: stack.createDatasetsWorkflow,
  }[workflow];
  const execution = runner.start(input, executionName, options);
  const history: ExecutionEventLog[] = [];
  for await (const event of execution.eventLogs) history.push(event);
  const outcome = await execution.outcome;
  const events = eventsOfExecution(stack.bus, execution.executionArn);
  const terminal = events.filter((event) =>
    terminalDetailTypes.includes(event['detail-type']),
  );
  const statesEntered = history.flatMap((event) =>
    event.type === 'StateEntered' ? [event.state.name] : [],
  );
  // Retries for a fault; a poll retry (the schedule) is counted apart.
  const retriedStates = history.flatMap((event) =>
    event.type === 'StateRetried' && !isPollRetrier(event.retry.retrier)
      ? [event.state.name]
      : [],
  );
  const pollRetries = history.filter(
    (event) =>
      event.type === 'StateRetried' && isPollRetrier(event.retry.retrier),
  ).length;
  return {
    execution,
    outcome,
    events,
    terminal,
    statesEntered,
    retriedStates,
    pollRetries,
  };
};
