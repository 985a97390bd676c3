import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** The schema this code reads and writes (`PRAGMA user_version`). */
export const schemaVersion = 3;

/** Version 1: dataset groups, bus events, executions and their histories. */
const version1 = `
CREATE TABLE dataset_groups (
  dataset_group_arn TEXT PRIMARY KEY,
  record TEXT NOT NULL
) STRICT;
CREATE TABLE bus_events (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  bus_name TEXT NOT NULL,
  event TEXT NOT NULL
) STRICT;
CREATE INDEX bus_events_by_bus ON bus_events (bus_name, sequence);
CREATE TABLE executions (
  execution_arn TEXT PRIMARY KEY,
  sequence INTEGER NOT NULL,
  record TEXT NOT NULL
) STRICT;
CREATE TABLE history_events (
  execution_arn TEXT NOT NULL,
  id INTEGER NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (execution_arn, id)
) STRICT;
CREATE TABLE stack_facts (
  fact TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;

/** Version 2 adds the emulator's schemas, datasets and import jobs. */
const version2 = `
CREATE TABLE schemas (
  schema_arn TEXT PRIMARY KEY,
  record TEXT NOT NULL
) STRICT;
CREATE TABLE datasets (
  dataset_arn TEXT PRIMARY KEY,
  record TEXT NOT NULL
) STRICT;
CREATE TABLE dataset_import_jobs (
  dataset_import_job_arn TEXT PRIMARY KEY,
  record TEXT NOT NULL
) STRICT;
`;

/**
 * Version 3 adds the resources of the emulator's dataset groups: event
 * trackers, filters, solutions, solution versions, campaigns,
 * recommenders and metric attributions, one JSON record per ARN.
 */
const version3 = [
  'event_trackers',
  'filters',
  'solutions',
  'solution_versions',
  'campaigns',
  'recommenders',
  'metric_attributions',
]
  .map(
    (table) => `CREATE TABLE ${table} (
  arn TEXT PRIMARY KEY,
  record TEXT NOT NULL
) STRICT;`,
  )
  .join('\n');

/** `migrations[n]` takes a database from version n to n + 1. */
const migrations = [version1, version2, version3];

/** The database file cannot be used; the message says what to do. */
export class StackDatabaseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StackDatabaseError';
  }
}

/**
 * The local stack's state in one SQLite file (node:sqlite, no server):
 * the emulator's dataset groups, schemas, datasets, dataset import jobs
 * and what the groups hold (event trackers, filters, solutions and their
 * versions, campaigns, recommenders, metric attributions), the events of
 * the buses, the executions
 * and their histories. Every write is its own transaction, committed
 * before the call that made it answers, so a `kill -9` loses nothing that
 * a client was told. WAL mode lets readers (the CLI) read while the stack
 * writes.
 */
export class StackDatabase {
  readonly file: string;
  readonly #db: DatabaseSync;

  /** `readOnly` opens an existing file for a reader in another process. */
  constructor(file: string, options: { readOnly?: boolean } = {}) {
    this.file = file;
    const readOnly = options.readOnly === true;
    if (!readOnly) mkdirSync(dirname(file), { recursive: true });
    try {
      this.#db = new DatabaseSync(file, { timeout: 5_000, readOnly });
      if (readOnly) {
        this.#checkVersion();
        return;
      }
      this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
      this.#migrate();
    } catch (error) {
      if (error instanceof StackDatabaseError) throw error;
      throw new StackDatabaseError(
        `${file} is not a local stack database (${(error as Error).message}); start with --reset to begin empty`,
        { cause: error },
      );
    }
  }

  /** The underlying connection, for the row modules of this folder. */
  get connection(): DatabaseSync {
    return this.#db;
  }

  /** Runs `work` in one transaction. */
  transaction<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }

  #version(): number {
    const row = this.#db.prepare('PRAGMA user_version').get() as {
      user_version: number;
    };
    return row.user_version;
  }

  #checkVersion(): void {
    const version = this.#version();
    if (version !== schemaVersion) {
      throw new StackDatabaseError(
        `${this.file} has schema version ${version}, this code reads version ${schemaVersion}`,
      );
    }
  }

  /**
   * Brings an empty file or an older version up to schemaVersion, one
   * migration at a time, in one transaction (the version read inside it,
   * so two stacks opening the file at once do not both migrate). A newer
   * version than this code knows is refused.
   */
  #migrate(): void {
    if (this.#version() === schemaVersion) return;
    this.transaction(() => {
      const version = this.#version();
      if (version === schemaVersion) return;
      if (version > schemaVersion || version < 0) {
        throw new StackDatabaseError(
          `${this.file} has schema version ${version}, this stack reads version ${schemaVersion}; start with --reset to begin empty`,
        );
      }
      for (const migration of migrations.slice(version)) {
        this.#db.exec(migration);
      }
      this.#db.exec(`PRAGMA user_version = ${schemaVersion}`);
    });
  }
}
