import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  DeleteFilterCommand,
  DescribeFilterCommand,
  DescribeSolutionVersionCommand,
  ResourceNotFoundException,
  StopRecommenderCommand,
} from '@aws-sdk/client-personalize';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetGroupRows } from '#local/persistence/dataset-group-rows.ts';
import {
  datasetRows,
  groupChildRows,
} from '#local/persistence/dataset-rows.ts';
import {
  StackDatabase,
  schemaVersion,
} from '#local/persistence/stack-database.ts';
import {
  createManualClock,
  type ManualClock,
  startPersonalizeEmulator,
} from '#local/personalize/index.ts';
import {
  childGoneMs,
  childLifecycle,
  childMaker,
  filterArn,
  outcomeOf,
  recommenderArn,
  versionSettleMs,
} from './child-fixtures.ts';
import { activeGroup, clientFor } from './dataset-fixtures.ts';

const directories: string[] = [];

const databaseFile = () => {
  const directory = mkdtempSync(join(tmpdir(), 'children-db-'));
  directories.push(directory);
  return join(directory, 'stack.db');
};

/** An emulator keeping everything in `file`, as `npm run local` has it. */
const emulatorOn = async (file: string, clock: ManualClock) => {
  const database = new StackDatabase(file);
  const emulator = await startPersonalizeEmulator({
    clock,
    lifecycle: childLifecycle,
    persistence: datasetGroupRows(database),
    datasetPersistence: datasetRows(database),
    childPersistence: groupChildRows(database),
  });
  const client = clientFor(emulator.endpoint);
  return {
    emulator,
    client,
    make: childMaker(client, clock),
    close: async () => {
      client.destroy();
      await emulator.close();
      database.close();
    },
  };
};

const childTables = [
  'event_trackers',
  'filters',
  'solutions',
  'solution_versions',
  'campaigns',
  'recommenders',
  'metric_attributions',
];

const rowCounts = (file: string) => {
  const db = new DatabaseSync(file, { readOnly: true });
  const counts = Object.fromEntries(
    childTables.map((table) => [
      table,
      (
        db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as {
          n: number;
        }
      ).n,
    ]),
  );
  db.close();
  return counts;
};

afterEach(() => {
  for (const directory of directories.splice(0)) {
    rmSync(directory, { recursive: true, force: true });
  }
});

describe('the resources of dataset groups in the stack database', () => {
  /** One of each kind in `shop`, some still on their way. */
  const populate = async (
    stack: Awaited<ReturnType<typeof emulatorOn>>,
    clock: ManualClock,
  ) => {
    const { client, make } = stack;
    const group = await activeGroup(client, clock, 'shop', 'ECOMMERCE');
    await make.eventTracker(group);
    await make.metricAttribution(group);
    await make.settled(make.filter(group));
    await make.settled(make.recommender(group));
    const trained = await make.trainedSolution(group);
    await make.campaign(trained.version);
    const { solutionVersionArn = '' } = await make.version(trained.solution);
    await client.send(
      new StopRecommenderCommand({ recommenderArn: recommenderArn('for-you') }),
    );
    await client.send(
      new DeleteFilterCommand({ filterArn: filterArn('no-clicks') }),
    );
    return { training: solutionVersionArn };
  };

  it('keeps every kind across a restart, each lifecycle going on from its timestamps', async () => {
    // Prepare
    const file = databaseFile();
    const clock = createManualClock(Date.UTC(2026, 10, 25, 12));
    const first = await emulatorOn(file, clock);
    const { training } = await populate(first, clock);
    const views = (stack: typeof first) => ({
      eventTrackers: stack.emulator.eventTrackers(),
      filters: stack.emulator.filters(),
      solutions: stack.emulator.solutions(),
      solutionVersions: stack.emulator.solutionVersions(),
      campaigns: stack.emulator.campaigns(),
      recommenders: stack.emulator.recommenders(),
      metricAttributions: stack.emulator.metricAttributions(),
    });
    const before = views(first);
    await first.close();

    // Act
    const second = await emulatorOn(file, clock);
    const after = views(second);
    clock.advance(versionSettleMs + childGoneMs);
    const trainedStatus = (
      await second.client.send(
        new DescribeSolutionVersionCommand({ solutionVersionArn: training }),
      )
    ).solutionVersion?.status;
    const filterGone = await outcomeOf(
      second.client.send(
        new DescribeFilterCommand({ filterArn: filterArn('no-clicks') }),
      ),
    );
    const statuses = second.emulator
      .recommenders()
      .map((recommender) => recommender.status);
    await second.close();

    // Assess
    expect(before.filters.map((filter) => filter.status)).toEqual([
      'DELETE PENDING',
    ]);
    expect(before.solutionVersions).toHaveLength(2);
    expect(after).toEqual(before);
    expect(trainedStatus).toBe('ACTIVE');
    expect(filterGone).toBeInstanceOf(ResourceNotFoundException);
    expect(statuses).toEqual(['INACTIVE']);
    expect(rowCounts(file)).toEqual({
      event_trackers: 1,
      filters: 0,
      solutions: 1,
      solution_versions: 2,
      campaigns: 1,
      recommenders: 1,
      metric_attributions: 1,
    });
  });

  it('empties every table on reset(), so a restart starts empty', async () => {
    // Prepare
    const file = databaseFile();
    const clock = createManualClock(Date.UTC(2026, 10, 25, 12));
    const first = await emulatorOn(file, clock);
    await populate(first, clock);

    // Act
    first.emulator.reset();
    await first.close();
    const second = await emulatorOn(file, clock);
    const solutions = second.emulator.solutions();
    await second.close();

    // Assess
    expect(solutions).toEqual([]);
    expect(Object.values(rowCounts(file))).toEqual(childTables.map(() => 0));
  });

  it('migrates a version 2 file to version 3, keeping its rows and adding a table per kind', () => {
    // Prepare
    const file = databaseFile();
    new StackDatabase(file).close();
    const old = new DatabaseSync(file);
    for (const table of childTables) old.exec(`DROP TABLE ${table}`);
    old.exec('PRAGMA user_version = 2');
    old
      .prepare('INSERT INTO datasets (dataset_arn, record) VALUES (?, ?)')
      .run('arn:kept', '{}');
    old.close();

    // Act
    const database = new StackDatabase(file);
    const version = database.connection.prepare('PRAGMA user_version').get();
    const kept = database.connection
      .prepare('SELECT dataset_arn FROM datasets')
      .all();
    database.close();

    // Assess
    expect(schemaVersion).toBe(3);
    expect(version).toEqual({ user_version: 3 });
    expect(kept).toEqual([{ dataset_arn: 'arn:kept' }]);
    expect(rowCounts(file)).toEqual(
      Object.fromEntries(childTables.map((table) => [table, 0])),
    );
  });
});
