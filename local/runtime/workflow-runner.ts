import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  StateMachine,
} from 'aws-local-stepfunctions';
import type { BusEvent, LocalEventBus } from './event-bus.ts';
import { bindLambdaHandler } from './lambda-binding.ts';
import type { LambdaFaults } from './lambda-faults.ts';
import { bindPutEvents } from './put-events-binding.ts';
import {
  createDatasetGroupDefinitionPath,
  deleteDatasetGroupDefinitionPath,
  loadStateMachineDefinition,
} from './state-machine-definition.ts';
import { retryIntervalOverrides, stateRetries } from './state-retries.ts';

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;
export type ExecutionEventLog =
  ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer T>
    ? T
    : never;

export interface CreateWorkflowHandlers {
  createDatasetGroup: LambdaHandler;
  describeDatasetGroup: LambdaHandler;
}

export interface DeleteWorkflowHandlers {
  deleteDatasetGroup: LambdaHandler;
  describeDatasetGroupDeletion: LambdaHandler;
}

export interface LocalWorkflowSettings {
  region: string;
  account: string;
  eventSource: string;
  /** Milliseconds every Wait state (and poll retry) lasts; undefined
   * keeps the real waits. */
  waitMs?: number;
  /** Milliseconds between retries; undefined keeps the ASL's backoff. */
  retryMs?: number;
  /** The time executions start at (a virtual clock); default Date.now. */
  now?: () => number;
  /** Runtime crashes and timeouts to inject into the Lambda tasks. */
  lambdaFaults?: LambdaFaults;
}

export type ExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionOutcome {
  status: ExecutionStatus;
  output?: unknown;
  error?: string;
  cause?: string;
}

export interface StartedExecution {
  executionArn: string;
  executionName: string;
  stateMachineArn: string;
  eventLogs: AsyncGenerator<ExecutionEventLog>;
  abort: () => void;
  outcome: Promise<ExecutionOutcome>;
}

const toOutcome = async (
  result: Promise<unknown>,
): Promise<ExecutionOutcome> => {
  try {
    return { status: 'SUCCEEDED', output: await result };
  } catch (error) {
    if (error instanceof ExecutionTimeoutError) return { status: 'TIMED_OUT' };
    if (error instanceof ExecutionAbortedError) return { status: 'ABORTED' };
    if (error instanceof ExecutionError) {
      const failure = error.cause as { name?: string; message?: string };
      return {
        status: 'FAILED',
        error: failure?.name ?? 'States.Runtime',
        cause: failure?.message ?? error.message,
      };
    }
    throw error;
  }
};

/** What differs between the workflows the local stack runs. */
interface WorkflowSpec {
  stateMachineName: string;
  definitionPath: URL;
  /** Lambda task state → its placeholder and its handler. */
  lambdaTasks: Record<
    string,
    { placeholder: string; functionName: string; handler: LambdaHandler }
  >;
  publishStates: readonly string[];
  waitStates: readonly string[];
}

/**
 * Runs a workflow's real ASL with aws-local-stepfunctions: every Lambda
 * Task is bound to the real handler in-process (Lambda semantics), the
 * putEvents tasks to the local bus. `start` returns at once; `outcome`
 * settles when the execution ends.
 */
