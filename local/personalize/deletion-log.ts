import type { ChildKind } from './child-kinds.ts';

/** The kinds whose resources the deletion log records. */
export type DeletedKind = 'datasetGroup' | 'dataset' | 'schema' | ChildKind;

/** A resource that has become gone, and when (the emulator's clock). */
export interface DeletionLogEntry {
  kind: DeletedKind;
  arn: string;
  name: string;
  goneAt: number;
}

/**
 * Which kind goes first when two are gone in the same millisecond: a
 * child before its parent (a campaign before the solution version it
 * serves, that before its solution, a group's resources before its
 * datasets, datasets before their group and the schemas they used).
 */
const depth: Record<DeletedKind, number> = {
  campaign: 0,
  solutionVersion: 1,
  solution: 2,
  eventTracker: 2,
  filter: 2,
  recommender: 2,
  metricAttribution: 2,
  dataset: 3,
  datasetGroup: 4,
  schema: 5,
};

const kindOrder = Object.keys(depth) as DeletedKind[];

/**
 * Every resource that has become gone. The stores record an entry when
 * they forget a resource (lazily, on their next call), with the time its
 * lifecycle says it went, so `entries()` is in the order they went
 * whenever the stores were read.
 */
export class DeletionLog {
  readonly #entries: DeletionLogEntry[] = [];

  record(entry: DeletionLogEntry): void {
    this.#entries.push({ ...entry });
  }

  /**
   * Oldest first, by goneAt; on a tie a child before its parent, then in
   * the order of `depth`'s keys (campaign, solution version, solution,
   * event tracker, filter, recommender, metric attribution, dataset,
   * dataset group, schema).
   */
  entries(): DeletionLogEntry[] {
    return this.#entries
      .map((entry) => ({ ...entry }))
      .sort(
        (a, b) =>
          a.goneAt - b.goneAt ||
          depth[a.kind] - depth[b.kind] ||
          kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind),
      );
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
