import type { Domain } from '../dataset-group/constraints.ts';
import {
  DatasetConflictError,
  ImportJobConflictError,
  SchemaConflictError,
} from './dataset-errors.ts';
import type {
  DatasetRecord,
  DatasetsApi,
  ImportJobRecord,
} from './datasets-api.ts';
import type { PreparedDataset } from './prepared-dataset.ts';

/** JSON with its object keys sorted: two spellings of one schema match. */
const canonicalJson = (text: string): string => {
  const sort = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sort)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([key, entry]) => [key, sort(entry)]),
          )
        : value;
  try {
    return JSON.stringify(sort(JSON.parse(text)));
  } catch {
    return text;
  }
};

export const sameSchemaDefinition = (a: string, b: string): boolean =>
  canonicalJson(a) === canonicalJson(b);

/**
 * Creates the dataset's schema, or adopts the schema of that name when
 * its definition (keys in any order) and domain are the same; another
 * definition is a SchemaConflictError. A schema declared by its ARN was
 * checked by PrepareDatasets and is used as it is.
 */
export const createOrAdoptSchema = async (
  api: DatasetsApi,
  dataset: PreparedDataset,
  domain: Domain | undefined,
): Promise<{ schemaArn: string; adopted: boolean }> => {
  const { schema } = dataset;
  if (schema.definition === undefined) {
    return { schemaArn: schema.schemaArn, adopted: true };
  }
  const created = await api.createSchema({
    name: schema.name,
    schema: schema.definition,
    domain,
  });
  if (created.kind === 'created') {
    return { schemaArn: created.schemaArn, adopted: false };
  }
  const existing = await api.describeSchema(schema.schemaArn);
  if (existing === undefined) {
    throw new SchemaConflictError(
      `Schema ${schema.name} already exists, yet ${schema.schemaArn} cannot be described`,
    );
  }
  if (!sameSchemaDefinition(existing.schema, schema.definition)) {
    throw new SchemaConflictError(
      `Schema ${schema.name} already exists with another definition; give the ${dataset.datasetType} dataset another schema.name, or delete the old schema`,
    );
  }
  if (existing.domain !== domain) {
    throw new SchemaConflictError(
      `Schema ${schema.name} already exists for domain ${existing.domain ?? '(none)'}, not ${domain ?? '(none)'}`,
    );
  }
  return { schemaArn: existing.schemaArn, adopted: true };
};

/**
 * Creates the dataset, or adopts the group's dataset of that type when it
 * uses the same schema; another schema is a DatasetConflictError.
 */
export const createOrAdoptDataset = async (
  api: DatasetsApi,
  dataset: PreparedDataset,
  datasetGroupArn: string,
  schemaArn: string,
): Promise<{ dataset: DatasetRecord; adopted: boolean }> => {
  const created = await api.createDataset({
    name: dataset.datasetName,
    schemaArn,
    datasetGroupArn,
    datasetType: dataset.datasetType,
    tags: dataset.tags,
  });
  const datasetArn =
    created.kind === 'created' ? created.datasetArn : dataset.datasetArn;
  const described = await api.describeDataset(datasetArn);
  if (created.kind === 'created') {
    return {
      dataset: described ?? { name: dataset.datasetName, datasetArn },
      adopted: false,
    };
  }
  if (described === undefined) {
    throw new DatasetConflictError(
      `Dataset ${dataset.datasetName} already exists, yet the group's ${dataset.datasetType} dataset ${datasetArn} cannot be described`,
    );
  }
  if (described.schemaArn !== schemaArn) {
    throw new DatasetConflictError(
      `The group already holds a ${dataset.datasetType} dataset (${described.name}) with schema ${described.schemaArn ?? '(unknown)'}, not ${schemaArn}`,
    );
  }
  return { dataset: described, adopted: true };
};

/**
 * Creates the import job, or adopts the job of that name when it imports
 * the same location into the same dataset; anything else is an
 * ImportJobConflictError. `quota`: the region has its pending jobs.
 */
export const createOrAdoptImportJob = async (
  api: DatasetsApi,
  dataset: PreparedDataset,
  datasetArn: string,
): Promise<
  | { kind: 'job'; importJob: ImportJobRecord; adopted: boolean }
  | { kind: 'quota'; message: string }
> => {
  const job = dataset.importJob;
  if (job === undefined) {
    throw new RangeError(
      `The ${dataset.datasetType} dataset declares no import`,
    );
  }
  const created = await api.createImportJob({
    jobName: job.jobName,
    datasetArn,
    dataLocation: job.dataLocation,
    roleArn: job.roleArn,
    importMode: job.importMode,
  });
  if (created.kind === 'quota') return created;
  const arn =
    created.kind === 'created'
      ? created.datasetImportJobArn
      : job.datasetImportJobArn;
  const described = await api.describeImportJob(arn);
  if (created.kind === 'created') {
    return {
      kind: 'job',
      importJob: described ?? {
        jobName: job.jobName,
        datasetImportJobArn: arn,
      },
      adopted: false,
    };
  }
  if (
    described === undefined ||
    described.datasetArn !== datasetArn ||
    described.dataLocation !== job.dataLocation
  ) {
    throw new ImportJobConflictError(
      `Import job ${job.jobName} already exists${
        described === undefined
          ? ''
          : ` for ${described.dataLocation ?? '(unknown)'} into ${described.datasetArn ?? '(unknown)'}`
      }; give the ${dataset.datasetType} import another jobName`,
    );
  }
  return { kind: 'job', importJob: described, adopted: true };
};
