import {
  CreateCampaignCommand,
  CreateDatasetCommand,
  CreateEventTrackerCommand,
  CreateFilterCommand,
  CreateMetricAttributionCommand,
  CreateRecommenderCommand,
  CreateSchemaCommand,
  CreateSolutionCommand,
  CreateSolutionVersionCommand,
  DescribeCampaignCommand,
  DescribeDatasetCommand,
  DescribeSolutionCommand,
  DescribeSolutionVersionCommand,
  type PersonalizeClient,
} from '@aws-sdk/client-personalize';

const interactionsSchema = JSON.stringify({
  type: 'record',
  name: 'Interactions',
  namespace: 'com.amazonaws.personalize.schema',
  fields: [
    { name: 'USER_ID', type: 'string' },
    { name: 'ITEM_ID', type: 'string' },
    { name: 'TIMESTAMP', type: 'long' },
    { name: 'EVENT_TYPE', type: 'string' },
  ],
  version: '1.0',
});

const realSleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls a Describe until its status is ACTIVE (bounded). */
const untilActive = async (
  describe: () => Promise<string | undefined>,
  what: string,
  sleep: (ms: number) => Promise<void>,
): Promise<void> => {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const status = await describe();
    if (status === 'ACTIVE') return;
    if (status?.includes('FAILED')) throw new Error(`${what} is ${status}`);
    await sleep(10);
  }
  throw new Error(`${what} never became ACTIVE`);
};

export interface SeedOptions {
  /** The group's domain: its dataset's schema must have it too. */
  domain?: 'ECOMMERCE' | 'VIDEO_ON_DEMAND';
  /** Add an Interactions dataset (and its schema), for a group without one. */
  dataset?: boolean;
  /** A recommender too (the group must have a domain). */
  recommender?: boolean;
  metricAttribution?: boolean;
  /** Leave the campaign CREATE IN_PROGRESS (do not wait for it). */
  campaignUnderway?: boolean;
  /** Leave a second solution version training. */
  versionTraining?: boolean;
  /** How to wait between polls (a virtual clock's); default 10 ms real. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Seeds a dataset group (on the local emulator, or any Personalize the
 * client reaches) through the real SDK with what a tenant builds on
 * it: a solution with an ACTIVE version, a campaign on it, an event
 * tracker and a filter (and, as asked, a dataset, a recommender, a metric
 * attribution, a version still training). Returns the ARNs.
 */
export const seedGroupChildren = async (
  personalize: PersonalizeClient,
  group: { name: string; datasetGroupArn: string },
  options: SeedOptions = {},
) => {
  const { name, datasetGroupArn } = group;
  const sleep = options.sleep ?? realSleep;
  const arns: Record<string, string> = {};
  if (options.dataset === true) {
    const { schemaArn } = await personalize.send(
      new CreateSchemaCommand({
        name: `${name}-seed-interactions`,
        schema: interactionsSchema,
        ...(options.domain === undefined ? {} : { domain: options.domain }),
      }),
    );
    const { datasetArn } = await personalize.send(
      new CreateDatasetCommand({
        name: `${name}-seed-interactions`,
        datasetGroupArn,
        datasetType: 'Interactions',
        schemaArn,
      }),
    );
    arns.dataset = datasetArn as string;
    await untilActive(
      async () =>
        (await personalize.send(new DescribeDatasetCommand({ datasetArn })))
          .dataset?.status,
      'dataset',
      sleep,
    );
  }
  const { solutionArn } = await personalize.send(
    new CreateSolutionCommand({
      name: `${name}-solution`,
      datasetGroupArn,
      recipeArn: 'arn:aws:personalize:::recipe/aws-user-personalization',
    }),
  );
  arns.solution = solutionArn as string;
  await untilActive(
    async () =>
      (await personalize.send(new DescribeSolutionCommand({ solutionArn })))
        .solution?.status,
    'solution',
    sleep,
  );
  const { solutionVersionArn } = await personalize.send(
    new CreateSolutionVersionCommand({ solutionArn }),
  );
  arns.solutionVersion = solutionVersionArn as string;
  await untilActive(
    async () =>
      (
        await personalize.send(
          new DescribeSolutionVersionCommand({ solutionVersionArn }),
        )
      ).solutionVersion?.status,
    'solution version',
    sleep,
  );
  const { campaignArn } = await personalize.send(
    new CreateCampaignCommand({
      name: `${name}-campaign`,
      solutionVersionArn,
      minProvisionedTPS: 1,
    }),
  );
  arns.campaign = campaignArn as string;
  if (options.campaignUnderway !== true) {
    await untilActive(
      async () =>
        (await personalize.send(new DescribeCampaignCommand({ campaignArn })))
          .campaign?.status,
      'campaign',
      sleep,
    );
  }
  if (options.versionTraining === true) {
    const { solutionVersionArn: training } = await personalize.send(
      new CreateSolutionVersionCommand({ solutionArn }),
    );
    arns.trainingVersion = training as string;
  }
  const { eventTrackerArn } = await personalize.send(
    new CreateEventTrackerCommand({ name: `${name}-tracker`, datasetGroupArn }),
  );
  arns.eventTracker = eventTrackerArn as string;
  const { filterArn } = await personalize.send(
    new CreateFilterCommand({
      name: `${name}-filter`,
      datasetGroupArn,
      filterExpression:
        'EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("purchase")',
    }),
  );
  arns.filter = filterArn as string;
  if (options.recommender === true) {
    const { recommenderArn } = await personalize.send(
      new CreateRecommenderCommand({
        name: `${name}-recommender`,
        datasetGroupArn,
        recipeArn: 'arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you',
      }),
    );
    arns.recommender = recommenderArn as string;
  }
  if (options.metricAttribution === true) {
    const { metricAttributionArn } = await personalize.send(
      new CreateMetricAttributionCommand({
        name: `${name}-metrics`,
        datasetGroupArn,
        metrics: [
          {
            eventType: 'purchase',
            metricName: 'revenue',
            expression: 'SUM(Items.PRICE)',
          },
        ],
        metricsOutputConfig: {
          roleArn: 'arn:aws:iam::000000000000:role/PersonalizeMetrics',
        },
      }),
    );
    arns.metricAttribution = metricAttributionArn as string;
  }
  return arns;
};
