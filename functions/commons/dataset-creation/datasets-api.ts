import type { Domain } from '../dataset-group/constraints.ts';
import type { Tag } from '../dataset-group/request-schema.ts';

export interface SchemaRecord {
  name: string;
  schemaArn: string;
  schema: string;
  domain?: Domain;
}

export interface DatasetRecord {
  name: string;
  datasetArn: string;
  datasetGroupArn?: string;
  datasetType?: string;
  schemaArn?: string;
  status?: string;
  creationDateTime?: string;
  lastUpdatedDateTime?: string;
  failureReason?: string;
}

export interface ImportJobRecord {
  jobName: string;
  datasetImportJobArn: string;
  datasetArn?: string;
  dataLocation?: string;
  importMode?: string;
  status?: string;
  failureReason?: string;
  creationDateTime?: string;
  lastUpdatedDateTime?: string;
}

export type CreateResult<Arn extends string> =
  | ({ kind: 'created' } & Record<Arn, string>)
  | { kind: 'already-exists' };

/**
 * The Personalize calls of the create-datasets workflow, in the domain's
 * terms (clients/personalize-datasets.ts over the SDK; in-memory in
 * tests). A describe of a resource that is not there is undefined.
 */
export interface DatasetsApi {
  createSchema(input: {
    name: string;
    schema: string;
    domain?: Domain | undefined;
  }): Promise<CreateResult<'schemaArn'>>;
  describeSchema(schemaArn: string): Promise<SchemaRecord | undefined>;
  createDataset(input: {
    name: string;
    schemaArn: string;
    datasetGroupArn: string;
    datasetType: string;
    tags?: Tag[] | undefined;
  }): Promise<CreateResult<'datasetArn'>>;
  describeDataset(datasetArn: string): Promise<DatasetRecord | undefined>;
  /** `quota`: the region's pending import jobs are at their quota. */
  createImportJob(input: {
    jobName: string;
    datasetArn: string;
    dataLocation: string;
    roleArn: string;
    importMode: 'FULL' | 'INCREMENTAL';
  }): Promise<
    CreateResult<'datasetImportJobArn'> | { kind: 'quota'; message: string }
  >;
  describeImportJob(
    datasetImportJobArn: string,
  ): Promise<ImportJobRecord | undefined>;
}
