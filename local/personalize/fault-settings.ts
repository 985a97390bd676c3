import type { ChildKind } from './child-kinds.ts';
import type { ThrottlingErrorName } from './emulator-error.ts';
import type { OperationName } from './operation-names.ts';

/**
 * Which names a fault applies to (dataset group, dataset or import job
 * names, as the fault says): omitted = every name.
 */
export type NameMatcher = string | RegExp;

/** The next `count` calls (of `operation`, or of any) fail this way. */
export interface CountedFault {
  /** Default 1. */
  count?: number;
  /** Only calls of this operation; omitted = any operation. */
  operation?: OperationName;
}

/** How a call over the rate is answered. */
export interface ThrottlingAnswer {
  /**
   * Default LimitExceededException, with the service model's message "The
   * limit on the number of requests per second has been exceeded.";
   * ThrottlingException answers "Rate exceeded".
   */
  error?: ThrottlingErrorName;
  /** Replaces the error's default message. */
  message?: string;
}

/** The next `count` calls are refused as over the rate. */
export interface ThrottleFault extends CountedFault, ThrottlingAnswer {}

export interface ServerErrorFault extends CountedFault {
  /** 5xx status, default 500. */
  status?: number;
  /** `__type`; default ServiceUnavailable for 503, else InternalFailure. */
  type?: string;
}

export interface RateLimit extends ThrottlingAnswer {
  /** Calls per second allowed on average. */
  tps: number;
  /** Calls allowed at once; default max(1, tps). */
  burst?: number;
}

export interface CreateFailedFault {
  match?: NameMatcher;
  /** Default 'Emulated failure: the dataset group could not be created'. */
  failureReason?: string;
}

export interface NeverActiveFault {
  match?: NameMatcher;
  /** The status the group stays in; default CREATE IN_PROGRESS. */
  status?: 'CREATE PENDING' | 'CREATE IN_PROGRESS';
}

/** Datasets whose name matches end CREATE FAILED. */
export interface DatasetCreateFailedFault {
  /** Dataset names. */
  match?: NameMatcher;
  /**
   * Default 'Emulated failure: the dataset could not be created'. The
   * Dataset shape has no failureReason: it shows in datasets() only.
   */
  failureReason?: string;
}

/** Datasets whose name matches never leave CREATE IN_PROGRESS. */
export interface DatasetNeverActiveFault {
  /** Dataset names. */
  match?: NameMatcher;
}

/** Import jobs whose name matches end CREATE FAILED with failureReason. */
export interface ImportFailedFault {
  /** Import job names. */
  match?: NameMatcher;
  /**
   * Default: the role cannot read the job's data location ("Insufficient
   * privileges for accessing data in Amazon S3. The role does not have
   * permission to read s3://…").
   */
  failureReason?: string;
}

/** Import jobs whose name matches never leave CREATE IN_PROGRESS. */
export interface ImportNeverDoneFault {
  /** Import job names. */
  match?: NameMatcher;
}

/**
 * Resources of a dataset group (event trackers, filters, solutions,
 * solution versions, campaigns, recommenders, metric attributions) whose
 * kind and name match end CREATE FAILED.
 */
export interface ChildCreateFailedFault {
  /** Omitted = every kind. */
  kind?: ChildKind;
  /** Resource names; a solution version without a name: its solution's. */
  match?: NameMatcher;
  /**
   * Default 'Emulated failure: the <kind> could not be created'. On the
   * wire where the shape has failureReason (all but event trackers).
   */
  failureReason?: string;
}

/**
 * Deletions of resources of a group whose kind and name match give up:
 * after DELETE PENDING and DELETE IN_PROGRESS the resource goes back to
 * the status it had (ACTIVE, INACTIVE or CREATE FAILED), with
 * failureReason, instead of being gone.
 */
export interface ChildDeleteFailedFault {
  /** Omitted = every kind. */
  kind?: ChildKind;
  /** Resource names. */
  match?: NameMatcher;
  /** Default 'Emulated failure: the <kind> could not be deleted'. */
  failureReason?: string;
  /** How many matching deletions give up; omitted = every one. */
  count?: number;
}

/** Faults in force from the start; all can be changed on the controller. */
export interface FaultSettings {
  throttle?: ThrottleFault;
  serverError?: ServerErrorFault;
  connectionReset?: CountedFault;
  rateLimits?: Partial<Record<OperationName, RateLimit>>;
  createFailed?: CreateFailedFault | readonly CreateFailedFault[];
  neverActive?: NeverActiveFault | readonly NeverActiveFault[];
  datasetCreateFailed?:
    | DatasetCreateFailedFault
    | readonly DatasetCreateFailedFault[];
  datasetNeverActive?:
    | DatasetNeverActiveFault
    | readonly DatasetNeverActiveFault[];
  importFailed?: ImportFailedFault | readonly ImportFailedFault[];
  importNeverDone?: ImportNeverDoneFault | readonly ImportNeverDoneFault[];
  childCreateFailed?:
    | ChildCreateFailedFault
    | readonly ChildCreateFailedFault[];
  childDeleteFailed?:
    | ChildDeleteFailedFault
    | readonly ChildDeleteFailedFault[];
  /** Real delay before every answer, in ms. */
  latencyMs?: number;
  /** Real delay per operation, in ms; wins over `latencyMs`. */
  latencyMsByOperation?: Partial<Record<OperationName, number>>;
}

export const faultKinds = [
  'throttle',
  'serverError',
  'rateLimit',
  'connectionReset',
  'latency',
  'createFailed',
  'neverActive',
  'datasetCreateFailed',
  'datasetNeverActive',
  'importFailed',
  'importNeverDone',
  'childCreateFailed',
  'childDeleteFailed',
] as const;

export type FaultKind = (typeof faultKinds)[number];
