import {
  type ExecutionEventLog,
  eventsOfExecution,
} from '#local/create-workflow.ts';
import type { LocalStack } from '#local/local-stack.ts';

export const terminalCreationDetailTypes = [
  'Dataset Group Created',
  'Dataset Group Creation Failed',
];

/** Runs one execution to its end and collects what it did. */
export const runExecution = async (
  stack: LocalStack,
  input: unknown,
  executionName?: string,
) => {
  const execution = stack.createWorkflow.start(input, executionName);
  const history: ExecutionEventLog[] = [];
  for await (const event of execution.eventLogs) history.push(event);
  const outcome = await execution.outcome;
  const events = eventsOfExecution(stack.bus, execution.executionArn);
  const terminal = events.filter((event) =>
    terminalCreationDetailTypes.includes(event['detail-type']),
  );
  const statesEntered = history.flatMap((event) =>
    event.type === 'StateEntered' ? [event.state.name] : [],
  );
  const retriedStates = history.flatMap((event) =>
    event.type === 'StateRetried' ? [event.state.name] : [],
  );
  return { execution, outcome, events, terminal, statesEntered, retriedStates };
};
