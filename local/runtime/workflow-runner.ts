import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  StateMachine,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import type { BusEvent, LocalEventBus } from './event-bus.ts';
import { bindLambdaHandler } from './lambda-binding.ts';
import type { LambdaFaults } from './lambda-faults.ts';
import { bindPutEvents } from './put-events-binding.ts';
import {
  createDatasetGroupDefinitionPath,
  createDatasetsDefinitionPath,
  deleteDatasetGroupDefinitionPath,
  findStateDefinition,
  loadStateMachineDefinition,
} from './state-machine-definition.ts';
import { retryIntervalOverrides, stateRetries } from './state-retries.ts';
import {
  recordTaskAttempts,
  TaskAttemptLog,
  type TaskTarget,
  taskTargetOf,
} from './task-attempts.ts';
import type { TaskHandler } from './task-handler.ts';

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
  teardownDatasetGroupChildren: LambdaHandler;
}

export interface CreateDatasetsWorkflowHandlers {
  prepareDatasets: LambdaHandler;
  createDataset: LambdaHandler;
  describeDataset: LambdaHandler;
  createDatasetImportJob: LambdaHandler;
  describeDatasetImportJob: LambdaHandler;
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
  /** Every call of a Task's work, in call order, for the history. */
  taskAttempts: TaskAttemptLog;
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

/** How one run of a workflow starts. */
export interface RunOptions {
  /** `$$.Execution.StartTime`; default now. */
  startTime?: Date;
  /**
   * `$$.Execution.RedriveCount`; default 0. Above 0, a run again from the
   * start of an execution the stack stopped under: its tasks are
   * idempotent, and an event an earlier run published is not published
   * again.
   */
  redriveCount?: number;
}

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

/** A Task state as its history names it: Resource and TimeoutSeconds. */
interface RecordedTask {
  stateName: string;
  target: TaskTarget;
  timeoutSeconds: number | undefined;
}

const recordedTaskOf = (
  definition: StateMachineDefinition,
  stateName: string,
  region: string,
): RecordedTask => {
  const state = findStateDefinition(definition, stateName) as
    | { Resource?: string; TimeoutSeconds?: number }
    | undefined;
  const target = taskTargetOf(state?.Resource ?? '', region);
  if (target === undefined) {
    throw new RangeError(
      `${stateName} is not a Task whose Resource is a Lambda function or a service integration`,
    );
  }
  return { stateName, target, timeoutSeconds: state?.TimeoutSeconds };
};

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
  const roleArn = `arn:aws:iam::${settings.account}:role/${spec.stateMachineName}`;
  const boundTasks = lambdaTasks.map(([state, task]) => ({
    task: recordedTaskOf(definition, state, settings.region),
    handler: bindLambdaHandler(
      task.handler,
      task.functionName,
      settings.lambdaFaults,
    ),
  }));
  const publishTasks = spec.publishStates.map((state) =>
    recordedTaskOf(definition, state, settings.region),
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
    /**
     * The definition as deployed: serverless-step-functions sends
     * `JSON.stringify(definition, undefined, 2)` of the ASL with its
     * placeholders substituted (compileStateMachines.js), and this is that
     * text for the very object the runner executes.
     */
    definition: JSON.stringify(definition, undefined, 2),
    /** The role the executions run with (the context's RoleArn). */
    roleArn,
    start(
      input: unknown,
      executionName: string = randomUUID(),
      options: RunOptions = {},
    ): StartedExecution {
      const executionArn = `arn:aws:states:${settings.region}:${settings.account}:execution:${spec.stateMachineName}:${executionName}`;
      const publish = bindPutEvents(bus, {
        executionArn,
        stateMachineArn,
        skipPublished: (options.redriveCount ?? 0) > 0,
      });
      const retries = stateRetries(definition);
      const taskAttempts = new TaskAttemptLog();
      const recorded = (task: RecordedTask, handler: TaskHandler) =>
        [
          task.stateName,
          recordTaskAttempts(taskAttempts, task, handler),
        ] as const;
      const run = stateMachine.run(input as never, {
        overrides: {
          taskResourceLocalHandlers: Object.fromEntries([
            ...boundTasks.map(({ task, handler }) =>
              recorded(task, retries.wrap(task.stateName, handler)),
            ),
            ...publishTasks.map((task) => recorded(task, publish)),
          ]),
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
            StartTime: (
              options.startTime ?? new Date(settings.now?.() ?? Date.now())
            ).toISOString(),
            RoleArn: roleArn,
            RedriveCount: options.redriveCount ?? 0,
          },
          StateMachine: { Id: stateMachineArn, Name: spec.stateMachineName },
        },
      });
      return {
        executionArn,
        executionName,
        stateMachineArn,
        eventLogs: run.eventLogs,
        taskAttempts,
        abort: run.abort,
        outcome: toOutcome(run.result),
      };
    },
  };
};

