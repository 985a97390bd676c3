import {
  CreateDatasetCommand,
  CreateDatasetImportJobCommand,
  CreateSchemaCommand,
  DescribeDatasetCommand,
  DescribeDatasetImportJobCommand,
} from '@aws-sdk/client-personalize';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { personalizeClient } from '#commons/clients/personalize.ts';
import { peerHandlers, ResourcePending } from '../polling/peer-handlers.ts';
import type { SimulatedWorkflow } from '../simulation/simulated-run.ts';

/**
 * The AWS Solution "Maintaining Personalized Experiences with Machine
 * Learning" (MPEM), as its CDK code builds the dataset part of its
 * workflow (source/infrastructure/personalize/step_functions/
 * dataset_imports_fragment.py and dataset_import_fragment.py): one
 * Parallel branch per dataset type, each a Choice on the type's presence,
 * then Create Schema → Create Dataset → the import, where the dataset and
 * import tasks throw ResourcePending until their resource is ACTIVE and
 * their Retry is the poll loop (60 s × 1.02, 100 attempts: "total allowed
 * elapsed duration ~ 5h"). The group before it is the polling bench's
 * MPEM peer (5 s × 1.02, 30 attempts). MPEM imports from a bucket prefix
 * and, on NoSuchKey, from a CSV; here a Choice skips the import when the
 * request declares none.
 */
export const mpemRetry = {
  ErrorEquals: ['ResourcePending'],
  IntervalSeconds: 60,
  BackoffRate: 1.02,
  MaxAttempts: 100,
};

const branchOf = (type: string) => {
  const key = type.toLowerCase();
  return {
    StartAt: `Check if ${type} Data Configuration Present`,
    States: {
      [`Check if ${type} Data Configuration Present`]: {
        Type: 'Choice',
        Choices: [
          {
            Variable: `$.datasets.${key}`,
            IsPresent: true,
            Next: `Create ${type} Schema`,
          },
        ],
        Default: `${type} Not Provided`,
      },
      [`${type} Not Provided`]: { Type: 'Pass', End: true },
      [`Create ${type} Schema`]: {
        Type: 'Task',
        Resource:
          'arn:aws:lambda:us-east-1:000000000000:function:mpem-create-schema',
        Parameters: {
          'name.$': `States.Format('{}-${key}', $.name)`,
          'schema.$': `$.datasets.${key}.schema`,
        },
        ResultPath: `$.datasets.${key}.schemaArn`,
        Next: `Create ${type} Dataset`,
      },
      [`Create ${type} Dataset`]: {
        Type: 'Task',
        Resource:
          'arn:aws:lambda:us-east-1:000000000000:function:mpem-create-dataset',
        Parameters: {
          'name.$': `States.Format('{}-${key}', $.name)`,
          datasetType: type,
          'schemaArn.$': `$.datasets.${key}.schemaArn`,
          'datasetGroupArn.$': '$.created.datasetGroupArn',
        },
        ResultPath: `$.datasets.${key}.datasetArn`,
        Retry: [mpemRetry],
        Next: `Has ${type} Import`,
      },
      [`Has ${type} Import`]: {
        Type: 'Choice',
        Choices: [
          {
            Variable: `$.datasets.${key}.importJob`,
            IsPresent: true,
            Next: `Try ${type} Dataset Import`,
          },
        ],
        Default: `${type} Imported`,
      },
      [`Try ${type} Dataset Import`]: {
        Type: 'Task',
        Resource:
          'arn:aws:lambda:us-east-1:000000000000:function:mpem-create-dataset-import-job',
        Parameters: {
          'jobName.$': `States.Format('dataset_import_${key}_{}', $.name)`,
          'datasetArn.$': `$.datasets.${key}.datasetArn`,
          'importJob.$': `$.datasets.${key}.importJob`,
        },
        ResultPath: null,
        Retry: [mpemRetry],
        Next: `${type} Imported`,
      },
      [`${type} Imported`]: { Type: 'Pass', End: true },
    },
  };
};

export const mpemTypes = ['Interactions', 'Users', 'Items'] as const;

export const mpemDefinition = (): StateMachineDefinition =>
  ({
    Comment: 'MPEM: group, then datasets in parallel branches per type',
    StartAt: 'CreateDatasetGroup',
    States: {
      CreateDatasetGroup: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:us-east-1:000000000000:function:peer-create',
        ResultPath: '$.created',
        Next: 'WaitForActive',
      },
      WaitForActive: {
        Type: 'Task',
        Resource:
          'arn:aws:lambda:us-east-1:000000000000:function:peer-wait-for-active',
        ResultPath: '$.status',
        Retry: [
          {
            ErrorEquals: ['ResourcePending'],
            IntervalSeconds: 5,
            BackoffRate: 1.02,
            MaxAttempts: 30,
          },
        ],
        Next: 'Create and Import Datasets',
      },
      'Create and Import Datasets': {
        Type: 'Parallel',
        Branches: mpemTypes.map(branchOf),
        ResultPath: null,
        End: true,
      },
    },
  }) as unknown as StateMachineDefinition;

