import { datasetGroupStatus } from '#commons/dataset-group/status.ts';
import { type ChildKind, childNouns } from './child-kinds.ts';
import { type DeletionFate, goneFate } from './child-lifecycle.ts';
import type { Clock } from './clock.ts';
import { activeFate, type CreationFate } from './dataset-group-lifecycle.ts';
import {
  EmulatorError,
  overTheRate,
  throttlingErrorNames,
} from './emulator-error.ts';
import {
  type ChildCreateFailedFault,
  type ChildDeleteFailedFault,
  type CountedFault,
  type CreateFailedFault,
  type DatasetCreateFailedFault,
  type DatasetNeverActiveFault,
  type FaultKind,
  type FaultSettings,
  faultKinds,
  type ImportFailedFault,
  type ImportNeverDoneFault,
  type NameMatcher,
  type NeverActiveFault,
  type RateLimit,
  type ServerErrorFault,
  type ThrottleFault,
  type ThrottlingAnswer,
} from './fault-settings.ts';
import type { OperationName } from './operation-names.ts';
import { TokenBucket } from './token-bucket.ts';

/** What the wire layer must do instead of answering normally. */
export type InjectedFault =
  | { kind: 'connectionReset' }
  | { kind: 'throttle' | 'serverError' | 'rateLimit'; error: EmulatorError };

type QueueKind = 'connectionReset' | 'throttle' | 'serverError';

interface QueuedFault {
  remaining: number;
  operation: OperationName | undefined;
  error: () => EmulatorError;
}

const defaultFailureReason =
  'Emulated failure: the dataset group could not be created';

const defaultDatasetFailureReason =
  'Emulated failure: the dataset could not be created';

/** An import's default failure: the role cannot read the data location. */
export const importFailureReasonFor = (dataLocation: string): string =>
  `Insufficient privileges for accessing data in Amazon S3. The role does not have permission to read ${dataLocation}`;

/** 'Emulated failure: the event tracker could not be created'. */
const childFailureReason = (kind: ChildKind, what: 'created' | 'deleted') =>
  `Emulated failure: the ${childNouns[kind].one} could not be ${what}`;

const asList = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value as T];

const countOf = (fault: CountedFault): number => {
  const count = fault.count ?? 1;
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`fault count must be an integer >= 1, got ${count}`);
  }
  return count;
};

const matches = (matcher: NameMatcher | undefined, name: string): boolean => {
  if (matcher === undefined) return true;
  if (typeof matcher === 'string') return matcher === name;
  matcher.lastIndex = 0;
  return matcher.test(name);
};

const serverErrorOf = (fault: ServerErrorFault) => {
  const status = fault.status ?? 500;
  if (!Number.isInteger(status) || status < 500 || status > 599) {
    throw new RangeError(`serverError status must be 5xx, got ${status}`);
  }
  const type =
    fault.type ?? (status === 503 ? 'ServiceUnavailable' : 'InternalFailure');
  const message =
    status === 503
      ? 'The service is unavailable. Please try again later.'
      : 'We encountered an internal error. Please try again.';
  return () => new EmulatorError(type, message, status);
};

/** The error of a call over the rate; checks the answer's options. */
const overTheRateOf = (answer: ThrottlingAnswer) => {
  const { error, message } = answer;
  if (error !== undefined && !throttlingErrorNames.includes(error)) {
    throw new RangeError(
      `throttling error must be one of ${throttlingErrorNames.join(', ')}, got ${String(error)}`,
    );
  }
  if (message !== undefined && typeof message !== 'string') {
    throw new TypeError('throttling message must be a string');
  }
  return () => overTheRate(error, message);
};

const assertDelay = (ms: number): void => {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`latency must be a finite number >= 0, got ${ms}`);
  }
};

/**
 * The faults in force, changeable at any time, and how many were injected.
 * Every method that adds a rule returns a function that removes it.
 */