export type WorkflowRunner = ReturnType<typeof workflowRunner>;

/** The putEvents states of the create-dataset-group workflow. */
export const createWorkflowPublishStates = [
  'PublishCreationStarted',
  'PublishDatasetGroupCreated',
  'PublishCreationFailed',
  'PublishCreationFailedSummary',
] as const;

/** The putEvents states of the delete-dataset-group workflow. */
export const deleteWorkflowPublishStates = [
  'PublishDeletionStarted',
  'PublishDatasetGroupDeleted',
  'PublishDeletionFailed',
  'PublishDeletionFailedSummary',
] as const;

/** The putEvents states of the create-datasets workflow. */
export const createDatasetsPublishStates = [
  'PublishDatasetCreated',
  'PublishDatasetCreatedBeforeImport',
  'PublishDatasetCreationFailed',
  'PublishImportCompleted',
  'PublishImportFailed',
  'PublishDatasetsReady',
  'PublishDatasetsFailed',
  'PublishRequestRejected',
  'PublishRequestRejectedSummary',
] as const;

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
      publishStates: createWorkflowPublishStates,
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
        TearDownChildren: {
          placeholder: 'TeardownDatasetGroupChildrenFunctionArn',
          functionName: 'teardown-dataset-group-children',
          handler: handlers.teardownDatasetGroupChildren,
        },
        DeleteEmptyDatasetGroup: {
          placeholder: 'DeleteDatasetGroupFunctionArn',
          functionName: 'delete-dataset-group',
          handler: handlers.deleteDatasetGroup,
        },
      },
      publishStates: deleteWorkflowPublishStates,
      waitStates: ['WaitForDeletion', 'WaitForChildren'],
    },
    bus,
    settings,
  );

/** The create-datasets workflow on the local stack. */
export const createDatasetsWorkflowRunner = (
  handlers: CreateDatasetsWorkflowHandlers,
  bus: LocalEventBus,
  settings: LocalWorkflowSettings,
): WorkflowRunner =>
  workflowRunner(
    {
      stateMachineName: 'create-datasets',
      definitionPath: createDatasetsDefinitionPath,
      lambdaTasks: {
        PrepareDatasets: {
          placeholder: 'PrepareDatasetsFunctionArn',
          functionName: 'prepare-datasets',
          handler: handlers.prepareDatasets,
        },
        CreateDataset: {
          placeholder: 'CreateDatasetFunctionArn',
          functionName: 'create-dataset',
          handler: handlers.createDataset,
        },
        DescribeDataset: {
          placeholder: 'DescribeDatasetFunctionArn',
          functionName: 'describe-dataset',
          handler: handlers.describeDataset,
        },
        CreateDatasetImportJob: {
          placeholder: 'CreateDatasetImportJobFunctionArn',
          functionName: 'create-dataset-import-job',
          handler: handlers.createDatasetImportJob,
        },
        DescribeDatasetImportJob: {
          placeholder: 'DescribeDatasetImportJobFunctionArn',
          functionName: 'describe-dataset-import-job',
          handler: handlers.describeDatasetImportJob,
        },
      },
      publishStates: createDatasetsPublishStates,
      waitStates: ['WaitForDataset', 'WaitForImport'],
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
