import { decodeListToken, encodeListToken } from './list-token.ts';

/** What a listed record needs for the order: when, and in which order. */
export interface Listed {
  createdAtMs: number;
  sequence: number;
}

export interface PageRequest {
  maxResults: number;
  nextToken?: string;
}

/** Newest first; ties (same ms) broken by creation order, newest first. */
export const newestFirst = (a: Listed, b: Listed): number =>
  b.createdAtMs - a.createdAtMs || b.sequence - a.sequence;

/**
 * One page of `records`, newest first, and the nextToken of the next one.
 * `scope` names the listing (region, and the parent ARN where there is
 * one): a token issued for one listing is refused by every other one.
 */
export const pageOf = <T extends Listed>(
  records: readonly T[],
  request: PageRequest,
  scope: string,
): { page: T[]; nextToken?: string } => {
  const cursor =
    request.nextToken === undefined
      ? undefined
      : decodeListToken(request.nextToken, scope);
  const ordered = [...records].sort(newestFirst);
  const remaining =
    cursor === undefined
      ? ordered
      : ordered.filter((record) => newestFirst(cursor, record) < 0);
  const page = remaining.slice(0, request.maxResults);
  const last = page.at(-1);
  const more = remaining.length > page.length && last !== undefined;
  return {
    page,
    ...(more && {
      nextToken: encodeListToken({
        region: scope,
        createdAtMs: last.createdAtMs,
        sequence: last.sequence,
      }),
    }),
  };
};
