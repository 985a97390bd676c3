import type { Context } from 'aws-lambda';
import { startConsole } from '#local/console/start-console.ts';
import {
  datasetGroupRequestPatterns,
  datasetsTriggerPattern,
  lambdaTarget,
  startEventBridgeEndpoint,
} from '#local/eventbridge/index.ts';
import { httpApiRoutes } from '#local/http-api/routes.ts';
import { serveHttpApi } from '#local/http-api/serve-http-api.ts';
import {
  busEventRows,
  readBusEvents,
} from '#local/persistence/bus-event-rows.ts';
import { datasetGroupRows } from '#local/persistence/dataset-group-rows.ts';
import {
  datasetRows,
  groupChildRows,
} from '#local/persistence/dataset-rows.ts';
import { executionRows } from '#local/persistence/execution-rows.ts';
import { StackDatabase } from '#local/persistence/stack-database.ts';
import { LocalEventBus } from '#local/runtime/event-bus.ts';
import {
  type LocalStackOptions,
  startLocalStack,
} from '#local/runtime/local-stack.ts';
import { startStepFunctionsEndpoint } from '#local/stepfunctions/index.ts';
import { defaultLocalServerPorts, type LocalServerPorts } from './ports.ts';
import type { LocalStackFile } from './stack-file.ts';

type LambdaHandler = (event: never, context: Context) => Promise<unknown>;

export interface LocalServerOptions extends LocalStackOptions {
  /** Default defaultLocalServerPorts; 0 picks a free port. */
  ports?: Partial<LocalServerPorts>;
  /** The SQLite file that keeps the state across restarts; without it
   * the stack starts empty and forgets everything when it stops. */
  databaseFile?: string;
}

/** Where clients find the stack (the stack file's content). */
export type LocalServerDescription = Required<
  Omit<LocalStackFile, 'pid' | 'state' | 'startedAt'>
>;

/**
 * The whole stack on 127.0.0.1, reachable with the real AWS SDK clients
 * and plain HTTP: Personalize (emulator), Step Functions (the real ASL on
 * aws-local-stepfunctions), EventBridge (PutEvents and the stack's rules,
 * delivering to the trigger handlers), the HTTP API (the real handler
 * behind API Gateway v2 event shapes) and the console (a page that reads
 * those endpoints through a same-origin proxy, and the bus events).
 */
