import { InvalidTokenError } from './step-functions-error.ts';

/**
 * Where a page ended, bound to what was listed: `scope` names the listing
 * (state machine and status filter, or execution and direction) and
 * `after` is the sequence of the last item returned.
 */
export interface PageCursor {
  scope: string;
  after: number;
}

const version = 1;

/** An opaque nextToken: base64url of a small versioned JSON document. */
export const encodePageToken = (cursor: PageCursor): string =>
  Buffer.from(
    JSON.stringify({ v: version, s: cursor.scope, a: cursor.after }),
  ).toString('base64url');

/**
 * Decodes a nextToken issued for the listing `scope`; garbage, edited
 * tokens and tokens of another listing are rejected with InvalidToken.
 */
export const decodePageToken = (token: string, scope: string): PageCursor => {
  const rejected = () =>
    new InvalidTokenError('The token was not issued for this listing');
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw rejected();
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw rejected();
  }
  const { v, s, a } = (document ?? {}) as Record<string, unknown>;
  if (v !== version || s !== scope || !Number.isSafeInteger(a)) {
    throw rejected();
  }
  return { scope, after: a as number };
};
