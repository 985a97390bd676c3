import type { Context } from 'aws-lambda';
import type { loadHandlers } from '#local/runtime/local-stack.ts';
import {
  createDatasetGroupDefinitionPath,
  createDatasetsDefinitionPath,
  deleteDatasetGroupDefinitionPath,
  loadStateMachineDefinition,
} from '#local/runtime/state-machine-definition.ts';
import {
  createDatasetsPublishStates,
  createWorkflowPublishStates,
  deleteWorkflowPublishStates,
} from '#local/runtime/workflow-runner.ts';
import type { SimulatedWorkflow } from '../simulation/simulated-run.ts';

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

const functionArn = (name: string) =>
  `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

/**
 * Memory of each function, GB, as serverless.yml sets it: the pollers,
 * which sleep between polls, 128 MB; every other function the provider's
 * 256 MB.
 */
export const functionMemoryGb: Readonly<Record<string, number>> = {
  'create-dataset-group': 0.25,
  'describe-dataset-group': 0.125,
  'on-dataset-group-created': 0.25,
  'prepare-datasets': 0.25,
  'create-dataset': 0.25,
  'describe-dataset': 0.125,
  'create-dataset-import-job': 0.25,
  'describe-dataset-import-job': 0.125,
  'delete-dataset-group': 0.25,
  'describe-dataset-group-deletion': 0.125,
  'teardown-dataset-group-children': 0.125,
};

const lambdaTask = (handler: LambdaHandler, functionName: string) => ({
  handler,
  functionName,
  memoryGb: functionMemoryGb[functionName] ?? 0.25,
});

/** The handlers, loaded once the stack has set their environment. */
export type OurHandlers = Awaited<ReturnType<typeof loadHandlers>>;

const placeholders = (busName: string) => ({
  DeleteDatasetGroupFunctionArn: functionArn('delete-dataset-group'),
  DescribeDatasetGroupDeletionFunctionArn: functionArn(
    'describe-dataset-group-deletion',
  ),
  TeardownDatasetGroupChildrenFunctionArn: functionArn(
    'teardown-dataset-group-children',
  ),
  CreateDatasetGroupFunctionArn: functionArn('create-dataset-group'),
  DescribeDatasetGroupFunctionArn: functionArn('describe-dataset-group'),
  PrepareDatasetsFunctionArn: functionArn('prepare-datasets'),
  CreateDatasetFunctionArn: functionArn('create-dataset'),
  DescribeDatasetFunctionArn: functionArn('describe-dataset'),
  CreateDatasetImportJobFunctionArn: functionArn('create-dataset-import-job'),
  DescribeDatasetImportJobFunctionArn: functionArn(
    'describe-dataset-import-job',
  ),
  EventBusName: busName,
  EventSource: 'personalize.dataset-groups',
});

/** The create-dataset-group workflow: the real ASL and handlers. */
export const groupWorkflow = (
  handlers: OurHandlers,
  busName: string,
): SimulatedWorkflow => ({
  stateMachineName: 'create-dataset-group',
  definition: loadStateMachineDefinition(
    createDatasetGroupDefinitionPath,
    placeholders(busName),
  ),
  lambdaTasks: {
    CreateDatasetGroup: lambdaTask(
      handlers.createDatasetGroup,
      'create-dataset-group',
    ),
    DescribeDatasetGroup: lambdaTask(
      handlers.describeDatasetGroup,
      'describe-dataset-group',
    ),
  },
  publishStates: createWorkflowPublishStates,
});

/** The create-datasets workflow: the real ASL and handlers. */
export const datasetsWorkflow = (
  handlers: OurHandlers,
  busName: string,
): SimulatedWorkflow => ({
  stateMachineName: 'create-datasets',
  definition: loadStateMachineDefinition(
    createDatasetsDefinitionPath,
    placeholders(busName),
  ),
  lambdaTasks: {
    PrepareDatasets: lambdaTask(handlers.prepareDatasets, 'prepare-datasets'),
    CreateDataset: lambdaTask(handlers.createDataset, 'create-dataset'),
    DescribeDataset: lambdaTask(handlers.describeDataset, 'describe-dataset'),
    CreateDatasetImportJob: lambdaTask(
      handlers.createDatasetImportJob,
      'create-dataset-import-job',
    ),
    DescribeDatasetImportJob: lambdaTask(
      handlers.describeDatasetImportJob,
      'describe-dataset-import-job',
    ),
  },
  publishStates: createDatasetsPublishStates,
});

/** The delete-dataset-group workflow (cascade included): the real ASL and handlers. */
export const deleteWorkflow = (
  handlers: OurHandlers,
  busName: string,
): SimulatedWorkflow => ({
  stateMachineName: 'delete-dataset-group',
  definition: loadStateMachineDefinition(
    deleteDatasetGroupDefinitionPath,
    placeholders(busName),
  ),
  lambdaTasks: {
    DeleteDatasetGroup: lambdaTask(
      handlers.deleteDatasetGroup,
      'delete-dataset-group',
    ),
    DescribeDatasetGroupDeletion: lambdaTask(
      handlers.describeDatasetGroupDeletion,
      'describe-dataset-group-deletion',
    ),
    TearDownChildren: lambdaTask(
      handlers.teardownDatasetGroupChildren,
      'teardown-dataset-group-children',
    ),
    DeleteEmptyDatasetGroup: lambdaTask(
      handlers.deleteDatasetGroup,
      'delete-dataset-group',
    ),
  },
  publishStates: deleteWorkflowPublishStates,
});
