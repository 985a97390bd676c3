/**
 * The statuses of the emulator's resources, spelled as the service spells
 * them (spaces, and an underscore in IN_PROGRESS). Datasets and the kinds
 * a dataset group holds also pass through the two delete statuses;
 * import jobs are never deleted. Recommenders stop and start; solution
 * versions can be stopped while they train.
 */
export const resourceStatus = {
  createPending: 'CREATE PENDING',
  createInProgress: 'CREATE IN_PROGRESS',
  active: 'ACTIVE',
  createFailed: 'CREATE FAILED',
  deletePending: 'DELETE PENDING',
  deleteInProgress: 'DELETE IN_PROGRESS',
  stopPending: 'STOP PENDING',
  stopInProgress: 'STOP IN_PROGRESS',
  inactive: 'INACTIVE',
  startPending: 'START PENDING',
  startInProgress: 'START IN_PROGRESS',
  createStopping: 'CREATE STOPPING',
  createStopped: 'CREATE STOPPED',
} as const;

/** Where a creation can be: on its way, or how it ended. */
export type CreationStatus =
  | typeof resourceStatus.createPending
  | typeof resourceStatus.createInProgress
  | typeof resourceStatus.active
  | typeof resourceStatus.createFailed;

export type DeletionStatus =
  | typeof resourceStatus.deletePending
  | typeof resourceStatus.deleteInProgress;

export type DatasetStatus = CreationStatus | DeletionStatus;

/** Any status of a kind a dataset group holds. */
export type ChildStatus = (typeof resourceStatus)[keyof typeof resourceStatus];

/** CREATE PENDING or CREATE IN_PROGRESS: the creation has not ended. */
export const isUnderway = (status: string): boolean =>
  status === resourceStatus.createPending ||
  status === resourceStatus.createInProgress;

/** DELETE PENDING or DELETE IN_PROGRESS: the resource is going. */
export const isDeleting = (status: string): boolean =>
  status === resourceStatus.deletePending ||
  status === resourceStatus.deleteInProgress;
