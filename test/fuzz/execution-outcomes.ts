import type { LocalServer } from '#local/commands/serve/local-server.ts';
import { eventsOfExecution } from '#local/runtime/workflow-runner.ts';
import type { ExecutionDescription } from '#local/stepfunctions/index.ts';

export type Workflow = 'create' | 'delete';

const terminalTypes: Record<Workflow, { succeeded: string; failed: string }> = {
  create: {
    succeeded: 'Dataset Group Created',
    failed: 'Dataset Group Creation Failed',
  },
  delete: {
    succeeded: 'Dataset Group Deleted',
    failed: 'Dataset Group Deletion Failed',
  },
};

/** Rounds of waiting for deliveries and executions, and a bound each. */
const settleRounds = 20;
const settleRoundMs = 60_000;

const stateMachineArnOf = (server: LocalServer, workflow: Workflow) =>
  workflow === 'create'
    ? server.description.createStateMachineArn
    : server.description.deleteStateMachineArn;

/** Every execution of a workflow, newest first, all pages. */
export const executionsOf = (
  server: LocalServer,
  workflow: Workflow,
): ExecutionDescription[] => {
  const { registry } = server.stepFunctions;
  const found: ExecutionDescription[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < 1_000; page += 1) {
    const listed = registry.listExecutions({
      stateMachineArn: stateMachineArnOf(server, workflow),
      maxResults: 1_000,
      ...(nextToken !== undefined && { nextToken }),
    });
    for (const item of listed.executions) {
      found.push(registry.describeExecution(String(item.executionArn)));
    }
    nextToken = listed.nextToken;
    if (nextToken === undefined) return found;
  }
  throw new Error('More than 1,000 pages of executions');
};

/**
 * Waits, in bounded rounds, until no rule delivery is under way and no
 * execution runs (a delivery may start one, an execution may publish).
 * The bound of a round only stops a hung run; no result depends on it.
 */
export const settle = async (server: LocalServer): Promise<void> => {
  const { registry } = server.stepFunctions;
  for (let round = 0; round < settleRounds; round += 1) {
    await server.eventBridge.idle();
    const running = [
      ...executionsOf(server, 'create'),
      ...executionsOf(server, 'delete'),
    ]
      .filter((execution) => execution.status === 'RUNNING')
      .map((execution) => execution.executionArn);
    if (running.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(running.map((arn) => registry.settled(arn))),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Still running: ${running.join(', ')}`)),
          settleRoundMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
  }
  throw new Error(`Not settled after ${settleRounds} rounds`);
};

/**
 * What is wrong with how one execution ended, if anything: it must have
 * published exactly one terminal event, the one its status says, with
 * its error code, unless a StopExecution aborted it (then at most one).
 */
export const outcomeProblems = (
  server: LocalServer,
  workflow: Workflow,
  execution: ExecutionDescription,
  stopped: ReadonlySet<string>,
): string[] => {
  const { succeeded, failed } = terminalTypes[workflow];
  const terminal = eventsOfExecution(
    server.stack.bus,
    execution.executionArn,
  ).filter((event) => [succeeded, failed].includes(event['detail-type']));
  const name = `${execution.name} (${execution.status} ${execution.error ?? ''}: ${(execution.cause ?? '').slice(0, 300)}; input ${(execution.input ?? '').slice(0, 300)})`;
  if (execution.status === 'ABORTED') {
    return stopped.has(execution.executionArn) && terminal.length <= 1
      ? []
      : [`${name}: aborted by no StopExecution, or ${terminal.length} events`];
  }
  if (execution.status !== 'SUCCEEDED' && execution.status !== 'FAILED') {
    return [`${name}: ended ${execution.status}`];
  }
  if (terminal.length !== 1) {
    return [`${name}: ${terminal.length} terminal events`];
  }
  const [event] = terminal;
  const expected = execution.status === 'SUCCEEDED' ? succeeded : failed;
  if (event?.['detail-type'] !== expected) {
    return [`${name}: published ${event?.['detail-type']}`];
  }
  const code = (event.detail as { error?: { code?: string } }).error?.code;
  return execution.status === 'FAILED' && code !== execution.error
    ? [`${name}: the event's error.code is ${code}`]
    : [];
};