/** The request as MPEM's input keys it: datasets by lower-case type. */
export const mpemInputOf = (request: {
  name: string;
  datasets: Array<{
    datasetType: string;
    schema: unknown;
    importJob?: unknown;
  }>;
}) => ({
  name: request.name,
  datasets: Object.fromEntries(
    request.datasets.map((dataset) => [
      dataset.datasetType.toLowerCase(),
      {
        schema: dataset.schema,
        ...(dataset.importJob === undefined
          ? {}
          : { importJob: dataset.importJob }),
      },
    ]),
  ),
});

interface SchemaInput {
  name: string;
  schema: { definition: unknown };
}
interface DatasetInput {
  name: string;
  datasetType: string;
  schemaArn: string;
  datasetGroupArn: string;
}
interface ImportInput {
  jobName: string;
  datasetArn: string;
  importJob: { dataLocation: string; roleArn: string };
}

/**
 * MPEM's Lambda functions reduced to their Personalize calls: each create
 * task creates its resource on its first call and describes it on every
 * retry, throwing ResourcePending until it is ACTIVE.
 */
const mpemHandlers = () => {
  const datasets = new Map<string, string>();
  const imports = new Map<string, string>();
  const forget = () => {
    datasets.clear();
    imports.clear();
  };
  const untilActive = (status: string | undefined) => {
    if (status !== 'ACTIVE') throw new ResourcePending(status ?? 'unknown');
  };
  return {
    forget,
    createSchema: async (event: unknown) => {
      const { name, schema } = event as SchemaInput;
      const { schemaArn } = await personalizeClient.send(
        new CreateSchemaCommand({
          name,
          schema:
            typeof schema.definition === 'string'
              ? schema.definition
              : JSON.stringify(schema.definition),
        }),
      );
      return schemaArn;
    },
    createDataset: async (event: unknown) => {
      const input = event as DatasetInput;
      let datasetArn = datasets.get(input.name);
      if (datasetArn === undefined) {
        ({ datasetArn } = await personalizeClient.send(
          new CreateDatasetCommand(input),
        ));
        datasets.set(input.name, datasetArn as string);
      }
      const { dataset } = await personalizeClient.send(
        new DescribeDatasetCommand({ datasetArn }),
      );
      untilActive(dataset?.status);
      return datasetArn;
    },
    createDatasetImportJob: async (event: unknown) => {
      const { jobName, datasetArn, importJob } = event as ImportInput;
      let jobArn = imports.get(jobName);
      if (jobArn === undefined) {
        ({ datasetImportJobArn: jobArn } = await personalizeClient.send(
          new CreateDatasetImportJobCommand({
            jobName,
            datasetArn,
            dataSource: { dataLocation: importJob.dataLocation },
            roleArn: importJob.roleArn,
          }),
        ));
        imports.set(jobName, jobArn as string);
      }
      const { datasetImportJob } = await personalizeClient.send(
        new DescribeDatasetImportJobCommand({ datasetImportJobArn: jobArn }),
      );
      untilActive(datasetImportJob?.status);
      return jobArn;
    },
  };
};

/** Lambda memory the peer is priced at: the projects' default, 256 MB. */
const peerMemoryGb = 0.25;

/**
 * MPEM's workflow, ready to run in the simulation; `reset` forgets the
 * resources of the run before (the emulator forgets them too).
 */
export const mpemWorkflow = (): {
  workflow: SimulatedWorkflow;
  reset: () => void;
} => {
  const group = peerHandlers(() => undefined);
  const handlers = mpemHandlers();
  const task = (
    handler: (event: unknown) => Promise<unknown>,
    functionName: string,
  ) => ({ handler, functionName, memoryGb: peerMemoryGb });
  const workflow: SimulatedWorkflow = {
    stateMachineName: 'mpem-datasets',
    definition: mpemDefinition(),
    lambdaTasks: {
      CreateDatasetGroup: task(group.create, 'peer-create'),
      WaitForActive: task(group.waitForActive, 'peer-wait-for-active'),
      ...Object.fromEntries(
        mpemTypes.flatMap((type) => [
          [
            `Create ${type} Schema`,
            task(handlers.createSchema, 'mpem-create-schema'),
          ],
          [
            `Create ${type} Dataset`,
            task(handlers.createDataset, 'mpem-create-dataset'),
          ],
          [
            `Try ${type} Dataset Import`,
            task(
              handlers.createDatasetImportJob,
              'mpem-create-dataset-import-job',
            ),
          ],
        ]),
      ),
    },
    publishStates: [],
  };
  return { workflow, reset: handlers.forget };
};
