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
import { bindPutEvents } from './put-events-binding.ts';
import {
  createDatasetGroupDefinitionPath,
  loadStateMachineDefinition,
} from './state-machine-definition.ts';

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;
export type ExecutionEventLog =
  ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer T>
    ? T
    : never;

export interface CreateWorkflowHandlers {
  createDatasetGroup: LambdaHandler;
  describeDatasetGroup: LambdaHandler;
}

export interface LocalWorkflowSettings {
  region: string;
  account: string;
  eventSource: string;
  /** Milliseconds every Wait state lasts; undefined keeps the real waits. */
  waitMs?: number;
  /** Milliseconds between retries; undefined keeps the ASL's backoff. */
  retryMs?: number;
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

const stateMachineName = 'create-dataset-group';
const taskStates = [
  'CreateDatasetGroup',
  'DescribeDatasetGroup',
  'PublishCreationStarted',
  'PublishDatasetGroupCreated',
  'PublishCreationFailed',
];

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

/**
 * Runs the real create-dataset-group.asl.json with aws-local-stepfunctions:
 * every Task is bound to the real handler in-process (Lambda semantics), the
 * putEvents tasks to the local bus. Returns at once; `outcome` settles when
 * the execution ends.
 */
export const createWorkflowRunner = (
  handlers: CreateWorkflowHandlers,
  bus: LocalEventBus,
  settings: LocalWorkflowSettings,
) => {
  const functionArn = (name: string) =>
    `arn:aws:lambda:${settings.region}:${settings.account}:function:${name}`;
  const stateMachineArn = `arn:aws:states:${settings.region}:${settings.account}:stateMachine:${stateMachineName}`;
  const stateMachine = new StateMachine(
    loadStateMachineDefinition(createDatasetGroupDefinitionPath, {
      CreateDatasetGroupFunctionArn: functionArn('create-dataset-group'),
      DescribeDatasetGroupFunctionArn: functionArn('describe-dataset-group'),
      EventBusName: bus.name,
      EventSource: settings.eventSource,
    }),
  );
  const createTask = bindLambdaHandler(
    handlers.createDatasetGroup,
    'create-dataset-group',
  );
  const describeTask = bindLambdaHandler(
    handlers.describeDatasetGroup,
    'describe-dataset-group',
  );

  return {
    stateMachineArn,
    start(
      input: unknown,
      executionName: string = randomUUID(),
    ): StartedExecution {
      const executionArn = `arn:aws:states:${settings.region}:${settings.account}:execution:${stateMachineName}:${executionName}`;
      const publish = bindPutEvents(bus, { executionArn, stateMachineArn });
      const run = stateMachine.run(input as never, {
        overrides: {
          taskResourceLocalHandlers: {
            CreateDatasetGroup: createTask,
            DescribeDatasetGroup: describeTask,
            PublishCreationStarted: publish,
            PublishDatasetGroupCreated: publish,
            PublishCreationFailed: publish,
          },
          ...(settings.waitMs === undefined
            ? {}
            : { waitTimeOverrides: { WaitForDatasetGroup: settings.waitMs } }),
          ...(settings.retryMs === undefined
            ? {}
            : {
                retryIntervalOverrides: Object.fromEntries(
                  taskStates.map((state) => [state, settings.retryMs ?? 0]),
                ),
              }),
        },
        context: {
          Execution: {
            Id: executionArn,
            Name: executionName,
            Input: input as never,
            StartTime: new Date().toISOString(),
            RoleArn: `arn:aws:iam::${settings.account}:role/${stateMachineName}`,
          },
          StateMachine: { Id: stateMachineArn, Name: stateMachineName },
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

export type CreateWorkflowRunner = ReturnType<typeof createWorkflowRunner>;

/** The events an execution published (they carry its ARN in resources). */
export const eventsOfExecution = (
  bus: LocalEventBus,
  executionArn: string,
): BusEvent[] =>
  bus.events.filter((event) => event.resources.includes(executionArn));
