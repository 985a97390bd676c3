import type { ThrottlingErrorName } from './emulator-error.ts';
import type { OperationName } from './operation-names.ts';

/** Which dataset group names a fault applies to: omitted = every name. */
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

/** Faults in force from the start; all can be changed on the controller. */
export interface FaultSettings {
  throttle?: ThrottleFault;
  serverError?: ServerErrorFault;
  connectionReset?: CountedFault;
  rateLimits?: Partial<Record<OperationName, RateLimit>>;
  createFailed?: CreateFailedFault | readonly CreateFailedFault[];
  neverActive?: NeverActiveFault | readonly NeverActiveFault[];
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
] as const;

export type FaultKind = (typeof faultKinds)[number];
