/**
 * Dataset group status values exactly as Personalize spells them: spaces,
 * and an underscore in IN_PROGRESS. `status` is a plain string in the
 * service model, not an enum.
 */
export const datasetGroupStatus = {
  createPending: 'CREATE PENDING',
  createInProgress: 'CREATE IN_PROGRESS',
  active: 'ACTIVE',
  createFailed: 'CREATE FAILED',
  deletePending: 'DELETE PENDING',
} as const;

export type DatasetGroupStatus =
  (typeof datasetGroupStatus)[keyof typeof datasetGroupStatus];

/** Statuses from which a creation can still reach ACTIVE. */
export const isCreationUnderway = (status: string | undefined): boolean =>
  status === datasetGroupStatus.createPending ||
  status === datasetGroupStatus.createInProgress;
