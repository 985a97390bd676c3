import type { Domain } from '../dataset-group/constraints.ts';
import type { Tag } from '../dataset-group/request-schema.ts';
import type { ImportMode } from '../datasets/constraints.ts';
import type { DatasetType } from '../datasets/dataset-types.ts';

/**
 * One dataset as PrepareDatasets hands it to an iteration of the Map:
 * the declaration with every default filled in and every ARN worked out
 * (an ARN is made of names: resource-arns.ts), so every state, a
 * failure's included, can name what it was creating. The state machine
 * builds the task inputs from it: a type, not a runtime check.
 */
export interface PreparedDataset {
  datasetType: DatasetType;
  datasetName: string;
  datasetArn: string;
  schema: {
    name: string;
    schemaArn: string;
    /** Absent when the request named an existing schema by its ARN. */
    definition?: string;
  };
  tags?: Tag[];
  importJob?: {
    jobName: string;
    datasetImportJobArn: string;
    dataLocation: string;
    roleArn: string;
    importMode: ImportMode;
  };
}

/** The group the datasets go into, as PrepareDatasets found it. */
export interface TargetGroup {
  name: string;
  datasetGroupArn: string;
  domain?: Domain;
}

/** One dataset's outcome, as the terminal event lists it. */
export interface DatasetReport {
  datasetType: string;
  name: string;
  datasetArn: string;
  schemaArn: string;
  status: 'ACTIVE' | 'FAILED';
  importJob?: {
    jobName: string;
    datasetImportJobArn: string;
    status: 'ACTIVE' | 'FAILED';
  };
  error?: { code: string; message: string };
}
