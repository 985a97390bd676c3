import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeEvent,
  type LoggedEvent,
  readEventLog,
} from '#cli/follow-events.ts';

const event = (
  detailType: string,
  name: string,
  code?: string,
): LoggedEvent => ({
  'detail-type': detailType,
  time: '2026-11-25T10:00:00.000Z',
  detail: {
    datasetGroup: { name },
    ...(code === undefined ? {} : { error: { code, message: 'why' } }),
  },
});

describe('event log', () => {
  const directory = mkdtempSync(join(tmpdir(), 'events-'));
  const path = join(directory, 'events.jsonl');

  afterEach(() => {
    rmSync(path, { force: true });
  });

  it('reads every event, or those of one group', async () => {
    // Prepare
    writeFileSync(
      path,
      [
        event('Dataset Group Created', 'a'),
        event('Dataset Group Creation Failed', 'b', 'DatasetGroupCreateFailed'),
      ]
        .map((each) => JSON.stringify(each))
        .join('\n')
        .concat('\n'),
    );
    const all: string[] = [];
    const ofB: string[] = [];

    // Act
    await readEventLog(path, {
      follow: false,
      onEvent: (each) => all.push(each['detail-type']),
    });
    await readEventLog(path, {
      follow: false,
      name: 'b',
      onEvent: (each) => ofB.push(describeEvent(each)),
    });

    // Assess
    expect(all).toEqual([
      'Dataset Group Created',
      'Dataset Group Creation Failed',
    ]);
    expect(ofB).toEqual([
      '2026-11-25T10:00:00.000Z  Dataset Group Creation Failed    b  DatasetGroupCreateFailed: why',
    ]);
  });

  it('follows what is appended until aborted', async () => {
    // Prepare
    writeFileSync(
      path,
      `${JSON.stringify(event('Dataset Group Created', 'a'))}\n`,
    );
    const controller = new AbortController();
    const seen: string[] = [];

    // Act
    const reading = readEventLog(path, {
      follow: true,
      pollMs: 5,
      signal: controller.signal,
      onEvent: (each) => {
        seen.push(each.detail.datasetGroup?.name ?? '');
        if (seen.length === 1) {
          appendFileSync(
            path,
            `${JSON.stringify(event('Dataset Group Created', 'b'))}\n`,
          );
        }
        if (seen.length === 2) controller.abort();
      },
    });
    const count = await reading;

    // Assess
    expect(seen).toEqual(['a', 'b']);
    expect(count).toBe(2);
  });

  it('waits for a log that does not exist yet, without failing', async () => {
    // Act
    const count = await readEventLog(join(directory, 'missing.jsonl'), {
      follow: false,
      onEvent: () => undefined,
    });

    // Assess
    expect(count).toBe(0);
  });
});
