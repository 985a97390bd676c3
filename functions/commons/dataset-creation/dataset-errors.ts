import { DatasetGroupWorkflowError } from '../errors.ts';

/**
 * Errors of the create-datasets workflow. As in errors.ts, each sets
 * `name`: it is what Retry and Catch match and the event's error.code.
 */

/** A schema of that name exists with another definition. Not retried. */
export class SchemaConflictError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SchemaConflictError';
  }
}

/** A dataset of that type exists in the group with another schema. */
export class DatasetConflictError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatasetConflictError';
  }
}

/** An import job of that name exists for another dataset or location. */
export class ImportJobConflictError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ImportJobConflictError';
  }
}

/** The declared schemaArn names no schema, or one that does not fit. */
export class SchemaNotUsableError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SchemaNotUsableError';
  }
}

/** The group is missing or not ACTIVE: datasets cannot be added to it. */
export class DatasetGroupNotReadyError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatasetGroupNotReadyError';
  }
}

/**
 * The region has its 5 import jobs pending or in progress. Retried by
 * the state machine, with a long backoff, until the import's deadline.
 */
export class DatasetImportQuotaError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatasetImportQuotaError';
  }
}

/** The import's deadline passed while it waited for the quota. */
export class DatasetImportTimedOutError extends DatasetGroupWorkflowError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatasetImportTimedOutError';
  }
}

/** Outcome codes the workflow decides for datasets and imports. */
export const datasetOutcomeCodes = {
  datasetCreateFailed: 'DatasetCreateFailed',
  datasetTimedOut: 'DatasetCreationTimedOut',
  importFailed: 'DatasetImportFailed',
  importTimedOut: 'DatasetImportTimedOut',
  datasetsFailed: 'DatasetsFailed',
} as const;
