import {
  toWireDataset,
  toWireDatasetSummary,
  toWireImportJob,
  toWireImportJobSummary,
  toWireSchema,
  toWireSchemaSummary,
} from './dataset-wire-format.ts';
import type { Operation } from './operations.ts';
import {
  parseCreateDataset,
  parseListChildren,
} from './parse-dataset-requests.ts';
import { parseCreateDatasetImportJob } from './parse-import-job-requests.ts';
import { parseArnMember, parseListDatasetGroups } from './parse-requests.ts';
import { parseCreateSchema } from './parse-schema-requests.ts';

type DatasetOperationName =
  | 'CreateSchema'
  | 'DescribeSchema'
  | 'ListSchemas'
  | 'DeleteSchema'
  | 'CreateDataset'
  | 'DescribeDataset'
  | 'ListDatasets'
  | 'DeleteDataset'
  | 'CreateDatasetImportJob'
  | 'DescribeDatasetImportJob'
  | 'ListDatasetImportJobs';

/** Schemas, datasets and dataset import jobs. */
export const datasetOperations: Record<DatasetOperationName, Operation> = {
  CreateSchema: (body, { stores, region }) =>
    stores.schemas.create(region, parseCreateSchema(body)),

  DescribeSchema: (body, { stores }) => ({
    schema: toWireSchema(
      stores.schemas.describe(parseArnMember(body, 'schemaArn')),
    ),
  }),

  ListSchemas: (body, { stores, region }) => {
    const listed = stores.schemas.list(region, parseListDatasetGroups(body));
    return {
      schemas: listed.schemas.map(toWireSchemaSummary),
      ...(listed.nextToken !== undefined && { nextToken: listed.nextToken }),
    };
  },

  DeleteSchema: (body, { stores }) => {
    stores.schemas.delete(parseArnMember(body, 'schemaArn'));
    return undefined;
  },

  CreateDataset: (body, { stores, region }) =>
    stores.datasets.create(region, parseCreateDataset(body)),

  DescribeDataset: (body, { stores }) => ({
    dataset: toWireDataset(
      stores.datasets.describe(parseArnMember(body, 'datasetArn')),
    ),
  }),

  ListDatasets: (body, { stores, region }) => {
    const listed = stores.datasets.list(
      region,
      parseListChildren(body, 'datasetGroupArn'),
    );
    return {
      datasets: listed.datasets.map(toWireDatasetSummary),
      ...(listed.nextToken !== undefined && { nextToken: listed.nextToken }),
    };
  },

  DeleteDataset: (body, { stores }) => {
    stores.datasets.delete(parseArnMember(body, 'datasetArn'));
    return undefined;
  },

  CreateDatasetImportJob: (body, { stores, region }) =>
    stores.importJobs.create(region, parseCreateDatasetImportJob(body)),

  DescribeDatasetImportJob: (body, { stores }) => ({
    datasetImportJob: toWireImportJob(
      stores.importJobs.describe(parseArnMember(body, 'datasetImportJobArn')),
    ),
  }),

  ListDatasetImportJobs: (body, { stores, region }) => {
    const listed = stores.importJobs.list(
      region,
      parseListChildren(body, 'datasetArn'),
    );
    return {
      datasetImportJobs: listed.importJobs.map(toWireImportJobSummary),
      ...(listed.nextToken !== undefined && { nextToken: listed.nextToken }),
    };
  },
};
