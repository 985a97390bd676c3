import { describeUnexpected } from '#cli/cli-errors.ts';
import { packageJson } from '#cli/package-version.ts';
import { datasetsTriggerOf } from '#commons/dataset-creation/created-event-trigger.ts';
import { scenarios } from './start/scenarios.ts';
import {
  parseStartOptions,
  RequestRejectedError,
  startUsage,
  UsageError,
} from './start/start-options.ts';

const terminalDetailTypes = new Set([
  'Dataset Group Created',
  'Dataset Group Creation Failed',
]);
const datasetsTerminalDetailTypes = new Set([
  'Dataset Group Datasets Ready',
  'Dataset Group Datasets Failed',
]);
const eventLogFile = '.local/events.jsonl';
const print = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `npm start`: one dataset group creation end to end on the embedded local
 * stack, with a live timeline and the final event.
 */
const main = async (): Promise<number> => {
  const options = parseStartOptions(process.argv.slice(2));
  if (options.help) {
    print(startUsage);
    return 0;
  }
  if (options.version) {
    const { name, version } = packageJson();
    print(`${name} ${version}`);
    return 0;
  }
  // Loaded once the command line is known good: a rejection is immediate.
  const [{ startLocalStack }, { eventsOfExecution }, { createTimeline }] =
    await Promise.all([
      import('../runtime/local-stack.ts'),
      import('../runtime/workflow-runner.ts'),
      import('./start/timeline.ts'),
    ]);
  const scenario = scenarios[options.scenario];
  const stack = await startLocalStack({
    ...scenario.stack,
    eventLogFile,
    logLevel: options.verbose ? 'INFO' : 'SILENT',
  });
  try {
    print(`Scenario ${options.scenario}: ${scenario.description}`);
    print(`Personalize emulator: ${stack.emulator.endpoint}`);
    print(`Events are appended to ${eventLogFile}`);
    print(`Request: ${JSON.stringify(options.request)}\n`);

    const timeline = createTimeline(print, stack.settings.waitMs ?? 0);
    const unsubscribe = stack.bus.subscribe(timeline.onBusEvent);
    const execution = stack.createWorkflow.start(
      options.request,
      `npm-start-${Date.now()}`,
    );
    for await (const event of execution.eventLogs) {
      timeline.onExecutionEvent(event);
    }
    const outcome = await execution.outcome;
    unsubscribe();

    const terminal = eventsOfExecution(stack.bus, execution.executionArn)
      .filter((event) => terminalDetailTypes.has(event['detail-type']))
      .at(-1);
    print('');
    if (terminal === undefined) {
      print(`No terminal event was published; execution ${outcome.status}`);
      return 1;
    }
    print(`Final event "${terminal['detail-type']}":`);
    print(JSON.stringify(terminal, null, 2));
    print(
      `\nExecution ${outcome.status}${
        outcome.error ? ` with ${outcome.error}: ${outcome.cause}` : ''
      }`,
    );
    print(
      `The emulator holds ${stack.emulator.datasetGroups().length} dataset group(s).`,
    );
    if (terminal['detail-type'] !== 'Dataset Group Created') return 1;
    // The stack's rule on Dataset Group Created, in process: the event
    // whose request declares datasets starts the create-datasets run,
    // named after the group's execution (datasetsTriggerOf).
    const trigger = datasetsTriggerOf(terminal as never);
    if (trigger === undefined) return 0;
    print(
      `\nThe request declares ${(trigger.input.datasets as unknown[]).length} dataset(s): the create-datasets workflow starts on "Dataset Group Created".\n`,
    );
    const datasets = stack.createDatasetsWorkflow.start(
      trigger.input,
      trigger.executionName,
    );
    const unsubscribeDatasets = stack.bus.subscribe(timeline.onBusEvent);
    for await (const event of datasets.eventLogs) {
      timeline.onExecutionEvent(event);
    }
    const datasetsOutcome = await datasets.outcome;
    unsubscribeDatasets();
    const datasetsTerminal = eventsOfExecution(stack.bus, datasets.executionArn)
      .filter((event) => datasetsTerminalDetailTypes.has(event['detail-type']))
      .at(-1);
    print('');
    if (datasetsTerminal === undefined) {
      print(
        `No terminal datasets event was published; execution ${datasetsOutcome.status}`,
      );
      return 1;
    }
    print(`Final event "${datasetsTerminal['detail-type']}":`);
    print(JSON.stringify(datasetsTerminal, null, 2));
    print(
      `\nDatasets execution ${datasetsOutcome.status}; the emulator holds ${stack.emulator.datasets().length} dataset(s).`,
    );
    return datasetsTerminal['detail-type'] === 'Dataset Group Datasets Ready'
      ? 0
      : 1;
  } finally {
    await stack.close();
  }
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(
        error instanceof RequestRejectedError
          ? `${error.message}\n`
          : `${error.message} (see: npm start -- --help)\n`,
      );
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`npm start failed: ${describeUnexpected(error)}\n`);
    // A stack that failed half-way may hold servers open: do not hang.
    process.exit(1);
  },
);
