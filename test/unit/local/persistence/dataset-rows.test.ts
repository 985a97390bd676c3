import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  CreateSchemaCommand,
  DeleteDatasetCommand,
  DeleteDatasetGroupCommand,
  DescribeDatasetCommand,
  DescribeDatasetImportJobCommand,
  ResourceAlreadyExistsException,
  ResourceInUseException,
} from '@aws-sdk/client-personalize';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetGroupRows } from '#local/persistence/dataset-group-rows.ts';
import { datasetRows } from '#local/persistence/dataset-rows.ts';
import {
  StackDatabase,
  StackDatabaseError,
  schemaVersion,
} from '#local/persistence/stack-database.ts';
import {
  createManualClock,
  type ManualClock,
  startPersonalizeEmulator,
} from '#local/personalize/index.ts';
import {
  activeInteractionsDataset,
  clientFor,
  groupArn,
  importJobArn,
  interactionsDefinition,
  lifecycle,
  startImport,
} from '../personalize/dataset-fixtures.ts';

const directories: string[] = [];

const databaseFile = () => {
  const directory = mkdtempSync(join(tmpdir(), 'dataset-db-'));
  directories.push(directory);
  return join(directory, 'stack.db');
};

/** An emulator keeping everything in `file`, as `npm run local` has it. */
const emulatorOn = async (file: string, clock: ManualClock) => {
  const database = new StackDatabase(file);
  const emulator = await startPersonalizeEmulator({
    clock,
    lifecycle,
    persistence: datasetGroupRows(database),
    datasetPersistence: datasetRows(database),
  });
  const client = clientFor(emulator.endpoint);
  return {
    emulator,
    client,
    close: async () => {
      client.destroy();
      await emulator.close();
      database.close();
    },
  };
};

const rowCount = (file: string, table: string): number => {
  const db = new DatabaseSync(file, { readOnly: true });
  const row = db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as {
    n: number;
  };
  db.close();
  return row.n;
};

const tableNames = (file: string): string[] => {
  const db = new DatabaseSync(file, { readOnly: true });
  const names = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all() as Array<{ name: string }>
  ).map((row) => row.name);
  db.close();
  return names;
};

afterEach(() => {
  for (const directory of directories.splice(0)) {
    rmSync(directory, { recursive: true, force: true });
  }
});

describe('datasetRows', () => {
  it('gives a restarted emulator the schemas, datasets and import jobs of the last one, lifecycles going on', async () => {
    // Prepare
    const file = databaseFile();
    const clock = createManualClock(Date.UTC(2026, 0, 1));
    const first = await emulatorOn(file, clock);
    const dataset = await activeInteractionsDataset(
      first.client,
      clock,
      'acme',
    );
    await startImport(first.client, 'load', dataset, {
      tags: [{ tagKey: 'source', tagValue: 'crm' }],
    });
    const before = {
      schemas: first.emulator.schemas(),
      datasets: first.emulator.datasets(),
      importJobs: first.emulator.importJobs(),
    };
    await first.close();

    // Act
    const second = await emulatorOn(file, clock);
    const reopened = {
      schemas: second.emulator.schemas(),
      datasets: second.emulator.datasets(),
      importJobs: second.emulator.importJobs(),
    };
    clock.advance(lifecycle.importPendingMs + lifecycle.importInProgressMs);
    const job = await second.client.send(
      new DescribeDatasetImportJobCommand({
        datasetImportJobArn: importJobArn('load'),
      }),
    );
    const sameSchema = second.client
      .send(
        new CreateSchemaCommand({
          name: 'acme-interactions',
          schema: interactionsDefinition,
        }),
      )
      .catch((error: unknown) => error);
    const groupInUse = second.client
      .send(
        new DeleteDatasetGroupCommand({ datasetGroupArn: groupArn('acme') }),
      )
      .catch((error: unknown) => error);

    // Assess
    expect(reopened).toEqual(before);
    expect(reopened.schemas).toHaveLength(1);
    expect(reopened.datasets).toMatchObject([{ status: 'ACTIVE' }]);
    expect(reopened.importJobs).toMatchObject([
      {
        jobName: 'load',
        status: 'CREATE PENDING',
        tags: [{ tagKey: 'source' }],
      },
    ]);
    expect(job.datasetImportJob?.status).toBe('ACTIVE');
    expect(await sameSchema).toBeInstanceOf(ResourceAlreadyExistsException);
    expect(await groupInUse).toBeInstanceOf(ResourceInUseException);
    await second.close();
  });

  it('forgets a deleted dataset and its import jobs, also in the file', async () => {
    // Prepare
    const file = databaseFile();
    const clock = createManualClock(Date.UTC(2026, 0, 1));
    const first = await emulatorOn(file, clock);
    const dataset = await activeInteractionsDataset(
      first.client,
      clock,
      'acme',
    );
    await startImport(first.client, 'load', dataset);
    clock.advance(lifecycle.importPendingMs + lifecycle.importInProgressMs);
    await first.client.send(new DeleteDatasetCommand({ datasetArn: dataset }));
    clock.advance(lifecycle.datasetPendingMs + lifecycle.datasetDeleteMs);
    const gone = await first.client
      .send(new DescribeDatasetCommand({ datasetArn: dataset }))
      .catch((error: unknown) => error);
    first.emulator.importJobs();
    await first.close();
    const rows = {
      datasets: rowCount(file, 'datasets'),
      importJobs: rowCount(file, 'dataset_import_jobs'),
    };

    // Act
    const second = await emulatorOn(file, clock);

    // Assess
    expect(gone).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(rows).toEqual({ datasets: 0, importJobs: 0 });
    expect(second.emulator.datasets()).toEqual([]);
    expect(second.emulator.importJobs()).toEqual([]);
    expect(second.emulator.schemas()).toHaveLength(1);
    await second.close();
  });

  it('starts empty after reset() cleared the file', async () => {
    // Prepare
    const file = databaseFile();
    const clock = createManualClock(Date.UTC(2026, 0, 1));
    const first = await emulatorOn(file, clock);
    const dataset = await activeInteractionsDataset(first.client, clock, 'a');
    await startImport(first.client, 'load', dataset);
    first.emulator.reset();
    await first.close();

    // Act
    const second = await emulatorOn(file, clock);

    // Assess
    expect(second.emulator.datasetGroups()).toEqual([]);
    expect(second.emulator.schemas()).toEqual([]);
    expect(second.emulator.datasets()).toEqual([]);
    expect(second.emulator.importJobs()).toEqual([]);
    await second.close();
  });
});

