import { invalidNextToken } from './emulator-error.ts';

/** Where a list page ended: the last record it returned. */
export interface ListCursor {
  /** The listing's scope: the region, and a parent ARN where there is one. */
  region: string;
  createdAtMs: number;
  sequence: number;
}

const version = 1;

/** An opaque nextToken: base64url of a small versioned JSON document. */
export const encodeListToken = (cursor: ListCursor): string =>
  Buffer.from(
    JSON.stringify({
      v: version,
      r: cursor.region,
      c: cursor.createdAtMs,
      s: cursor.sequence,
    }),
  ).toString('base64url');

const rejected = () =>
  invalidNextToken(
    'The nextToken is not valid: it was not issued by this service',
  );

/**
 * Decodes a nextToken issued for a listing in `region` (the scope);
 * anything else (garbage, edited, or issued for another listing) is
 * rejected.
 */
export const decodeListToken = (token: string, region: string): ListCursor => {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw rejected();
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw rejected();
  }
  const { v, r, c, s } = (document ?? {}) as Record<string, unknown>;
  if (
    v !== version ||
    typeof r !== 'string' ||
    typeof c !== 'number' ||
    !Number.isFinite(c) ||
    typeof s !== 'number' ||
    !Number.isSafeInteger(s) ||
    r !== region
  ) {
    throw rejected();
  }
  return { region: r, createdAtMs: c, sequence: s };
};