const workflowRunner = (
  spec: WorkflowSpec,
  bus: LocalEventBus,
  settings: LocalWorkflowSettings,
) => {
  const functionArn = (name: string) =>
    `arn:aws:lambda:${settings.region}:${settings.account}:function:${name}`;
  const stateMachineArn = `arn:aws:states:${settings.region}:${settings.account}:stateMachine:${spec.stateMachineName}`;
  const lambdaTasks = Object.entries(spec.lambdaTasks);
  const definition = loadStateMachineDefinition(spec.definitionPath, {
    ...Object.fromEntries(
      lambdaTasks.map(([, task]) => [
        task.placeholder,
        functionArn(task.functionName),
      ]),
    ),
    EventBusName: bus.name,
    EventSource: settings.eventSource,
  });
  const stateMachine = new StateMachine(definition);
  const boundTasks = Object.fromEntries(
    lambdaTasks.map(([state, task]) => [
      state,
      bindLambdaHandler(task.handler, task.functionName, settings.lambdaFaults),
    ]),
  );
  const retryingStates = [
    ...lambdaTasks.map(([state]) => state),
    ...spec.publishStates,
  ];
  const retryOverrides = retryIntervalOverrides(definition, retryingStates, {
    pollMs: settings.waitMs,
    retryMs: settings.retryMs,
  });

  return {
    stateMachineArn,
    stateMachineName: spec.stateMachineName,
    start(
      input: unknown,
      executionName: string = randomUUID(),
    ): StartedExecution {
      const executionArn = `arn:aws:states:${settings.region}:${settings.account}:execution:${spec.stateMachineName}:${executionName}`;
      const publish = bindPutEvents(bus, { executionArn, stateMachineArn });
      const retries = stateRetries(definition);
      const run = stateMachine.run(input as never, {
        overrides: {
          taskResourceLocalHandlers: {
            ...Object.fromEntries(
              Object.entries(boundTasks).map(([state, handler]) => [
                state,
                retries.wrap(state, handler),
              ]),
            ),
            ...Object.fromEntries(
              spec.publishStates.map((state) => [state, publish]),
            ),
          },
          ...(settings.waitMs === undefined
            ? {}
            : {
                waitTimeOverrides: Object.fromEntries(
                  spec.waitStates.map((state) => [state, settings.waitMs ?? 0]),
                ),
              }),
          retryIntervalOverrides: retryOverrides,
        },
        context: {
          State: retries.state as never,
          Execution: {
            Id: executionArn,
            Name: executionName,
            Input: input as never,
            StartTime: new Date(settings.now?.() ?? Date.now()).toISOString(),
            RoleArn: `arn:aws:iam::${settings.account}:role/${spec.stateMachineName}`,
          },
          StateMachine: { Id: stateMachineArn, Name: spec.stateMachineName },
        },
      });
      return {
        executionArn,
        executionName,
        stateMachineArn,
        eventLogs: run.eventLogs,
        abort: run.abort,
        outcome: toOutcome(run.result),
      };
    },
  };
};

export type WorkflowRunner = ReturnType<typeof workflowRunner>;

/** The create-dataset-group workflow on the local stack. */
export const createWorkflowRunner = (
  handlers: CreateWorkflowHandlers,
  bus: LocalEventBus,
  settings: LocalWorkflowSettings,
): WorkflowRunner =>
  workflowRunner(
    {
      stateMachineName: 'create-dataset-group',
      definitionPath: createDatasetGroupDefinitionPath,
      lambdaTasks: {
        CreateDatasetGroup: {
          placeholder: 'CreateDatasetGroupFunctionArn',
          functionName: 'create-dataset-group',
          handler: handlers.createDatasetGroup,
        },
        DescribeDatasetGroup: {
          placeholder: 'DescribeDatasetGroupFunctionArn',
          functionName: 'describe-dataset-group',
          handler: handlers.describeDatasetGroup,
        },
      },
      publishStates: [
        'PublishCreationStarted',
        'PublishDatasetGroupCreated',
        'PublishCreationFailed',
        'PublishCreationFailedSummary',
      ],
      waitStates: ['WaitForDatasetGroup'],
    },
    bus,
    settings,
  );

/** The delete-dataset-group workflow on the local stack. */
export const deleteWorkflowRunner = (
  handlers: DeleteWorkflowHandlers,
  bus: LocalEventBus,
  settings: LocalWorkflowSettings,
): WorkflowRunner =>
  workflowRunner(
    {
      stateMachineName: 'delete-dataset-group',
      definitionPath: deleteDatasetGroupDefinitionPath,
      lambdaTasks: {
        DeleteDatasetGroup: {
          placeholder: 'DeleteDatasetGroupFunctionArn',
          functionName: 'delete-dataset-group',
          handler: handlers.deleteDatasetGroup,
        },
        DescribeDatasetGroupDeletion: {
          placeholder: 'DescribeDatasetGroupDeletionFunctionArn',
          functionName: 'describe-dataset-group-deletion',
          handler: handlers.describeDatasetGroupDeletion,
        },
      },
      publishStates: [
        'PublishDeletionStarted',
        'PublishDatasetGroupDeleted',
        'PublishDeletionFailed',
        'PublishDeletionFailedSummary',
      ],
      waitStates: ['WaitForDeletion'],
    },
    bus,
    settings,
  );

export type CreateWorkflowRunner = WorkflowRunner;

/** The events an execution published (they carry its ARN in resources). */
export const eventsOfExecution = (
  bus: LocalEventBus,
  executionArn: string,
): BusEvent[] =>
  bus.events.filter((event) => event.resources.includes(executionArn));