describe('StackDatabase schema version 2', () => {
  const version1 = `
CREATE TABLE dataset_groups (dataset_group_arn TEXT PRIMARY KEY, record TEXT NOT NULL) STRICT;
CREATE TABLE bus_events (sequence INTEGER PRIMARY KEY AUTOINCREMENT, bus_name TEXT NOT NULL, event TEXT NOT NULL) STRICT;
CREATE INDEX bus_events_by_bus ON bus_events (bus_name, sequence);
CREATE TABLE executions (execution_arn TEXT PRIMARY KEY, sequence INTEGER NOT NULL, record TEXT NOT NULL) STRICT;
CREATE TABLE history_events (execution_arn TEXT NOT NULL, id INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (execution_arn, id)) STRICT;
CREATE TABLE stack_facts (fact TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
PRAGMA user_version = 1;
`;

  it('migrates a version 1 file, keeping its rows and adding the dataset tables', () => {
    // Prepare
    const file = databaseFile();
    const old = new DatabaseSync(file);
    old.exec(version1);
    old
      .prepare(
        'INSERT INTO dataset_groups (dataset_group_arn, record) VALUES (?, ?)',
      )
      .run('arn:kept', '{}');
    old.close();

    // Act
    const database = new StackDatabase(file);
    const kept = database.connection
      .prepare('SELECT dataset_group_arn FROM dataset_groups')
      .all();
    const version = database.connection.prepare('PRAGMA user_version').get();
    datasetRows(database).schemas.save({
      sequence: 0,
      region: 'us-east-1',
      schemaArn: 'arn:aws:personalize:us-east-1:000000000000:schema/s',
      name: 's',
      schema: interactionsDefinition,
      createdAtMs: 0,
    });
    database.close();

    // Assess
    expect(schemaVersion).toBe(3);
    expect(version).toEqual({ user_version: 3 });
    expect(kept).toEqual([{ dataset_group_arn: 'arn:kept' }]);
    expect(tableNames(file)).toEqual(
      expect.arrayContaining(['schemas', 'datasets', 'dataset_import_jobs']),
    );
  });

  it('creates every table of version 2 in a new file, readable by a read-only reader', () => {
    // Prepare
    const file = databaseFile();
    new StackDatabase(file).close();

    // Act
    const reader = new StackDatabase(file, { readOnly: true });
    reader.close();

    // Assess
    expect(tableNames(file)).toEqual(
      expect.arrayContaining([
        'dataset_groups',
        'bus_events',
        'schemas',
        'datasets',
        'dataset_import_jobs',
      ]),
    );
  });

  it('refuses a version 1 file to a read-only reader, which cannot migrate it', () => {
    // Prepare
    const file = databaseFile();
    const old = new DatabaseSync(file);
    old.exec(version1);
    old.close();

    // Act
    const open = () => new StackDatabase(file, { readOnly: true });

    // Assess
    expect(open).toThrow(StackDatabaseError);
    expect(open).toThrow('has schema version 1, this code reads version 3');
  });

  it('refuses a file of a newer version, naming --reset', () => {
    // Prepare
    const file = databaseFile();
    const newer = new DatabaseSync(file);
    newer.exec('PRAGMA user_version = 4');
    newer.close();

    // Act
    const open = () => new StackDatabase(file);

    // Assess
    expect(open).toThrow(StackDatabaseError);
    expect(open).toThrow(
      /has schema version 4, this stack reads version 3; start with --reset/,
    );
  });
});
