/**
 * The statuses of datasets and dataset import jobs, spelled as the service
 * spells them (spaces, and an underscore in IN_PROGRESS). Datasets also
 * pass through the two delete statuses; import jobs are never deleted.
 */
export const resourceStatus = {
  createPending: 'CREATE PENDING',
  createInProgress: 'CREATE IN_PROGRESS',
  active: 'ACTIVE',
  createFailed: 'CREATE FAILED',
  deletePending: 'DELETE PENDING',
  deleteInProgress: 'DELETE IN_PROGRESS',
} as const;

/** Where a creation can be: on its way, or how it ended. */
export type CreationStatus =
  | typeof resourceStatus.createPending
  | typeof resourceStatus.createInProgress
  | typeof resourceStatus.active
  | typeof resourceStatus.createFailed;

export type DatasetStatus =
  | CreationStatus
  | typeof resourceStatus.deletePending
  | typeof resourceStatus.deleteInProgress;

/** CREATE PENDING or CREATE IN_PROGRESS: the creation has not ended. */
export const isUnderway = (status: string): boolean =>
  status === resourceStatus.createPending ||
  status === resourceStatus.createInProgress;
