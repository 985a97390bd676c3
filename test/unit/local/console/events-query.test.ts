import { describe, expect, it } from 'vitest';
import {
  EventsQueryError,
  maxEventsPerPage,
  parseEventsQuery,
} from '#local/console/events-query.ts';

describe('parseEventsQuery', () => {
  it('reads after and limit, from the first event by default', () => {
    // Act
    const given = parseEventsQuery(new URLSearchParams('after=12&limit=5'));
    const defaults = parseEventsQuery(new URLSearchParams(''));

    // Assess
    expect(given).toEqual({ after: 12, limit: 5 });
    expect(defaults).toEqual({ after: 0, limit: maxEventsPerPage });
  });

  it.each([
    [
      'after=-1',
      'after must be a whole number from 0 to 9007199254740991, got "-1"',
    ],
    ['after=1.5', 'after must be a whole number'],
    ['limit=0', 'limit must be a whole number from 1 to 500, got "0"'],
    ['limit=501', 'limit must be a whole number from 1 to 500, got "501"'],
    [
      'since=3',
      'Unknown query parameter since (GET /events takes after and limit)',
    ],
  ])('rejects %s', (query, message) => {
    // Act
    const parse = () => parseEventsQuery(new URLSearchParams(query));

    // Assess
    expect(parse).toThrow(EventsQueryError);
    expect(parse).toThrow(message);
  });
});
