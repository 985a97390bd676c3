import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { datasetGroupRows } from '#local/persistence/dataset-group-rows.ts';
import {
  StackDatabase,
  StackDatabaseError,
} from '#local/persistence/stack-database.ts';
import { createManualClock } from '#local/personalize/clock.ts';
import { DatasetGroupStore } from '#local/personalize/dataset-group-store.ts';

const region = 'us-east-1';
const timings = { pendingMs: 100, inProgressMs: 400, deleteMs: 300 };
const directories: string[] = [];

const databaseFile = () => {
  const directory = mkdtempSync(join(tmpdir(), 'stack-db-'));
  directories.push(directory);
  return join(directory, 'stack.db');
};

const storeOn = (file: string, clock: ReturnType<typeof createManualClock>) => {
  const database = new StackDatabase(file);
  const store = new DatasetGroupStore({
    clock,
    timings,
    quota: 5,
    accountId: '123456789012',
    persistence: datasetGroupRows(database),
  });
  return { database, store };
};

afterEach(() => {
  for (const directory of directories.splice(0)) {
    rmSync(directory, { recursive: true, force: true });
  }
});

describe('datasetGroupRows', () => {
  it('gives a new store the groups, tags and lifecycle of the last one when it reopens the file', () => {
    // Prepare
    const file = databaseFile();
    const clock = createManualClock(Date.UTC(2026, 0, 1));
    const first = storeOn(file, clock);
    const { datasetGroupArn } = first.store.create(region, {
      name: 'acme',
      domain: 'ECOMMERCE',
      tags: [{ tagKey: 'team', tagValue: 'ml' }],
    });
    first.store.tagResource(datasetGroupArn, [
      { tagKey: 'stage', tagValue: 'dev' },
    ]);
    first.store.create(region, { name: 'beta', tags: [] });
    const before = first.store.views();
    first.database.close();

    // Act
    const second = storeOn(file, clock);
    const reopened = second.store.views();
    clock.advance(1_000);
    const later = second.store.describe(datasetGroupArn);

    // Assess
    expect(reopened).toEqual(before);
    expect(reopened[0]?.tags).toEqual([
      { tagKey: 'team', tagValue: 'ml' },
      { tagKey: 'stage', tagValue: 'dev' },
    ]);
    expect(later.status).toBe('ACTIVE');
    expect(() =>
      second.store.create(region, { name: 'acme', tags: [] }),
    ).toThrow(
      expect.objectContaining({ name: 'ResourceAlreadyExistsException' }),
    );
    second.database.close();
  });

  it('forgets a group once its deletion has finished, also in the file', () => {
    // Prepare
    const file = databaseFile();
    const clock = createManualClock(Date.UTC(2026, 0, 1));
    const first = storeOn(file, clock);
    const { datasetGroupArn } = first.store.create(region, {
      name: 'acme',
      tags: [],
    });
    clock.advance(1_000);
    first.store.delete(datasetGroupArn);
    clock.advance(timings.deleteMs);

    // Act
    const remaining = first.store.views();
    first.database.close();
    const second = storeOn(file, clock);

    // Assess
    expect(remaining).toEqual([]);
    expect(second.store.views()).toEqual([]);
    second.database.close();
  });

  it('keeps creation order across a reopen so new groups list first', () => {
    // Prepare
    const file = databaseFile();
    const clock = createManualClock(Date.UTC(2026, 0, 1));
    const first = storeOn(file, clock);
    first.store.create(region, { name: 'old', tags: [] });
    first.database.close();
    const second = storeOn(file, clock);

    // Act
    second.store.create(region, { name: 'new', tags: [] });
    const { datasetGroups } = second.store.list(region, { maxResults: 10 });

    // Assess
    expect(datasetGroups.map((group) => group.name)).toEqual(['new', 'old']);
    second.database.close();
  });
});

describe('StackDatabase', () => {
  it('refuses a file that is not a database, naming --reset', () => {
    // Prepare
    const file = databaseFile();
    writeFileSync(file, 'not a database, just text '.repeat(100));

    // Act
    const open = () => new StackDatabase(file);

    // Assess
    expect(open).toThrow(StackDatabaseError);
    expect(open).toThrow(/--reset/);
  });
});
