import type { ChildKind } from './child-kinds.ts';
import { childLabel } from './child-kinds.ts';
import {
  type ChildAction,
  type ChildState,
  childStateAt,
  goneAtOf,
} from './child-lifecycle.ts';
import type { StoredChild } from './child-persistence.ts';
import type { Clock } from './clock.ts';
import type { RecordPersistence } from './dataset-persistence.ts';
import type { DeletionLogEntry } from './deletion-log.ts';
import { resourceInUse, resourceNotFound } from './emulator-error.ts';
import { stateFields } from './lifecycle-phases.ts';
import type { ChildLifecycleTimings } from './lifecycle-timings.ts';
import { pageOf } from './list-page.ts';
import type { ListChildrenInput } from './parse-dataset-requests.ts';
import {
  type ChildStatus,
  isDeleting,
  resourceStatus,
} from './resource-status.ts';
import { type TaggableStore, withoutTags, withTags } from './resource-tags.ts';
import type { Tag } from './tag-rules.ts';

/** A resource of a group as it is at the moment it was read. */
export type ChildView<A> = {
  kind: ChildKind;
  name: string;
  arn: string;
  region: string;
  datasetGroupArn: string;
  status: ChildStatus;
  creationDateTime: Date;
  lastUpdatedDateTime: Date;
  failureReason?: string;
  tags: Tag[];
} & A;

export interface ChildStoreOptions<A> {
  kind: ChildKind;
  clock: Clock;
  timings: ChildLifecycleTimings;
  persistence?: RecordPersistence<StoredChild<A>>;
  /** Told of each resource as it is forgotten, with when it went. */
  onGone: (entry: DeletionLogEntry) => void;
}

/** Statuses a resource can be deleted from (everything else waits). */
const deletable = new Set<ChildStatus>([
  resourceStatus.active,
  resourceStatus.createFailed,
  resourceStatus.inactive,
]);

/** What a resource in a transient status is waiting to become. */
const settlesInto = (status: ChildStatus): string => {
  switch (status) {
    case resourceStatus.stopPending:
    case resourceStatus.stopInProgress:
      return resourceStatus.inactive;
    case resourceStatus.startPending:
    case resourceStatus.startInProgress:
      return resourceStatus.active;
    case resourceStatus.createStopping:
      return resourceStatus.createStopped;
    default:
      return 'ACTIVE or CREATE FAILED';
  }
};

/**
 * The resources of one kind a dataset group holds, with the lifecycle
 * evaluated lazily on the clock and no rules across kinds (GroupChildren
 * has those). Callers sweep before they read.
 */
export class ChildStore<A> implements TaggableStore {
  readonly #options: ChildStoreOptions<A>;
  readonly #records = new Map<string, StoredChild<A>>();
  #nextSequence = 0;

  constructor(options: ChildStoreOptions<A>) {
    this.#options = options;
    for (const stored of options.persistence?.load() ?? []) {
      this.#records.set(stored.arn, stored);
      this.#nextSequence = Math.max(this.#nextSequence, stored.sequence + 1);
    }
  }

  get kind(): ChildKind {
    return this.#options.kind;
  }

