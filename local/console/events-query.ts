/** Events the console endpoint returns at most per request. */
export const maxEventsPerPage = 500;

/** `GET /events` was asked with a query it does not take. */
export class EventsQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventsQueryError';
  }
}

export interface EventsQuery {
  /** Events with a sequence above it (0: from the first). */
  after: number;
  limit: number;
}

const wholeNumber = (name: string, raw: string, min: number, max: number) => {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
    throw new EventsQueryError(
      `${name} must be a whole number from ${min} to ${max}, got "${raw}"`,
    );
  }
  if (value < min || value > max) {
    throw new EventsQueryError(
      `${name} must be a whole number from ${min} to ${max}, got "${raw}"`,
    );
  }
  return value;
};

/** Reads `?after=N&limit=M`; anything else in the query is an error. */
export const parseEventsQuery = (search: URLSearchParams): EventsQuery => {
  for (const name of search.keys()) {
    if (name !== 'after' && name !== 'limit') {
      throw new EventsQueryError(
        `Unknown query parameter ${name} (GET /events takes after and limit)`,
      );
    }
  }
  const after = search.get('after');
  const limit = search.get('limit');
  return {
    after:
      after === null
        ? 0
        : wholeNumber('after', after, 0, Number.MAX_SAFE_INTEGER),
    limit:
      limit === null
        ? maxEventsPerPage
        : wholeNumber('limit', limit, 1, maxEventsPerPage),
  };
};
