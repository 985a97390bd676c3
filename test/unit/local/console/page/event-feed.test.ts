import { describe, expect, it } from 'vitest';
import {
  eventCursor,
  eventRow,
  type LoggedEvent,
  mergeEvents,
} from '#local/console/page/event-feed.js';

const logged = (sequence: number, detail: object = {}): LoggedEvent => ({
  sequence,
  busName: 'personalize-dataset-groups',
  event: {
    'detail-type': 'Dataset Group Created',
    time: '2026-12-02T17:02:34Z',
    detail,
  },
});

describe('mergeEvents', () => {
  it('keeps each event once, oldest first, whatever order pages come in', () => {
    // Prepare
    const current = [logged(1), logged(2)];

    // Act
    const merged = mergeEvents(current, [logged(4), logged(2), logged(3)]);

    // Assess
    expect(merged.map((event) => event.sequence)).toEqual([1, 2, 3, 4]);
    expect(eventCursor(merged)).toBe(4);
  });

  it('keeps only the newest events past the limit', () => {
    // Act
    const merged = mergeEvents(
      [logged(1), logged(2)],
      [logged(3), logged(4)],
      3,
    );

    // Assess
    expect(merged.map((event) => event.sequence)).toEqual([2, 3, 4]);
  });

  it('starts from cursor 0 with no events', () => {
    // Act
    const cursor = eventCursor([]);

    // Assess
    expect(cursor).toBe(0);
  });
});

describe('eventRow', () => {
  it('names the group from the detail and writes the error code and message', () => {
    // Prepare
    const event = logged(7, {
      request: { name: 'bad name!' },
      error: { code: 'INVALID_REQUEST', message: 'name: must start with…' },
    });

    // Act
    const row = eventRow(event);

    // Assess
    expect(row).toEqual({
      sequence: 7,
      time: '2026-12-02T17:02:34Z',
      busName: 'personalize-dataset-groups',
      detailType: 'Dataset Group Created',
      group: 'bad name!',
      error: 'INVALID_REQUEST: name: must start with…',
    });
  });

  it('prefers the dataset group of the detail to the request', () => {
    // Act
    const row = eventRow(
      logged(1, { datasetGroup: { name: 'acme' }, request: { name: 'x' } }),
    );

    // Assess
    expect(row.group).toBe('acme');
    expect(row.error).toBe('');
  });
});