  /** "Event tracker", for messages. */
  get label(): string {
    return childLabel(this.#options.kind);
  }

  /** Forgets the resources whose deletion has finished; returns the time. */
  sweep(): number {
    const now = this.#options.clock.now();
    for (const record of [...this.#records.values()]) {
      if (childStateAt(this.#facts(record), this.#options.timings, now)) {
        continue;
      }
      this.#forget(
        record,
        goneAtOf(this.#facts(record), this.#options.timings) ?? now,
      );
    }
    return now;
  }

  /** Forgets the resources that go with a parent, at the parent's time. */
  forgetWhere(
    predicate: (record: StoredChild<A>) => boolean,
    goneAt: number,
  ): void {
    for (const record of [...this.#records.values()]) {
      if (predicate(record)) this.#forget(record, goneAt);
    }
  }

  /** Adds a resource; `build` gets its sequence number. */
  insert(build: (sequence: number) => Omit<StoredChild<A>, 'sequence'>) {
    const sequence = this.#nextSequence++;
    const record: StoredChild<A> = { sequence, ...build(sequence) };
    this.#records.set(record.arn, record);
    this.#save(record);
    return record;
  }

  has(arn: string): boolean {
    return this.#records.has(arn);
  }

  find(arn: string): StoredChild<A> {
    const record = this.#records.get(arn);
    if (record === undefined) {
      throw resourceNotFound(`Could not find resource ${arn}`);
    }
    return record;
  }

  /** Every resource that still exists, oldest first. */
  records(): StoredChild<A>[] {
    return [...this.#records.values()];
  }

  stateOf(record: StoredChild<A>): ChildState {
    const now = this.#options.clock.now();
    return (
      childStateAt(this.#facts(record), this.#options.timings, now) ?? {
        status: resourceStatus.deleteInProgress,
        lastUpdatedMs: now,
      }
    );
  }

  /** Records a delete, stop or start; its run starts now. */
  act(record: StoredChild<A>, action: ChildAction): void {
    record.action = action;
    this.#save(record);
  }

  /**
   * The status, if the resource can be deleted now: not while it is
   * being created, stopped, started or deleted (ResourceInUseException).
   */
  assertDeletable(record: StoredChild<A>): ChildStatus {
    const { status } = this.stateOf(record);
    if (isDeleting(status)) {
      throw resourceInUse(
        `${this.label} ${record.arn} is ${status}; it is already being deleted`,
      );
    }
    if (!deletable.has(status)) {
      throw resourceInUse(
        `${this.label} ${record.arn} is ${status}; wait until it is ${settlesInto(status)}`,
      );
    }
    return status;
  }

  view(record: StoredChild<A>): ChildView<A> {
    const state = this.stateOf(record);
    return {
      ...record.attributes,
      kind: this.#options.kind,
      name: record.name,
      arn: record.arn,
      region: record.region,
      datasetGroupArn: record.datasetGroupArn,
      ...stateFields(record.createdAtMs, state),
      tags: [...record.tags],
    };
  }

  /** The region's resources, or one parent's (`parentArn`), newest first. */
  list(
    region: string,
    input: ListChildrenInput,
  ): { page: ChildView<A>[]; nextToken?: string } {
    const records = this.records().filter(
      (record) =>
        record.region === region &&
        (input.parentArn === undefined || record.parentArn === input.parentArn),
    );
    const { page, nextToken } = pageOf(
      records,
      input,
      `${this.#options.kind} ${region} ${input.parentArn ?? '*'}`,
    );
    return {
      page: page.map((record) => this.view(record)),
      ...(nextToken !== undefined && { nextToken }),
    };
  }

  tagResource(resourceArn: string, tags: readonly Tag[]): void {
    const record = this.#modifiable(resourceArn);
    record.tags = withTags(record.tags, tags);
    this.#save(record);
  }

  untagResource(resourceArn: string, tagKeys: readonly string[]): void {
    const record = this.#modifiable(resourceArn);
    record.tags = withoutTags(record.tags, tagKeys);
    this.#save(record);
  }

  listTags(resourceArn: string): Tag[] {
    return [...this.find(resourceArn).tags];
  }

  views(): ChildView<A>[] {
    return this.records().map((record) => this.view(record));
  }

  clear(): void {
    this.#records.clear();
    this.#options.persistence?.clear();
  }

  setTimings(timings: ChildLifecycleTimings): void {
    this.#options.timings = timings;
  }

  #facts(record: StoredChild<A>) {
    return {
      kind: this.#options.kind,
      createdAtMs: record.createdAtMs,
      fate: record.fate,
      ...(record.action !== undefined && { action: record.action }),
    };
  }

  #forget(record: StoredChild<A>, goneAt: number): void {
    this.#records.delete(record.arn);
    this.#options.persistence?.remove(record.arn);
    this.#options.onGone({
      kind: this.#options.kind,
      arn: record.arn,
      name: record.name,
      goneAt,
    });
  }

  #modifiable(arn: string): StoredChild<A> {
    const record = this.find(arn);
    if (isDeleting(this.stateOf(record).status)) {
      throw resourceInUse(`Resource ${arn} is being deleted`);
    }
    return record;
  }

  #save(record: StoredChild<A>): void {
    this.#options.persistence?.save(record);
  }
}
