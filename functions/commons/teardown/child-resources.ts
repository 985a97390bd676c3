/** The kinds of resource a dataset group holds, as the teardown names them. */
export const childKinds = [
  'campaign',
  'recommender',
  'solutionVersion',
  'eventTracker',
  'filter',
  'metricAttribution',
  'solution',
  'dataset',
  'schema',
] as const;

export type ChildKind = (typeof childKinds)[number];

/** One resource of the group, as its List operation summarises it. */
export interface ChildResource {
  kind: ChildKind;
  arn: string;
  name: string;
  status?: string;
  /** The solution of a campaign or a solution version. */
  solutionArn?: string;
  failureReason?: string;
}

/** Plural nouns for messages: "2 datasets, 1 event tracker". */
const nouns: Record<ChildKind, [string, string]> = {
  campaign: ['campaign', 'campaigns'],
  recommender: ['recommender', 'recommenders'],
  solutionVersion: ['solution version', 'solution versions'],
  eventTracker: ['event tracker', 'event trackers'],
  filter: ['filter', 'filters'],
  metricAttribution: ['metric attribution', 'metric attributions'],
  solution: ['solution', 'solutions'],
  dataset: ['dataset', 'datasets'],
  schema: ['schema', 'schemas'],
};

/** "2 datasets, 1 solution" for the children given, in kind order. */
export const holdingsOf = (children: readonly ChildResource[]): string =>
  childKinds
    .map((kind) => {
      const count = children.filter((child) => child.kind === kind).length;
      if (count === 0) return undefined;
      const [one, many] = nouns[kind];
      return `${count} ${count === 1 ? one : many}`;
    })
    .filter((part) => part !== undefined)
    .join(', ');

/** "campaign acme-campaign" */
export const describeChild = (child: ChildResource): string =>
  `${nouns[child.kind][0]} ${child.name}`;

const creating = new Set(['CREATE PENDING', 'CREATE IN_PROGRESS']);
const deleting = new Set(['DELETE PENDING', 'DELETE IN_PROGRESS']);
const switching = new Set([
  'STOP PENDING',
  'STOP IN_PROGRESS',
  'START PENDING',
  'START IN_PROGRESS',
]);

export const isBeingCreated = (child: ChildResource): boolean =>
  creating.has(child.status ?? '');

export const isBeingDeleted = (child: ChildResource): boolean =>
  deleting.has(child.status ?? '');

/** A recommender being stopped or started: it cannot be deleted yet. */
export const isSwitching = (child: ChildResource): boolean =>
  switching.has(child.status ?? '');

/** A solution version still training (it blocks its solution). */
export const isTraining = (child: ChildResource): boolean =>
  child.kind === 'solutionVersion' && creating.has(child.status ?? '');

export const isStopping = (child: ChildResource): boolean =>
  child.kind === 'solutionVersion' && child.status === 'CREATE STOPPING';
