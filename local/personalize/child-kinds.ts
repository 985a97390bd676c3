/** The kinds of resource a dataset group holds, besides its datasets. */
export const childKinds = [
  'eventTracker',
  'filter',
  'solution',
  'solutionVersion',
  'campaign',
  'recommender',
  'metricAttribution',
] as const;

export type ChildKind = (typeof childKinds)[number];

/** How messages name one kind: "1 event tracker", "2 event trackers". */
export const childNouns: Record<ChildKind, { one: string; many: string }> = {
  eventTracker: { one: 'event tracker', many: 'event trackers' },
  filter: { one: 'filter', many: 'filters' },
  solution: { one: 'solution', many: 'solutions' },
  solutionVersion: { one: 'solution version', many: 'solution versions' },
  campaign: { one: 'campaign', many: 'campaigns' },
  recommender: { one: 'recommender', many: 'recommenders' },
  metricAttribution: {
    one: 'metric attribution',
    many: 'metric attributions',
  },
};

/** "1 solution", "2 solutions". */
export const countOf = (
  count: number,
  noun: { one: string; many: string },
): string => `${count} ${count === 1 ? noun.one : noun.many}`;

/** "Event tracker": how a message begins with the kind. */
export const childLabel = (kind: ChildKind): string => {
  const { one } = childNouns[kind];
  return `${one.charAt(0).toUpperCase()}${one.slice(1)}`;
};

/** The kinds with a per-group quota (solution versions have none). */
export type QuotaKind = Exclude<ChildKind, 'solutionVersion'>;

/**
 * Per dataset group, as the reference lists them: 10 solutions, 5
 * campaigns, 5 recommenders, 30 filters; one event tracker and one metric
 * attribution (the API reference: "Only one event tracker can be
 * associated with a dataset group").
 */
export const defaultChildQuotas: Record<QuotaKind, number> = {
  eventTracker: 1,
  filter: 30,
  solution: 10,
  campaign: 5,
  recommender: 5,
  metricAttribution: 1,
};
