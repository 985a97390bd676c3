import {
  CreateCampaignCommand,
  CreateEventTrackerCommand,
  CreateFilterCommand,
  CreateMetricAttributionCommand,
  CreateRecommenderCommand,
  CreateSolutionCommand,
  CreateSolutionVersionCommand,
  type PersonalizeClient,
} from '@aws-sdk/client-personalize';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  createManualClock,
  type ManualClock,
  type RunningPersonalizeEmulator,
  startPersonalizeEmulator,
} from '#local/personalize/index.ts';
import { arnIn, clientFor, lifecycle, roleArn } from './dataset-fixtures.ts';

/** Helpers of the conformance tests of the kinds a dataset group holds. */
export const childLifecycle = {
  ...lifecycle,
  childPendingMs: 100,
  childInProgressMs: 400,
  childDeleteMs: 300,
  solutionVersionTrainingMs: 2_000,
  solutionVersionStopMs: 500,
  recommenderStopMs: 600,
  recommenderStartMs: 700,
};

/** From a Create* to ACTIVE (every kind but solution versions). */
export const childSettleMs =
  childLifecycle.childPendingMs + childLifecycle.childInProgressMs;
/** From CreateSolutionVersion to ACTIVE. */
export const versionSettleMs =
  childLifecycle.childPendingMs + childLifecycle.solutionVersionTrainingMs;
/** From a Delete* to gone. */
export const childGoneMs =
  childLifecycle.childPendingMs + childLifecycle.childDeleteMs;

export const eventTrackerArn = (name: string) => arnIn(`event-tracker/${name}`);
export const filterArn = (name: string) => arnIn(`filter/${name}`);
export const solutionArn = (name: string) => arnIn(`solution/${name}`);
export const campaignArn = (name: string) => arnIn(`campaign/${name}`);
export const recommenderArn = (name: string) => arnIn(`recommender/${name}`);
export const metricAttributionArn = (name: string) =>
  arnIn(`metric-attribution/${name}`);
export const recipeArn = (name: string) =>
  `arn:aws:personalize:::recipe/${name}`;

export const filterExpression =
  'EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")';

/** A started emulator on a manual clock, with a client for it. */
export const startChildEmulator = async (
  options: Parameters<typeof startPersonalizeEmulator>[0] = {},
) => {
  const clock: ManualClock = createManualClock(Date.UTC(2026, 10, 25, 12));
  const emulator: RunningPersonalizeEmulator = await startPersonalizeEmulator({
    clock,
    lifecycle: childLifecycle,
    ...options,
  });
  const client = clientFor(emulator.endpoint);
  return {
    clock,
    emulator,
    client,
    close: async () => {
      client.destroy();
      await emulator.close();
    },
  };
};

/** Every resource of a group a test needs, through the real client. */
export const childMaker = (client: PersonalizeClient, clock: ManualClock) => {
  const settled = async <T>(created: Promise<T>, ms = childSettleMs) => {
    const output = await created;
    clock.advance(ms);
    return output;
  };
  return {
    eventTracker: (datasetGroupArn: string, name = 'tracker') =>
      client.send(new CreateEventTrackerCommand({ name, datasetGroupArn })),
    filter: (datasetGroupArn: string, name = 'no-clicks') =>
      client.send(
        new CreateFilterCommand({ name, datasetGroupArn, filterExpression }),
      ),
    solution: (datasetGroupArn: string, name = 'solution') =>
      client.send(
        new CreateSolutionCommand({
          name,
          datasetGroupArn,
          recipeArn: recipeArn('aws-user-personalization'),
        }),
      ),
    version: (solution: string, name?: string) =>
      client.send(
        new CreateSolutionVersionCommand({
          solutionArn: solution,
          ...(name !== undefined && { name }),
        }),
      ),
    campaign: (solutionVersionArn: string, name = 'campaign') =>
      client.send(new CreateCampaignCommand({ name, solutionVersionArn })),
    recommender: (datasetGroupArn: string, name = 'for-you') =>
      client.send(
        new CreateRecommenderCommand({
          name,
          datasetGroupArn,
          recipeArn: recipeArn('aws-ecomm-recommended-for-you'),
        }),
      ),
    metricAttribution: (datasetGroupArn: string, name = 'revenue') =>
      client.send(
        new CreateMetricAttributionCommand({
          name,
          datasetGroupArn,
          metrics: [
            {
              eventType: 'purchase',
              metricName: 'revenue',
              expression: 'SUM(Items.PRICE)',
            },
          ],
          metricsOutputConfig: { roleArn },
        }),
      ),
    /** Waits (on the clock) until what `created` made is ACTIVE. */
    settled,
    /** An ACTIVE solution with an ACTIVE version; their ARNs. */
    async trainedSolution(datasetGroupArn: string, name = 'solution') {
      const { solutionArn: solution = '' } = await settled(
        this.solution(datasetGroupArn, name),
      );
      const { solutionVersionArn = '' } = await settled(
        this.version(solution),
        versionSettleMs,
      );
      return { solution, version: solutionVersionArn };
    },
  };
};

/** The error a call was refused with (or the output, if it was not). */
export const outcomeOf = (call: Promise<unknown>) =>
  call.catch((error: unknown) => error);

export type ChildWorld = Awaited<ReturnType<typeof startChildEmulator>> & {
  make: ReturnType<typeof childMaker>;
};

/**
 * One emulator for a describe block: started before its tests (and
 * handed to `use`), reset to childLifecycle before each, closed after.
 */
export const useChildEmulator = (use: (world: ChildWorld) => void) => {
  let world: ChildWorld | undefined;
  beforeAll(async () => {
    const started = await startChildEmulator();
    world = { ...started, make: childMaker(started.client, started.clock) };
    use(world);
  });
  afterAll(async () => {
    await world?.close();
  });
  beforeEach(() => {
    world?.emulator.reset();
    world?.emulator.setLifecycle(childLifecycle);
  });
};
