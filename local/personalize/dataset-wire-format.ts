import type { EmulatedDatasetView } from './dataset-store.ts';
import type { EmulatedImportJobView } from './import-job-store.ts';
import type { EmulatedSchemaView } from './schema-store.ts';
import { epochSeconds } from './wire-format.ts';

/** DatasetSchemaSummary (ListSchemas): the schema without its text. */
export const toWireSchemaSummary = (schema: EmulatedSchemaView) => ({
  name: schema.name,
  schemaArn: schema.schemaArn,
  creationDateTime: epochSeconds(schema.creationDateTime),
  lastUpdatedDateTime: epochSeconds(schema.lastUpdatedDateTime),
  ...(schema.domain !== undefined && { domain: schema.domain }),
});

/** DatasetSchema (DescribeSchema). */
export const toWireSchema = (schema: EmulatedSchemaView) => ({
  ...toWireSchemaSummary(schema),
  schema: schema.schema,
});

/** DatasetSummary (ListDatasets). */
export const toWireDatasetSummary = (dataset: EmulatedDatasetView) => ({
  name: dataset.name,
  datasetArn: dataset.datasetArn,
  datasetType: dataset.datasetType,
  status: dataset.status,
  creationDateTime: epochSeconds(dataset.creationDateTime),
  lastUpdatedDateTime: epochSeconds(dataset.lastUpdatedDateTime),
});

/** Dataset (DescribeDataset): no failureReason in the shape. */
export const toWireDataset = (dataset: EmulatedDatasetView) => ({
  ...toWireDatasetSummary(dataset),
  datasetGroupArn: dataset.datasetGroupArn,
  schemaArn: dataset.schemaArn,
});

/** DatasetImportJobSummary (ListDatasetImportJobs). */
export const toWireImportJobSummary = (job: EmulatedImportJobView) => ({
  datasetImportJobArn: job.datasetImportJobArn,
  jobName: job.jobName,
  status: job.status,
  creationDateTime: epochSeconds(job.creationDateTime),
  lastUpdatedDateTime: epochSeconds(job.lastUpdatedDateTime),
  ...(job.failureReason !== undefined && {
    failureReason: job.failureReason,
  }),
  importMode: job.importMode,
});

/** DatasetImportJob (DescribeDatasetImportJob). */
export const toWireImportJob = (job: EmulatedImportJobView) => ({
  ...toWireImportJobSummary(job),
  datasetArn: job.datasetArn,
  dataSource: { dataLocation: job.dataLocation },
  ...(job.roleArn !== undefined && { roleArn: job.roleArn }),
  ...(job.publishAttributionMetricsToS3 !== undefined && {
    publishAttributionMetricsToS3: job.publishAttributionMetricsToS3,
  }),
});
