import { randomUUID } from 'node:crypto';
import type { LocalServer } from '../commands/serve/local-server.ts';
import type { BusEvent } from '../runtime/event-bus.ts';
import { isPollRetrier } from '../runtime/state-retries.ts';
import { eventsOfExecution } from '../runtime/workflow-runner.ts';
import type { FaultScenario, ScenarioRun } from './fault-scenarios.ts';

const terminalDetailTypes = new Set([
  'Dataset Group Created',
  'Dataset Group Creation Failed',
  'Dataset Group Deleted',
  'Dataset Group Deletion Failed',
  'Dataset Group Datasets Ready',
  'Dataset Group Datasets Failed',
]);

export interface ScenarioResult {
  id: string;
  fault: string;
  expected: FaultScenario['expected'];
  /** Terminal detail-types (with error code) of each run. */
  terminals: string[][];
  groups: number;
  retries: number;
  injected: number;
  durationMs: number;
  /** Empty when the scenario passed. */
  problems: string[];
}

/**
 * Runs one scenario on a clean local stack and checks what the user was
 * promised: one terminal event per run, of the expected kind, and no group
 * created twice.
 */
export const runFaultScenario = async (
  server: LocalServer,
  scenario: FaultScenario,
): Promise<ScenarioResult> => {
  const { stack } = server;
  stack.emulator.reset();
  stack.lambdaFaults.clear();
  stack.bus.failNextPuts(0);
  await scenario.arrange(stack);
  stack.emulator.resetStats();
  const injectedBefore = stack.lambdaFaults.injected + stack.bus.failedPuts;
  const startedAt = performance.now();
  const runs = await Promise.all(
    scenario.runs.map((run) => runOne(server, run)),
  );
  await server.eventBridge.idle();
  const durationMs = performance.now() - startedAt;
  const { faults } = stack.emulator.stats();
  const injected =
    Object.values(faults).reduce((sum, count) => sum + count, 0) +
    stack.lambdaFaults.injected +
    stack.bus.failedPuts -
    injectedBefore;
  const groups = stack.emulator.datasetGroups().length;
  const retries = runs.reduce((sum, run) => sum + run.retries, 0);
  const { expected } = scenario;
  const wanted =
    expected.errorCode === undefined
      ? expected.terminal
      : `${expected.terminal} (${expected.errorCode})`;
  const problems = [
    ...runs.flatMap((run, index) =>
      run.terminal.length === 1 && run.terminal[0] === wanted
        ? []
        : [
            `run ${index + 1} ended in [${run.terminal.join(', ')}], not exactly one ${wanted}`,
          ],
    ),
    ...(groups === expected.groups
      ? []
      : [`${groups} dataset groups, expected ${expected.groups}`]),
    ...(expected.retried && retries === 0
      ? ['no state was retried: the fault was not felt']
      : []),
    ...(expected.skippedPolls === true && injected === 0
      ? ['the fault was never injected']
      : []),
    ...(expected.skippedPolls === true && retries > 0
      ? [`${retries} retries: a skipped poll must not be retried`]
      : []),
  ];
  return {
    id: scenario.id,
    fault: scenario.fault,
    expected,
    terminals: runs.map((run) => run.terminal),
    groups,
    retries,
    injected,
    durationMs,
    problems,
  };
};

const terminalOf = (event: BusEvent): string => {
  const code = (event.detail as { error?: { code?: string } }).error?.code;
  return code === undefined
    ? event['detail-type']
    : `${event['detail-type']} (${code})`;
};

/** Resolves when `matches` has held for a quiet spell, or after 10 s. */
const settle = async (done: () => boolean): Promise<void> => {
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    if (done()) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (done()) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const runOne = async (
  server: LocalServer,
  run: ScenarioRun,
): Promise<{ terminal: string[]; retries: number }> => {
  const { stack } = server;
  if ('event' in run) {
    // Published on the bus: the stack's rule delivers it to the trigger.
    const id = randomUUID();
    const retriedBefore = server.eventBridge.deliveries.retried;
    stack.bus.publishEvent({
      version: '0',
      id,
      'detail-type': run.event,
      source: stack.settings.eventSource,
      account: stack.settings.account,
      time: new Date().toISOString(),
      region: stack.settings.region,
      resources: [],
      detail: run.detail,
    });
    const executionsOfEvent = () =>
      server.stepFunctions.registry
        .listExecutions({
          stateMachineArn: stack.createWorkflow.stateMachineArn,
        })
        .executions.filter((execution) => execution.name === `event-${id}`);
    const terminalEvents = () =>
      executionsOfEvent().flatMap((execution) =>
        eventsOfExecution(stack.bus, execution.executionArn ?? '').filter(
          (event) => terminalDetailTypes.has(event['detail-type']),
        ),
      );
    await settle(() => terminalEvents().length > 0);
    await server.eventBridge.idle();
    await settle(() => terminalEvents().length > 0);
    const executions = executionsOfEvent();
    return {
      terminal: [
        ...terminalEvents().map(terminalOf),
        ...(executions.length > 1 ? [`${executions.length} executions`] : []),
      ],
      retries: server.eventBridge.deliveries.retried - retriedBefore,
    };
  }
  const runner = {
    create: stack.createWorkflow,
    delete: stack.deleteWorkflow,
    datasets: stack.createDatasetsWorkflow,
  }[run.workflow];
  const execution = runner.start(run.input);
  let retries = 0;
  for await (const event of execution.eventLogs) {
    // A poll retry is the schedule, not the fault being felt.
    if (event.type === 'StateRetried' && !isPollRetrier(event.retry.retrier)) {
      retries += 1;
    }
  }
  await execution.outcome;
  const terminal = eventsOfExecution(stack.bus, execution.executionArn)
    .filter((event) => terminalDetailTypes.has(event['detail-type']))
    .map(terminalOf);
  return { terminal, retries };
};
