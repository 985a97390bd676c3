/**
 * EventBridge `detail-type` values of the workflow (Title Case, past tense)
 * and the default `source` of the events it publishes. Rules, handlers,
 * the state machine and consumers must spell them exactly like this.
 */
export const detailTypes = {
  /** Inbound: asks the workflow to create a dataset group. */
  createRequested: 'Dataset Group Create Requested',
  /** Inbound: asks the workflow to delete a dataset group. */
  deleteRequested: 'Dataset Group Delete Requested',
  /** Outbound: the group was created (or adopted) and is being polled. */
  creationStarted: 'Dataset Group Creation Started',
  /** Outbound, terminal: the group is ACTIVE. */
  created: 'Dataset Group Created',
  /** Outbound, terminal: the request was rejected or creation failed. */
  creationFailed: 'Dataset Group Creation Failed',
  /** Outbound: deletion was requested and is being polled. */
  deletionStarted: 'Dataset Group Deletion Started',
  /** Outbound, terminal: the group is gone. */
  deleted: 'Dataset Group Deleted',
  /** Outbound, terminal: the group could not be deleted. */
  deletionFailed: 'Dataset Group Deletion Failed',
  /** Outbound (create-datasets): one dataset is ACTIVE. */
  datasetCreated: 'Dataset Created',
  /** Outbound (create-datasets): one dataset could not be created. */
  datasetCreationFailed: 'Dataset Creation Failed',
  /** Outbound (create-datasets): one dataset's import completed. */
  datasetImportCompleted: 'Dataset Import Completed',
  /** Outbound (create-datasets): one dataset's import failed. */
  datasetImportFailed: 'Dataset Import Failed',
  /** Outbound, terminal (create-datasets): every dataset is ready. */
  datasetsReady: 'Dataset Group Datasets Ready',
  /** Outbound, terminal (create-datasets): a dataset or import failed. */
  datasetsFailed: 'Dataset Group Datasets Failed',
} as const;

export type DetailType = (typeof detailTypes)[keyof typeof detailTypes];

/** Detail-types the workflow consumes. */
export const inboundDetailTypes = [
  detailTypes.createRequested,
  detailTypes.deleteRequested,
] as const satisfies readonly DetailType[];

/** Detail-types the workflow publishes. */
export const outboundDetailTypes = [
  detailTypes.creationStarted,
  detailTypes.created,
  detailTypes.creationFailed,
  detailTypes.deletionStarted,
  detailTypes.deleted,
  detailTypes.deletionFailed,
  detailTypes.datasetCreated,
  detailTypes.datasetCreationFailed,
  detailTypes.datasetImportCompleted,
  detailTypes.datasetImportFailed,
  detailTypes.datasetsReady,
  detailTypes.datasetsFailed,
] as const satisfies readonly DetailType[];

/** `source` of published events unless the stack configures another. */
export const defaultEventSource = 'personalize.dataset-groups';
