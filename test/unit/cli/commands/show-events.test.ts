import { describe, expect, it } from 'vitest';
import { parseCliOptions } from '#cli/cli-options.ts';
import { showEvents } from '#cli/commands/show-events.ts';
import type { Target } from '#cli/target.ts';
import {
  lifecycleEvent,
  stackBusName,
  stackEventDatabase,
} from '#test/helpers/stack-events.ts';

const localTarget = (databaseFile: string): Target => ({
  kind: 'local',
  apiUrl: 'http://127.0.0.1:3000',
  send: async () => new Response(),
  pollIntervalMs: 1,
  events: { databaseFile, busName: stackBusName },
  flags: [],
});

const capture = (signal?: AbortSignal) => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (line: string): void => {
        out.push(line);
      },
      err: (line: string): void => {
        err.push(line);
      },
      ...(signal === undefined ? {} : { signal }),
    },
  };
};

describe('showEvents', () => {
  it('prints one JSON array document when --json', async () => {
    // Prepare
    const started = lifecycleEvent('Dataset Group Creation Started', 'a');
    const created = lifecycleEvent('Dataset Group Created', 'a');
    const path = stackEventDatabase(started, created).file;
    const { out, io } = capture();

    // Act
    const status = await showEvents(
      parseCliOptions(['events', '--json']),
      localTarget(path),
      io,
    );

    // Assess
    expect(status).toBe(0);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0] ?? '')).toEqual([started, created]);
  });

  it('prints an empty JSON array and no complaint when --json finds no events', async () => {
    // Prepare
    const path = stackEventDatabase().file;
    const { out, err, io } = capture();

    // Act
    await showEvents(
      parseCliOptions(['events', '--json']),
      localTarget(path),
      io,
    );

    // Assess
    expect(out).toEqual(['[]']);
    expect(err).toEqual([]);
  });

  it('prints one JSON object a line and exits 130 when --follow --json is stopped', async () => {
    // Prepare
    const events = stackEventDatabase(
      lifecycleEvent('Dataset Group Creation Started', 'a'),
    );
    const path = events.file;
    const controller = new AbortController();
    const { out, io } = capture(controller.signal);
    const lines = new Promise<void>((resolve) => {
      const original = io.out;
      io.out = (line: string) => {
        original(line);
        if (out.length === 1) {
          events.publish(lifecycleEvent('Dataset Group Created', 'a'));
        }
        if (out.length === 2) resolve();
      };
    });

    // Act
    const showing = showEvents(
      parseCliOptions(['events', '--follow', '--json']),
      localTarget(path),
      io,
    );
    await lines;
    controller.abort();
    const status = await showing;

    // Assess
    expect(status).toBe(130);
    expect(out.map((line) => JSON.parse(line)['detail-type'])).toEqual([
      'Dataset Group Creation Started',
      'Dataset Group Created',
    ]);
  });

  it('prints a line an event and says so when there are none', async () => {
    // Prepare
    const path = stackEventDatabase(
      lifecycleEvent('Dataset Group Created', 'a'),
    ).file;
    const empty = stackEventDatabase().file;
    const first = capture();
    const second = capture();

    // Act
    await showEvents(parseCliOptions(['events']), localTarget(path), first.io);
    await showEvents(
      parseCliOptions(['events']),
      localTarget(empty),
      second.io,
    );

    // Assess
    expect(first.out).toEqual([
      '2026-11-25T10:00:00.000Z  Dataset Group Created            a',
    ]);
    expect(second.err).toEqual(['No events yet']);
  });
});