export class FaultController {
  readonly #clock: Clock;
  readonly #queues: Record<QueueKind, QueuedFault[]> = {
    connectionReset: [],
    throttle: [],
    serverError: [],
  };
  readonly #buckets = new Map<
    OperationName,
    { bucket: TokenBucket; error: () => EmulatorError }
  >();
  readonly #createFailed: Required<CreateFailedFault>[] = [];
  readonly #neverActive: NeverActiveFault[] = [];
  readonly #datasetCreateFailed: Required<DatasetCreateFailedFault>[] = [];
  readonly #datasetNeverActive: DatasetNeverActiveFault[] = [];
  readonly #importFailed: ImportFailedFault[] = [];
  readonly #importNeverDone: ImportNeverDoneFault[] = [];
  readonly #childCreateFailed: ChildCreateFailedFault[] = [];
  readonly #childDeleteFailed: Array<
    ChildDeleteFailedFault & { remaining: number }
  > = [];
  #latencyMs = 0;
  readonly #latencyByOperation = new Map<OperationName, number>();
  #counts = this.#zeroCounts();
  #errorCounts: Record<string, number> = {};

  constructor(clock: Clock, settings: FaultSettings = {}) {
    this.#clock = clock;
    if (settings.throttle) this.throttle(settings.throttle);
    if (settings.serverError) this.serverError(settings.serverError);
    if (settings.connectionReset)
      this.connectionReset(settings.connectionReset);
    for (const [operation, limit] of Object.entries(
      settings.rateLimits ?? {},
    )) {
      this.rateLimit(operation as OperationName, limit);
    }
    for (const fault of asList(settings.createFailed)) this.createFailed(fault);
    for (const fault of asList(settings.neverActive)) this.neverActive(fault);
    for (const fault of asList(settings.datasetCreateFailed)) {
      this.datasetCreateFailed(fault);
    }
    for (const fault of asList(settings.datasetNeverActive)) {
      this.datasetNeverActive(fault);
    }
    for (const fault of asList(settings.importFailed)) this.importFailed(fault);
    for (const fault of asList(settings.importNeverDone)) {
      this.importNeverDone(fault);
    }
    for (const fault of asList(settings.childCreateFailed)) {
      this.childCreateFailed(fault);
    }
    for (const fault of asList(settings.childDeleteFailed)) {
      this.childDeleteFailed(fault);
    }
    if (settings.latencyMs !== undefined) this.latency(settings.latencyMs);
    for (const [operation, ms] of Object.entries(
      settings.latencyMsByOperation ?? {},
    )) {
      this.latency(ms, operation as OperationName);
    }
  }

  /**
   * The next calls are refused as over the rate: LimitExceededException
   * (modelled) by default, or `{ error: 'ThrottlingException' }`.
   */
  throttle(fault: ThrottleFault = {}): void {
    this.#queue('throttle', fault, overTheRateOf(fault));
  }

  /** The next calls answer a 5xx InternalFailure/ServiceUnavailable. */
  serverError(fault: ServerErrorFault = {}): void {
    this.#queue('serverError', fault, serverErrorOf(fault));
  }

  /** The next calls get their socket destroyed without an answer. */
  connectionReset(fault: CountedFault = {}): void {
    this.#queue(
      'connectionReset',
      fault,
      () =>
        new EmulatorError(
          'ConnectionReset',
          'socket destroyed by the emulator',
        ),
    );
  }

  /**
   * Limits an operation's rate on the clock; `undefined` lifts it. A call
   * over the rate gets LimitExceededException by default, or the error
   * `limit.error` names.
   */
  rateLimit(operation: OperationName, limit: RateLimit | undefined): void {
    if (limit === undefined) {
      this.#buckets.delete(operation);
      return;
    }
    this.#buckets.set(operation, {
      bucket: new TokenBucket(this.#clock, limit.tps, limit.burst),
      error: overTheRateOf(limit),
    });
  }

  /** Groups whose name matches end CREATE FAILED with `failureReason`. */
  createFailed(fault: CreateFailedFault = {}): () => void {
    const rule = {
      match: fault.match ?? /^/,
      failureReason: fault.failureReason ?? defaultFailureReason,
    };
    this.#createFailed.push(rule);
    return () => this.#remove(this.#createFailed, rule);
  }

  /** Groups whose name matches never leave CREATE IN_PROGRESS (or PENDING). */
  neverActive(fault: NeverActiveFault = {}): () => void {
    const rule = { ...fault };
    this.#neverActive.push(rule);
    return () => this.#remove(this.#neverActive, rule);
  }

  /** Datasets whose name matches end CREATE FAILED. */
  datasetCreateFailed(fault: DatasetCreateFailedFault = {}): () => void {
    const rule = {
      match: fault.match ?? /^/,
      failureReason: fault.failureReason ?? defaultDatasetFailureReason,
    };
    this.#datasetCreateFailed.push(rule);
    return () => this.#remove(this.#datasetCreateFailed, rule);
  }

  /** Datasets whose name matches never leave CREATE IN_PROGRESS. */
  datasetNeverActive(fault: DatasetNeverActiveFault = {}): () => void {
    const rule = { ...fault };
    this.#datasetNeverActive.push(rule);
    return () => this.#remove(this.#datasetNeverActive, rule);
  }

  /**
   * Import jobs whose name matches end CREATE FAILED with failureReason
   * (by default: the role cannot read the job's data location).
   */
  importFailed(fault: ImportFailedFault = {}): () => void {
    const rule = { ...fault };
    this.#importFailed.push(rule);
    return () => this.#remove(this.#importFailed, rule);
  }

  /** Import jobs whose name matches never leave CREATE IN_PROGRESS. */
  importNeverDone(fault: ImportNeverDoneFault = {}): () => void {
    const rule = { ...fault };
    this.#importNeverDone.push(rule);
    return () => this.#remove(this.#importNeverDone, rule);
  }

  /**
   * Resources of a group whose kind and name match end CREATE FAILED
   * with failureReason.
   */
  childCreateFailed(fault: ChildCreateFailedFault = {}): () => void {
    const rule = { ...fault };
    this.#childCreateFailed.push(rule);
    return () => this.#remove(this.#childCreateFailed, rule);
  }

  /**
   * Deletions of resources of a group whose kind and name match give up
   * (the next `count` of them, or every one): the resource goes back to
   * its status before the delete, with failureReason.
   */
  childDeleteFailed(fault: ChildDeleteFailedFault = {}): () => void {
    const rule = {
      ...fault,
      remaining: fault.count === undefined ? Infinity : countOf(fault),
    };
    this.#childDeleteFailed.push(rule);
    return () => this.#remove(this.#childDeleteFailed, rule);
  }

  /** Real delay before answering (one operation, or all); 0 removes it. */
  latency(ms: number, operation?: OperationName): void {
    assertDelay(ms);
    if (operation === undefined) this.#latencyMs = ms;
    else this.#latencyByOperation.set(operation, ms);
  }

  /** Removes every fault (the counters stay). */
  clear(): void {
    for (const queue of Object.values(this.#queues)) queue.length = 0;
    this.#buckets.clear();
    this.#createFailed.length = 0;
    this.#neverActive.length = 0;
    this.#datasetCreateFailed.length = 0;
    this.#datasetNeverActive.length = 0;
    this.#importFailed.length = 0;
    this.#importNeverDone.length = 0;
    this.#childCreateFailed.length = 0;
    this.#childDeleteFailed.length = 0;
    this.#latencyMs = 0;
    this.#latencyByOperation.clear();
  }

  /** Injected faults per kind since the start or the last resetCounts(). */
  counts(): Record<FaultKind, number> {
    return { ...this.#counts };
  }

  /**
   * Injected errors per name (`__type`: LimitExceededException,
   * ThrottlingException, InternalFailure, …) since the start or the last
   * resetCounts(), so a run can say which error a throttle or a rate
   * limit sent.
   */
  errorCounts(): Record<string, number> {
    return { ...this.#errorCounts };
  }

  resetCounts(): void {
    this.#counts = this.#zeroCounts();
    this.#errorCounts = {};
  }

  /** The real delay to apply before answering a call of `operation`. */
  takeLatency(operation: OperationName): number {
    const ms = this.#latencyByOperation.get(operation) ?? this.#latencyMs;
    if (ms > 0) this.#counts.latency += 1;
    return ms;
  }

  /** The fault a call of `operation` gets, if any; consumes it. */
  takeFault(operation: OperationName): InjectedFault | undefined {
    const fault = this.#nextFault(operation);
    if (fault !== undefined) {
      const name = 'error' in fault ? fault.error.name : 'ConnectionReset';
      this.#errorCounts[name] = (this.#errorCounts[name] ?? 0) + 1;
    }
    return fault;
  }

  #nextFault(operation: OperationName): InjectedFault | undefined {
    if (this.#take('connectionReset', operation)) {
      return { kind: 'connectionReset' };
    }
    for (const kind of ['throttle', 'serverError'] as const) {
      const error = this.#take(kind, operation);
      if (error !== undefined) return { kind, error };
    }
    const limit = this.#buckets.get(operation);
    if (limit !== undefined && !limit.bucket.tryTake()) {
      this.#counts.rateLimit += 1;
      return { kind: 'rateLimit', error: limit.error() };
    }
    return undefined;
  }

  /** How the creation of a group named `name` will end. */
  creationFateFor(name: string): CreationFate {
    const stuck = this.#neverActive.find((rule) => matches(rule.match, name));
    if (stuck !== undefined) {
      this.#counts.neverActive += 1;
      return {
        outcome: 'STUCK',
        status: stuck.status ?? datasetGroupStatus.createInProgress,
      };
    }
    const failed = this.#createFailed.find((rule) => matches(rule.match, name));
    if (failed !== undefined) {
      this.#counts.createFailed += 1;
      return { outcome: 'CREATE FAILED', failureReason: failed.failureReason };
    }
    return activeFate;
  }

  /** How the creation of a dataset named `name` will end. */
  datasetFateFor(name: string): CreationFate {
    if (this.#datasetNeverActive.some((rule) => matches(rule.match, name))) {
      this.#counts.datasetNeverActive += 1;
      return { outcome: 'STUCK', status: datasetGroupStatus.createInProgress };
    }
    const failed = this.#datasetCreateFailed.find((rule) =>
      matches(rule.match, name),
    );
    if (failed !== undefined) {
      this.#counts.datasetCreateFailed += 1;
      return { outcome: 'CREATE FAILED', failureReason: failed.failureReason };
    }
    return activeFate;
  }

  /** How an import job named `jobName`, reading `dataLocation`, will end. */
  importFateFor(jobName: string, dataLocation: string): CreationFate {
    if (this.#importNeverDone.some((rule) => matches(rule.match, jobName))) {
      this.#counts.importNeverDone += 1;
      return { outcome: 'STUCK', status: datasetGroupStatus.createInProgress };
    }
    const failed = this.#importFailed.find((rule) =>
      matches(rule.match, jobName),
    );
    if (failed !== undefined) {
      this.#counts.importFailed += 1;
      return {
        outcome: 'CREATE FAILED',
        failureReason:
          failed.failureReason ?? importFailureReasonFor(dataLocation),
      };
    }
    return activeFate;
  }

  /** How the creation of a `kind` resource named `name` will end. */
  childFateFor(kind: ChildKind, name: string): CreationFate {
    const failed = this.#childCreateFailed.find(
      (rule) =>
        (rule.kind === undefined || rule.kind === kind) &&
        matches(rule.match, name),
    );
    if (failed === undefined) return activeFate;
    this.#counts.childCreateFailed += 1;
    return {
      outcome: 'CREATE FAILED',
      failureReason:
        failed.failureReason ?? childFailureReason(kind, 'created'),
    };
  }

  /** How the deletion of a `kind` resource named `name` will end. */
  childDeletionFateFor(kind: ChildKind, name: string): DeletionFate {
    const failed = this.#childDeleteFailed.find(
      (rule) =>
        (rule.kind === undefined || rule.kind === kind) &&
        matches(rule.match, name),
    );
    if (failed === undefined) return goneFate;
    failed.remaining -= 1;
    if (failed.remaining <= 0) this.#remove(this.#childDeleteFailed, failed);
    this.#counts.childDeleteFailed += 1;
    return {
      outcome: 'DELETE FAILED',
      failureReason:
        failed.failureReason ?? childFailureReason(kind, 'deleted'),
    };
  }

  #queue(
    kind: QueueKind,
    fault: CountedFault,
    error: () => EmulatorError,
  ): void {
    this.#queues[kind].push({
      remaining: countOf(fault),
      operation: fault.operation,
      error,
    });
  }

  #take(kind: QueueKind, operation: OperationName): EmulatorError | undefined {
    const queue = this.#queues[kind];
    const entry = queue.find(
      (queued) =>
        queued.operation === undefined || queued.operation === operation,
    );
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) queue.splice(queue.indexOf(entry), 1);
    this.#counts[kind] += 1;
    return entry.error();
  }

  #remove<T>(list: T[], item: T): void {
    const index = list.indexOf(item);
    if (index >= 0) list.splice(index, 1);
  }

  #zeroCounts(): Record<FaultKind, number> {
    return Object.fromEntries(faultKinds.map((kind) => [kind, 0])) as Record<
      FaultKind,
      number
    >;
  }
}
