import type {
  DatasetRecord,
  DatasetsApi,
  ImportJobRecord,
  SchemaRecord,
} from '#commons/dataset-creation/datasets-api.ts';

const prefix = 'arn:aws:personalize:us-east-1:000000000000:';

/**
 * DatasetsApi in memory, for the domain's tests: resources exist as they
 * are put, statuses change only when a test says so, `quotaFull` refuses
 * imports for the quota.
 */
export class InMemoryDatasetsApi implements DatasetsApi {
  readonly schemas = new Map<string, SchemaRecord>();
  readonly datasets = new Map<string, DatasetRecord>();
  readonly importJobs = new Map<string, ImportJobRecord>();
  quotaFull = false;
  /** Status a new dataset or import job starts in. */
  initialStatus = 'CREATE PENDING';

  async createSchema(input: {
    name: string;
    schema: string;
    domain?: 'ECOMMERCE' | 'VIDEO_ON_DEMAND' | undefined;
  }) {
    const schemaArn = `${prefix}schema/${input.name}`;
    if (this.schemas.has(schemaArn)) return { kind: 'already-exists' as const };
    this.schemas.set(schemaArn, {
      name: input.name,
      schemaArn,
      schema: input.schema,
      ...(input.domain !== undefined && { domain: input.domain }),
    });
    return { kind: 'created' as const, schemaArn };
  }

  async describeSchema(schemaArn: string) {
    return this.schemas.get(schemaArn);
  }

  async createDataset(input: {
    name: string;
    schemaArn: string;
    datasetGroupArn: string;
    datasetType: string;
  }) {
    const group = input.datasetGroupArn.split('/').at(-1);
    const datasetArn = `${prefix}dataset/${group}/${input.datasetType.toUpperCase()}`;
    if (this.datasets.has(datasetArn)) {
      return { kind: 'already-exists' as const };
    }
    this.datasets.set(datasetArn, {
      name: input.name,
      datasetArn,
      datasetGroupArn: input.datasetGroupArn,
      datasetType: input.datasetType,
      schemaArn: input.schemaArn,
      status: this.initialStatus,
    });
    return { kind: 'created' as const, datasetArn };
  }

  async describeDataset(datasetArn: string) {
    const dataset = this.datasets.get(datasetArn);
    return dataset === undefined ? undefined : { ...dataset };
  }

  async createImportJob(input: {
    jobName: string;
    datasetArn: string;
    dataLocation: string;
  }) {
    const arn = `${prefix}dataset-import-job/${input.jobName}`;
    if (this.importJobs.has(arn)) return { kind: 'already-exists' as const };
    if (this.quotaFull) {
      return {
        kind: 'quota' as const,
        message: 'More than 5 resources with PENDING or IN_PROGRESS status.',
      };
    }
    this.importJobs.set(arn, {
      jobName: input.jobName,
      datasetImportJobArn: arn,
      datasetArn: input.datasetArn,
      dataLocation: input.dataLocation,
      status: this.initialStatus,
    });
    return { kind: 'created' as const, datasetImportJobArn: arn };
  }

  async describeImportJob(arn: string) {
    const job = this.importJobs.get(arn);
    return job === undefined ? undefined : { ...job };
  }
}
