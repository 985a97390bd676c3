import { useClock } from '#commons/clock.ts';
import type { PollSchedule } from '#commons/dataset-group/poll-schedule.ts';
import {
  type PersonalizeEmulatorOptions,
  startPersonalizeEmulator,
} from '../personalize/index.ts';
import { type BusEventStore, LocalEventBus } from './event-bus.ts';
import { LambdaFaults } from './lambda-faults.ts';
import {
  type CreateDatasetsWorkflowHandlers,
  type CreateWorkflowHandlers,
  createDatasetsWorkflowRunner,
  createWorkflowRunner,
  type DeleteWorkflowHandlers,
  deleteWorkflowRunner,
  type LocalWorkflowSettings,
} from './workflow-runner.ts';

export interface LocalStackOptions {
  emulator?: PersonalizeEmulatorOptions;
  /** Milliseconds each Wait state (and in-Lambda sleep) lasts locally
   * (default 250); null keeps the real waits. */
  waitMs?: number | null;
  /** Milliseconds between Task retries locally (default 100); null keeps
   * the ASL's exponential backoff with jitter, in real seconds. */
  retryMs?: number | null;
  /** JSON-lines file that receives every published event. */
  eventLogFile?: string;
  /** Powertools log level of the handlers (default SILENT). */
  logLevel?: string;
  pollSchedule?: Partial<PollSchedule>;
  eventSource?: string;
  /** Where the stack bus keeps its events across restarts, by bus name. */
  busStore?: (busName: string) => BusEventStore;
}

const region = 'us-east-1';
const account = '000000000000';
let boundEndpoint: string | undefined;

const pollEnvironment: Record<keyof PollSchedule, string> = {
  firstWaitSeconds: 'POLL_FIRST_WAIT_SECONDS',
  waitFraction: 'POLL_WAIT_FRACTION',
  maxWaitSeconds: 'POLL_MAX_WAIT_SECONDS',
  deadlineSeconds: 'POLL_DEADLINE_SECONDS',
};

/**
 * Sets the environment a deployed handler would get, pointed at the local
 * emulator. Handlers read it once, when first imported (their cold start),
 * so a process hosts one local stack's handlers.
 */
const configureHandlerEnvironment = (
  endpoint: string,
  options: LocalStackOptions,
): void => {
  if (boundEndpoint !== undefined && boundEndpoint !== endpoint) {
    throw new Error(
      'The handlers of this process are already bound to another local stack; start one local stack per process',
    );
  }
  boundEndpoint = endpoint;
  process.env.AWS_REGION = region;
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  process.env.AWS_ENDPOINT_URL_PERSONALIZE = endpoint;
  const logLevel = options.logLevel ?? 'SILENT';
  process.env.POWERTOOLS_LOG_LEVEL = logLevel;
  process.env.POWERTOOLS_DEV = 'true';
  // Metrics (EMF lines on stdout) only when logs are wanted too.
  process.env.POWERTOOLS_METRICS_DISABLED = String(logLevel === 'SILENT');
  process.env.POWERTOOLS_TRACE_ENABLED = 'false';
  // Handlers sleep between in-invocation polls: each sleep lasts as long
  // as a Wait state does locally.
  const waitMs = options.waitMs === null ? undefined : (options.waitMs ?? 250);
  useClock({
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, waitMs ?? ms)),
  });
  for (const [field, variable] of Object.entries(pollEnvironment)) {
    const value = options.pollSchedule?.[field as keyof PollSchedule];
    if (value === undefined) delete process.env[variable];
    else process.env[variable] = String(value);
  }
};

/** Every workflow's handlers, imported once the environment is set. */
export const loadHandlers = async (): Promise<
  CreateWorkflowHandlers &
    DeleteWorkflowHandlers &
    CreateDatasetsWorkflowHandlers
> => {
  const [
    create,
    describe,
    remove,
    describeDeletion,
    teardown,
    prepareDatasets,
    createDataset,
    describeDataset,
    createDatasetImportJob,
    describeDatasetImportJob,
  ] = await Promise.all([
    import('#functions/create-dataset-group.ts'),
    import('#functions/describe-dataset-group.ts'),
    import('#functions/delete-dataset-group.ts'),
    import('#functions/describe-dataset-group-deletion.ts'),
    import('#functions/teardown-dataset-group-children.ts'),
    import('#functions/prepare-datasets.ts'),
    import('#functions/create-dataset.ts'),
    import('#functions/describe-dataset.ts'),
    import('#functions/create-dataset-import-job.ts'),
    import('#functions/describe-dataset-import-job.ts'),
  ]);
  return {
    createDatasetGroup: create.handler,
    describeDatasetGroup: describe.handler,
    deleteDatasetGroup: remove.handler,
    describeDatasetGroupDeletion: describeDeletion.handler,
    teardownDatasetGroupChildren: teardown.handler,
    prepareDatasets: prepareDatasets.handler,
    createDataset: createDataset.handler,
    describeDataset: describeDataset.handler,
    createDatasetImportJob: createDatasetImportJob.handler,
    describeDatasetImportJob: describeDatasetImportJob.handler,
  };
};

/**
 * The embedded local stack: the Personalize emulator on 127.0.0.1, the real
 * handlers pointed at it, a local event bus, and the real create workflow
 * run by aws-local-stepfunctions.
 */
export const startLocalStack = async (options: LocalStackOptions = {}) => {
  const emulator = await startPersonalizeEmulator({
    region,
    accountId: account,
    ...options.emulator,
  });
  configureHandlerEnvironment(emulator.endpoint, options);
  const busName = 'personalize-dataset-groups';
  const bus = new LocalEventBus({
    name: busName,
    region,
    account,
    ...(options.eventLogFile === undefined
      ? {}
      : { logFile: options.eventLogFile }),
    ...(options.busStore === undefined
      ? {}
      : { store: options.busStore(busName) }),
  });
  const lambdaFaults = new LambdaFaults();
  const settings: LocalWorkflowSettings = {
    lambdaFaults,
    region,
    account,
    eventSource: options.eventSource ?? 'personalize.dataset-groups',
    ...(options.waitMs === null ? {} : { waitMs: options.waitMs ?? 250 }),
    ...(options.retryMs === null ? {} : { retryMs: options.retryMs ?? 100 }),
  };
  const handlers = await loadHandlers();
  const createWorkflow = createWorkflowRunner(handlers, bus, settings);
  const deleteWorkflow = deleteWorkflowRunner(handlers, bus, settings);
  const createDatasetsWorkflow = createDatasetsWorkflowRunner(
    handlers,
    bus,
    settings,
  );
  return {
    emulator,
    bus,
    createWorkflow,
    deleteWorkflow,
    createDatasetsWorkflow,
    lambdaFaults,
    settings,
    close: () => emulator.close(),
  };
};

export type LocalStack = Awaited<ReturnType<typeof startLocalStack>>;
