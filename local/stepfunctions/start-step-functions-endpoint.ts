import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowRunner } from '../runtime/workflow-runner.ts';
import type { ExecutionPersistence } from './execution-persistence.ts';
import { ExecutionRegistry } from './execution-registry.ts';
import { createRequestListener } from './request-listener.ts';
import { StateMachineCatalog } from './state-machine-catalog.ts';

export interface StepFunctionsEndpointOptions {
  /** The workflows it serves, each under its runner's state machine ARN. */
  runners: readonly WorkflowRunner[];
  /** Default 0 (an ephemeral port); always bound to 127.0.0.1. */
  port?: number;
  /** Checked against the runners' ARNs; default us-east-1. */
  region?: string;
  /** Checked against the runners' ARNs; default 000000000000. */
  accountId?: string;
  /**
   * The creationDate (and updateDate) of every state machine served;
   * default: when the endpoint starts. A stack that keeps its state
   * across restarts passes the date it first started.
   */
  stateMachineCreationDate?: Date;
  /** Keeps the executions across restarts (and the creation date). */
  persistence?: ExecutionPersistence;
}

export interface RunningStepFunctionsEndpoint {
  /** `http://127.0.0.1:<port>`: the SFNClient's `endpoint`. */
  endpoint: string;
  port: number;
  /** The executions, for in-process callers (same semantics as the API). */
  registry: ExecutionRegistry;
  /** The state machines served, for in-process callers (same semantics). */
  stateMachines: StateMachineCatalog;
  /** Stops the runs (see ExecutionRegistry.close), stops listening, drops
   * every connection. */
  close(): Promise<void>;
}

const checkRunners = (options: StepFunctionsEndpointOptions): void => {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  for (const runner of options.runners) {
    const [, , , arnRegion, arnAccount] = runner.stateMachineArn.split(':');
    if (arnRegion !== region || arnAccount !== accountId) {
      throw new RangeError(
        `${runner.stateMachineArn} is not in ${region}, account ${accountId}`,
      );
    }
  }
};

/** Starts the local Step Functions (executions of the runners) on 127.0.0.1. */
export const startStepFunctionsEndpoint = async (
  options: StepFunctionsEndpointOptions,
): Promise<RunningStepFunctionsEndpoint> => {
  checkRunners(options);
  const registry = new ExecutionRegistry(options.runners, {
    ...(options.persistence !== undefined && {
      persistence: options.persistence,
    }),
  });
  const now = new Date();
  const stateMachines = new StateMachineCatalog(
    options.runners,
    options.stateMachineCreationDate ??
      options.persistence?.stateMachinesCreationDate(now) ??
      now,
  );
  const server = createServer(
    { keepAliveTimeout: 5_000 },
    createRequestListener({ executions: registry, stateMachines }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    registry,
    stateMachines,
    close: async () => {
      await registry.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
};