export const startLocalServer = async (options: LocalServerOptions = {}) => {
  const ports = { ...defaultLocalServerPorts, ...options.ports };
  const database =
    options.databaseFile === undefined
      ? undefined
      : new StackDatabase(options.databaseFile);
  const closers: Array<() => Promise<void>> = [async () => database?.close()];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer();
  };
  try {
    const stack = await startLocalStack({
      ...options,
      emulator: {
        port: ports.personalize,
        ...(database !== undefined && {
          persistence: datasetGroupRows(database),
          datasetPersistence: datasetRows(database),
          childPersistence: groupChildRows(database),
        }),
        ...options.emulator,
      },
      ...(database !== undefined && {
        busStore: (busName: string) => busEventRows(database, busName),
      }),
    });
    closers.push(() => stack.close());
    const stepFunctions = await startStepFunctionsEndpoint({
      runners: [
        stack.createWorkflow,
        stack.deleteWorkflow,
        stack.createDatasetsWorkflow,
      ],
      port: ports.stepFunctions,
      ...(database !== undefined && {
        persistence: executionRows(database),
      }),
    });
    closers.push(() => stepFunctions.close());
    // What a deployed function of the stack finds in its environment.
    process.env.AWS_ENDPOINT_URL_SFN = stepFunctions.endpoint;
    process.env.STATE_MACHINE_ARN = stack.createWorkflow.stateMachineArn;
    process.env.DELETE_STATE_MACHINE_ARN = stack.deleteWorkflow.stateMachineArn;
    process.env.CREATE_DATASETS_STATE_MACHINE_ARN =
      stack.createDatasetsWorkflow.stateMachineArn;

    const [httpApi, onCreateRequested, onDeleteRequested, onCreated] =
      await Promise.all([
        import('#functions/http-api.ts'),
        import('#functions/on-create-requested.ts'),
        import('#functions/on-delete-requested.ts'),
        import('#functions/on-dataset-group-created.ts'),
      ]);
    const patterns = datasetGroupRequestPatterns([stack.settings.eventSource]);
    const eventBridge = await startEventBridgeEndpoint({
      bus: stack.bus,
      defaultBus: new LocalEventBus({
        name: 'default',
        region: stack.settings.region,
        account: stack.settings.account,
        ...(database !== undefined && {
          store: busEventRows(database, 'default'),
        }),
      }),
      port: ports.eventBridge,
      rules: [
        {
          name: 'dataset-group-create-requested',
          eventBusName: stack.bus.name,
          eventPattern: patterns.createRequested,
          target: lambdaTarget(
            onCreateRequested.handler as never,
            'on-create-requested',
            stack.lambdaFaults,
          ),
        },
        {
          name: 'dataset-group-delete-requested',
          eventBusName: stack.bus.name,
          eventPattern: patterns.deleteRequested,
          target: lambdaTarget(
            onDeleteRequested.handler as never,
            'on-delete-requested',
            stack.lambdaFaults,
          ),
        },
        {
          name: 'dataset-group-created-with-datasets',
          eventBusName: stack.bus.name,
          eventPattern: datasetsTriggerPattern([stack.settings.eventSource]),
          target: lambdaTarget(
            onCreated.handler as never,
            'on-dataset-group-created',
            stack.lambdaFaults,
          ),
        },
      ],
    });
    closers.push(() => eventBridge.close());
    const api = await serveHttpApi({
      handler: httpApi.handler as LambdaHandler,
      routes: httpApiRoutes,
      port: ports.api,
    });
    closers.push(() => api.close());
    const consoleServer = await startConsole({
      port: ports.console,
      upstreams: {
        stepFunctions: stepFunctions.endpoint,
        personalize: stack.emulator.endpoint,
        api: api.url,
      },
      readEvents: (after, limit) =>
        database === undefined
          ? stack.bus.events
              .map((event, index) => ({
                sequence: index + 1,
                busName: stack.bus.name,
                event,
              }))
              .slice(after, after + limit)
          : readBusEvents(database, after, limit),
      stack: {
        region: stack.settings.region,
        eventBusName: stack.bus.name,
        eventSource: stack.settings.eventSource,
      },
    });
    closers.push(() => consoleServer.close());
    // Everything answers now: the runs the last stop interrupted go on.
    const restored = stepFunctions.registry.counts;
    const resumed = stepFunctions.registry.resumeInterrupted();

    const description: LocalServerDescription = {
      apiUrl: api.url,
      stepFunctionsEndpoint: stepFunctions.endpoint,
      eventBridgeEndpoint: eventBridge.endpoint,
      personalizeEndpoint: stack.emulator.endpoint,
      consoleUrl: consoleServer.url,
      region: stack.settings.region,
      eventBusName: stack.bus.name,
      eventSource: stack.settings.eventSource,
      createStateMachineArn: stack.createWorkflow.stateMachineArn,
      deleteStateMachineArn: stack.deleteWorkflow.stateMachineArn,
      databaseFile: options.databaseFile ?? '',
      ports: {
        api: api.port,
        stepFunctions: stepFunctions.port,
        eventBridge: eventBridge.port,
        personalize: stack.emulator.port,
        console: consoleServer.port,
      },
    };
    return {
      stack,
      stepFunctions,
      eventBridge,
      api,
      console: consoleServer,
      database,
      description,
      restored: { ...restored, resumed },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
};

export type LocalServer = Awaited<ReturnType<typeof startLocalServer>>;

export { defaultLocalServerPorts, type LocalServerPorts };
