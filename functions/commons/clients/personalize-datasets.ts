import {
  CreateDatasetCommand,
  CreateDatasetImportJobCommand,
  CreateSchemaCommand,
  DescribeDatasetCommand,
  DescribeDatasetImportJobCommand,
  DescribeSchemaCommand,
  type PersonalizeClient,
  paginateListDatasets,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
} from '@aws-sdk/client-personalize';
import type { DatasetsApi } from '../dataset-creation/datasets-api.ts';
import type { Domain } from '../dataset-group/constraints.ts';
import {
  PersonalizeLimitExceededError,
  PersonalizeThrottledError,
} from '../errors.ts';
import { classifyLimitExceeded } from './limit-exceeded.ts';
import { toWorkflowError } from './personalize-errors.ts';

const iso = (date: Date): string => date.toISOString();

/** undefined for ResourceNotFoundException, else the workflow's error. */
const orUndefined = async <T>(
  operation: string,
  call: () => Promise<T>,
): Promise<T | undefined> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw datasetsError(error, operation);
  }
};

/**
 * toWorkflowError, except that a LimitExceededException whose message
 * names neither a rate nor a quota is taken for a rate limit: the group's
 * quota advice does not apply to schemas, datasets and the other children
 * of a group, and the task's throttling retrier bounds how long it is
 * retried.
 */
export const datasetsError = (error: unknown, operation: string): Error => {
  const mapped = toWorkflowError(error, operation);
  if (mapped instanceof PersonalizeLimitExceededError) {
    const cause = mapped.cause instanceof Error ? mapped.cause : mapped;
    if (classifyLimitExceeded(operation, cause.message) !== 'quota') {
      return new PersonalizeThrottledError(
        `${operation} failed: LimitExceededException: ${cause.message}`,
        { cause },
      );
    }
    return new PersonalizeLimitExceededError(
      `${operation} failed: LimitExceededException: ${cause.message} (a Personalize quota: see the Service Quotas console)`,
      { cause },
    );
  }
  return mapped;
};

/** DatasetsApi over the Personalize SDK client. */
export const personalizeDatasets = (
  client: PersonalizeClient,
): DatasetsApi => ({
  async createSchema({ name, schema, domain }) {
    try {
      const { schemaArn } = await client.send(
        new CreateSchemaCommand({ name, schema, domain }),
      );
      if (schemaArn === undefined) throw new TypeError('No schemaArn');
      return { kind: 'created', schemaArn };
    } catch (error) {
      if (error instanceof ResourceAlreadyExistsException) {
        return { kind: 'already-exists' };
      }
      throw datasetsError(error, 'CreateSchema');
    }
  },

  describeSchema: (schemaArn) =>
    orUndefined('DescribeSchema', async () => {
      const { schema } = await client.send(
        new DescribeSchemaCommand({ schemaArn }),
      );
      return {
        name: schema?.name ?? '',
        schemaArn: schema?.schemaArn ?? schemaArn,
        schema: schema?.schema ?? '',
        ...(schema?.domain !== undefined && {
          domain: schema.domain as Domain,
        }),
      };
    }),

  async createDataset(input) {
    try {
      const { datasetArn } = await client.send(new CreateDatasetCommand(input));
      if (datasetArn === undefined) throw new TypeError('No datasetArn');
      return { kind: 'created', datasetArn };
    } catch (error) {
      if (error instanceof ResourceAlreadyExistsException) {
        return { kind: 'already-exists' };
      }
      throw datasetsError(error, 'CreateDataset');
    }
  },

  describeDataset: (datasetArn) =>
    orUndefined('DescribeDataset', async () => {
      const { dataset } = await client.send(
        new DescribeDatasetCommand({ datasetArn }),
      );
      const failureReason = dataset?.latestDatasetUpdate?.failureReason;
      return {
        name: dataset?.name ?? '',
        datasetArn: dataset?.datasetArn ?? datasetArn,
        ...(dataset?.datasetGroupArn !== undefined && {
          datasetGroupArn: dataset.datasetGroupArn,
        }),
        ...(dataset?.datasetType !== undefined && {
          datasetType: dataset.datasetType,
        }),
        ...(dataset?.schemaArn !== undefined && {
          schemaArn: dataset.schemaArn,
        }),
        ...(dataset?.status !== undefined && { status: dataset.status }),
        ...(dataset?.creationDateTime !== undefined && {
          creationDateTime: iso(dataset.creationDateTime),
        }),
        ...(dataset?.lastUpdatedDateTime !== undefined && {
          lastUpdatedDateTime: iso(dataset.lastUpdatedDateTime),
        }),
        ...(failureReason !== undefined && { failureReason }),
      };
    }),

  async createImportJob({
    jobName,
    datasetArn,
    dataLocation,
    roleArn,
    importMode,
  }) {
    try {
      const { datasetImportJobArn } = await client.send(
        new CreateDatasetImportJobCommand({
          jobName,
          datasetArn,
          dataSource: { dataLocation },
          roleArn,
          importMode,
        }),
      );
      if (datasetImportJobArn === undefined) {
        throw new TypeError('No datasetImportJobArn');
      }
      return { kind: 'created', datasetImportJobArn };
    } catch (error) {
      if (error instanceof ResourceAlreadyExistsException) {
        return { kind: 'already-exists' };
      }
      const mapped = datasetsError(error, 'CreateDatasetImportJob');
      if (mapped instanceof PersonalizeLimitExceededError) {
        return { kind: 'quota', message: mapped.message };
      }
      throw mapped;
    }
  },

  describeImportJob: (datasetImportJobArn) =>
    orUndefined('DescribeDatasetImportJob', async () => {
      const { datasetImportJob: job } = await client.send(
        new DescribeDatasetImportJobCommand({ datasetImportJobArn }),
      );
      return {
        jobName: job?.jobName ?? '',
        datasetImportJobArn: job?.datasetImportJobArn ?? datasetImportJobArn,
        ...(job?.datasetArn !== undefined && { datasetArn: job.datasetArn }),
        ...(job?.dataSource?.dataLocation !== undefined && {
          dataLocation: job.dataSource.dataLocation,
        }),
        ...(job?.importMode !== undefined && { importMode: job.importMode }),
        ...(job?.status !== undefined && { status: job.status }),
        ...(job?.failureReason !== undefined && {
          failureReason: job.failureReason,
        }),
        ...(job?.creationDateTime !== undefined && {
          creationDateTime: iso(job.creationDateTime),
        }),
        ...(job?.lastUpdatedDateTime !== undefined && {
          lastUpdatedDateTime: iso(job.lastUpdatedDateTime),
        }),
      };
    }),
});

/** A dataset of a group, as ListDatasets summarises it. */
export interface DatasetSummary {
  name: string;
  datasetArn: string;
  datasetType?: string;
  status?: string;
}

/** Every dataset of the group, oldest first as Personalize lists them. */
export const listDatasetsOf =
  (client: PersonalizeClient) =>
  async (datasetGroupArn: string): Promise<DatasetSummary[]> => {
    try {
      const summaries: DatasetSummary[] = [];
      for await (const page of paginateListDatasets(
        { client },
        { datasetGroupArn },
      )) {
        for (const dataset of page.datasets ?? []) {
          summaries.push({
            name: dataset.name ?? '',
            datasetArn: dataset.datasetArn ?? '',
            ...(dataset.datasetType !== undefined && {
              datasetType: dataset.datasetType,
            }),
            ...(dataset.status !== undefined && { status: dataset.status }),
          });
        }
      }
      return summaries;
    } catch (error) {
      throw datasetsError(error, 'ListDatasets');
    }
  };
