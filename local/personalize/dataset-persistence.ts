import type { Domain } from '#commons/dataset-group/constraints.ts';
import type { DatasetType } from '#commons/datasets/dataset-types.ts';
import type { CreationFate } from './dataset-group-lifecycle.ts';
import type { ImportMode } from './parse-import-job-requests.ts';
import type { Tag } from './tag-rules.ts';

/** A schema as the emulator keeps it (JSON-safe). */
export interface StoredSchema {
  sequence: number;
  region: string;
  schemaArn: string;
  name: string;
  schema: string;
  domain?: Domain;
  createdAtMs: number;
}

/** A dataset as the emulator keeps it (JSON-safe). */
export interface StoredDataset {
  sequence: number;
  region: string;
  datasetArn: string;
  name: string;
  datasetGroupArn: string;
  datasetType: DatasetType;
  schemaArn: string;
  createdAtMs: number;
  fate: CreationFate;
  tags: Tag[];
  deleteRequestedAtMs?: number;
}

/** A dataset import job as the emulator keeps it (JSON-safe). */
export interface StoredImportJob {
  sequence: number;
  region: string;
  datasetImportJobArn: string;
  jobName: string;
  datasetArn: string;
  dataLocation: string;
  roleArn?: string;
  importMode: ImportMode;
  publishAttributionMetricsToS3?: boolean;
  createdAtMs: number;
  fate: CreationFate;
  tags: Tag[];
}

/** Where one kind of record outlives the process, keyed by its ARN. */
export interface RecordPersistence<T> {
  load(): T[];
  save(record: T): void;
  remove(arn: string): void;
  clear(): void;
}

/**
 * Where the emulator's schemas, datasets and import jobs outlive the
 * process, like DatasetGroupPersistence: every change is saved before the
 * call that made it answers, and a new emulator starts from what was
 * saved (each lifecycle goes on from the stored timestamps).
 */
export interface DatasetPersistence {
  schemas: RecordPersistence<StoredSchema>;
  datasets: RecordPersistence<StoredDataset>;
  importJobs: RecordPersistence<StoredImportJob>;
}
