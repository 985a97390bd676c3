import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  busEventRows,
  readBusEvents,
} from '#local/persistence/bus-event-rows.ts';
import { StackDatabase } from '#local/persistence/stack-database.ts';
import { LocalEventBus } from '#local/runtime/event-bus.ts';

const directories: string[] = [];

const databaseFile = () => {
  const directory = mkdtempSync(join(tmpdir(), 'bus-db-'));
  directories.push(directory);
  return join(directory, 'stack.db');
};

const entry = (name: string) => ({
  Source: 'test',
  DetailType: 'Dataset Group Created',
  Detail: JSON.stringify({ datasetGroup: { name } }),
});

afterEach(() => {
  for (const directory of directories.splice(0)) {
    rmSync(directory, { recursive: true, force: true });
  }
});

describe('busEventRows', () => {
  it('gives a new bus the events of the last one, in order, when it reopens the file', () => {
    // Prepare
    const file = databaseFile();
    const first = new StackDatabase(file);
    const bus = new LocalEventBus({ store: busEventRows(first, 'stack') });
    bus.putEvents([entry('a'), entry('b')]);
    new LocalEventBus({
      name: 'default',
      store: busEventRows(first, 'default'),
    }).putEvents([entry('c')]);
    first.close();

    // Act
    const second = new StackDatabase(file);
    const reopened = new LocalEventBus({
      store: busEventRows(second, 'stack'),
    });
    reopened.putEvents([entry('d')]);
    const log = readBusEvents(second);

    // Assess
    expect(reopened.events.map((event) => event.detail)).toEqual([
      { datasetGroup: { name: 'a' } },
      { datasetGroup: { name: 'b' } },
      { datasetGroup: { name: 'd' } },
    ]);
    expect(log.map(({ busName }) => busName)).toEqual([
      'stack',
      'stack',
      'default',
      'stack',
    ]);
    expect(readBusEvents(second, log[2]?.sequence).length).toBe(1);
    second.close();
  });
});
