import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Context } from 'aws-lambda';
import { type LocalStackFile, localStackFile } from '#cli/target.ts';
import {
  datasetGroupRequestPatterns,
  lambdaTarget,
  startEventBridgeEndpoint,
} from '#local/eventbridge/index.ts';
import { httpApiRoutes } from '#local/http-api/routes.ts';
import { serveHttpApi } from '#local/http-api/serve-http-api.ts';
import {
  type LocalStackOptions,
  startLocalStack,
} from '#local/runtime/local-stack.ts';
import { startStepFunctionsEndpoint } from '#local/stepfunctions/index.ts';

type LambdaHandler = (event: never, context: Context) => Promise<unknown>;

export interface LocalServerPorts {
  api: number;
  stepFunctions: number;
  eventBridge: number;
  personalize: number;
}

/** Fixed by default so examples can be copied; 0 picks free ports. */
export const defaultLocalServerPorts: LocalServerPorts = {
  api: 3000,
  stepFunctions: 8083,
  eventBridge: 4010,
  personalize: 4566,
};

export interface LocalServerOptions extends LocalStackOptions {
  ports?: Partial<LocalServerPorts>;
  /** Where the CLI finds the stack; undefined writes none. */
  stackFile?: string;
}

/**
 * The whole stack on 127.0.0.1, reachable with the real AWS SDK clients
 * and plain HTTP: Personalize (emulator), Step Functions (the real ASL on
 * aws-local-stepfunctions), EventBridge (PutEvents and the stack's rules,
 * delivering to the trigger handlers) and the HTTP API (the real handler
 * behind API Gateway v2 event shapes).
 */
export const startLocalServer = async (options: LocalServerOptions = {}) => {
  const ports = { ...defaultLocalServerPorts, ...options.ports };
  const stack = await startLocalStack({
    ...options,
    emulator: { port: ports.personalize, ...options.emulator },
  });
  const closers: Array<() => Promise<void>> = [() => stack.close()];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer();
    if (options.stackFile !== undefined) {
      rmSync(options.stackFile, { force: true });
    }
  };
  try {
    const stepFunctions = await startStepFunctionsEndpoint({
      runners: [stack.createWorkflow, stack.deleteWorkflow],
      port: ports.stepFunctions,
    });
    closers.push(() => stepFunctions.close());
    // What a deployed function of the stack finds in its environment.
    process.env.AWS_ENDPOINT_URL_SFN = stepFunctions.endpoint;
    process.env.STATE_MACHINE_ARN = stack.createWorkflow.stateMachineArn;
    process.env.DELETE_STATE_MACHINE_ARN = stack.deleteWorkflow.stateMachineArn;

    const [httpApi, onCreateRequested, onDeleteRequested] = await Promise.all([
      import('#functions/http-api.ts'),
      import('#functions/on-create-requested.ts'),
      import('#functions/on-delete-requested.ts'),
    ]);
    const patterns = datasetGroupRequestPatterns([stack.settings.eventSource]);
    const eventBridge = await startEventBridgeEndpoint({
      bus: stack.bus,
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
      ],
    });
    closers.push(() => eventBridge.close());
    const api = await serveHttpApi({
      handler: httpApi.handler as LambdaHandler,
      routes: httpApiRoutes,
      port: ports.api,
    });
    closers.push(() => api.close());

    const description: LocalStackFile = {
      apiUrl: api.url,
      stepFunctionsEndpoint: stepFunctions.endpoint,
      eventBridgeEndpoint: eventBridge.endpoint,
      personalizeEndpoint: stack.emulator.endpoint,
      region: stack.settings.region,
      eventBusName: stack.bus.name,
      eventSource: stack.settings.eventSource,
      createStateMachineArn: stack.createWorkflow.stateMachineArn,
      deleteStateMachineArn: stack.deleteWorkflow.stateMachineArn,
      eventLogFile: options.eventLogFile ?? '',
    };
    if (options.stackFile !== undefined) {
      mkdirSync(dirname(options.stackFile), { recursive: true });
      writeFileSync(
        options.stackFile,
        `${JSON.stringify({ ...description, pid: process.pid }, null, 2)}\n`,
      );
    }
    return { stack, stepFunctions, eventBridge, api, description, close };
  } catch (error) {
    await close();
    throw error;
  }
};

export type LocalServer = Awaited<ReturnType<typeof startLocalServer>>;

export { localStackFile };
