import * as personalize from '@aws-sdk/client-personalize';
import {
  InvalidInputException,
  InvalidNextTokenException,
  LimitExceededException,
  ListTagsForResourceCommand,
  type PersonalizeClient,
  ResourceNotFoundException,
  TagResourceCommand,
  TooManyTagsException,
  UntagResourceCommand,
} from '@aws-sdk/client-personalize';
import { describe, expect, it } from 'vitest';
import {
  childOperationNames,
  type ManualClock,
  type OperationName,
  type RunningPersonalizeEmulator,
} from '#local/personalize/index.ts';
import {
  campaignArn,
  type childMaker,
  eventTrackerArn,
  filterArn,
  metricAttributionArn,
  outcomeOf,
  recommenderArn,
  solutionArn,
  useChildEmulator,
} from './child-fixtures.ts';
import { activeGroup, arnIn, groupArn, roleArn } from './dataset-fixtures.ts';

type AnyCommand = new (input: object) => never;

/** The SDK's command class of an operation, e.g. CreateFilterCommand. */
const commandOf = (operation: OperationName): AnyCommand =>
  (personalize as unknown as Record<string, AnyCommand>)[
    `${operation}Command`
  ] as AnyCommand;

/** Describe*, Delete* and the other calls that take one ARN. */
const byArn: Array<[OperationName, string]> = [
  ['DescribeEventTracker', 'eventTrackerArn'],
  ['DeleteEventTracker', 'eventTrackerArn'],
  ['DescribeFilter', 'filterArn'],
  ['DeleteFilter', 'filterArn'],
  ['DescribeSolution', 'solutionArn'],
  ['DeleteSolution', 'solutionArn'],
  ['DescribeSolutionVersion', 'solutionVersionArn'],
  ['StopSolutionVersionCreation', 'solutionVersionArn'],
  ['DescribeCampaign', 'campaignArn'],
  ['DeleteCampaign', 'campaignArn'],
  ['DescribeRecommender', 'recommenderArn'],
  ['DeleteRecommender', 'recommenderArn'],
  ['StopRecommender', 'recommenderArn'],
  ['StartRecommender', 'recommenderArn'],
  ['DescribeMetricAttribution', 'metricAttributionArn'],
  ['DeleteMetricAttribution', 'metricAttributionArn'],
];

/** List*: the parent member it filters on, and its result key. */
const lists: Array<[OperationName, string, string]> = [
  ['ListEventTrackers', 'datasetGroupArn', 'eventTrackers'],
  ['ListFilters', 'datasetGroupArn', 'Filters'],
  ['ListSolutions', 'datasetGroupArn', 'solutions'],
  ['ListSolutionVersions', 'solutionArn', 'solutionVersions'],
  ['ListCampaigns', 'solutionArn', 'campaigns'],
  ['ListRecommenders', 'datasetGroupArn', 'recommenders'],
  ['ListMetricAttributions', 'datasetGroupArn', 'metricAttributions'],
];

/**
 * What every operation on the kinds a dataset group holds shares, through
 * the real @aws-sdk/client-personalize: malformed and unknown ARNs, page
 * bounds and tokens, names, tags, and rate limits on each operation.
 */
describe('Personalize emulator operations on the resources of a dataset group', () => {
  let clock: ManualClock;
  let emulator: RunningPersonalizeEmulator;
  let client: PersonalizeClient;
  let make: ReturnType<typeof childMaker>;

  useChildEmulator((world) => {
    ({ clock, emulator, client, make } = world);
  });

  const send = (operation: OperationName, input: object) =>
    client.send(new (commandOf(operation))(input));

  it('lists the thirty operations as operation names', () => {
    // Assess
    expect(childOperationNames).toHaveLength(30);
    for (const operation of childOperationNames) {
      expect(commandOf(operation)).toBeTypeOf('function');
    }
  });

  describe.each(byArn)('%s', (operation, member) => {
    it(`refuses a malformed ${member} with InvalidInputException naming it`, async () => {
      // Act
      const refused = await outcomeOf(send(operation, { [member]: 'nope' }));

      // Assess
      expect(refused).toBeInstanceOf(InvalidInputException);
      expect(refused).toMatchObject({
        message: `1 validation error detected: Value 'nope' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:([a-z\\d-]+):personalize:.*:.*:.+$`,
      });
    });

    it(`refuses a missing ${member} with InvalidInputException`, async () => {
      // Act
      const refused = await outcomeOf(send(operation, {}));

      // Assess
      expect(refused).toBeInstanceOf(InvalidInputException);
      expect(refused).toMatchObject({
        message: `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
      });
    });

    it('answers ResourceNotFoundException for an ARN it does not hold', async () => {
      // Prepare
      const arn = arnIn('solution/missing/0000000a');

      // Act
      const refused = await outcomeOf(send(operation, { [member]: arn }));

      // Assess
      expect(refused).toBeInstanceOf(ResourceNotFoundException);
      expect(refused).toMatchObject({
        message: `Could not find resource ${arn}`,
      });
    });
  });

  describe.each(lists)('%s', (operation, parentMember, resultKey) => {
    it('answers an empty page under its result key when nothing exists', async () => {
      // Act
      const answer = await send(operation, {});

      // Assess
      expect(answer).toMatchObject({ [resultKey]: [] });
      expect(answer).not.toHaveProperty('nextToken');
    });

    it.each([0, 101])(
      'refuses maxResults %i with InvalidInputException',
      async (maxResults) => {
        // Act
        const refused = await outcomeOf(send(operation, { maxResults }));

        // Assess
        expect(refused).toBeInstanceOf(InvalidInputException);
        expect(refused).toMatchObject({
          message: expect.stringContaining(`at 'maxResults' failed to satisfy`),
        });
      },
    );

    it(`refuses a malformed ${parentMember} with InvalidInputException`, async () => {
      // Act
      const refused = await outcomeOf(
        send(operation, { [parentMember]: 'nope' }),
      );

      // Assess
      expect(refused).toBeInstanceOf(InvalidInputException);
      expect(refused).toMatchObject({
        message: expect.stringContaining(`at '${parentMember}'`),
      });
    });

    it('refuses a nextToken it did not issue with InvalidNextTokenException', async () => {
      // Act
      const refused = await outcomeOf(
        send(operation, { nextToken: 'not-a-token' }),
      );

      // Assess
      expect(refused).toBeInstanceOf(InvalidNextTokenException);
    });
  });

  it('answers ResourceNotFoundException to ListSolutionVersions of a solution it does not hold', async () => {
    // Act
    const refused = await outcomeOf(
      send('ListSolutionVersions', { solutionArn: solutionArn('missing') }),
    );

    // Assess
    expect(refused).toBeInstanceOf(ResourceNotFoundException);
  });

  describe('Create* validation', () => {
    const creates: Array<[OperationName, object, string[]]> = [
      ['CreateEventTracker', {}, ['name', 'datasetGroupArn']],
      ['CreateFilter', {}, ['name', 'datasetGroupArn', 'filterExpression']],
      ['CreateSolution', {}, ['name', 'datasetGroupArn']],
      ['CreateSolutionVersion', {}, ['solutionArn']],
      ['CreateCampaign', {}, ['name', 'solutionVersionArn']],
      ['CreateRecommender', {}, ['name', 'datasetGroupArn', 'recipeArn']],
      [
        'CreateMetricAttribution',
        {},
        ['name', 'datasetGroupArn', 'metrics', 'metricsOutputConfig'],
      ],
    ];

    it.each(creates)(
      '%s names every required member left out',
      async (operation, input, members) => {
        // Act
        const refused = await outcomeOf(send(operation, input));

        // Assess
        expect(refused).toBeInstanceOf(InvalidInputException);
        expect(refused).toMatchObject({
          message: `${members.length} validation error${members.length === 1 ? '' : 's'} detected: ${members
            .map(
              (member) =>
                `Value null at '${member}' failed to satisfy constraint: Member must not be null`,
            )
            .join('; ')}`,
        });
      },
    );

    it.each([
      ['-starts-with-a-dash', 'must satisfy regular expression pattern'],
      ['a'.repeat(64), 'must have length less than or equal to 63'],
      ['', 'must have length greater than or equal to 1'],
    ])('refuses the name %j with the rule it breaks', async (name, rule) => {
      // Act
      const refused = await outcomeOf(
        send('CreateEventTracker', {
          name,
          datasetGroupArn: groupArn('shop'),
        }),
      );

      // Assess
      expect(refused).toBeInstanceOf(InvalidInputException);
      expect(refused).toMatchObject({
        message: expect.stringContaining(
          `at 'name' failed to satisfy constraint: Member ${rule}`,
        ),
      });
    });

    it('refuses a filterExpression longer than 2500 characters', async () => {
      // Act
      const refused = await outcomeOf(
        send('CreateFilter', {
          name: 'long',
          datasetGroupArn: groupArn('shop'),
          filterExpression: 'x'.repeat(2501),
        }),
      );

      // Assess
      expect(refused).toBeInstanceOf(InvalidInputException);
      expect(refused).toMatchObject({
        message: expect.stringContaining(
          "at 'filterExpression' failed to satisfy constraint: Member must have length less than or equal to 2500",
        ),
      });
    });

    it('refuses an empty filterExpression', async () => {
      // Act
      const refused = await outcomeOf(
        send('CreateFilter', {
          name: 'empty',
          datasetGroupArn: groupArn('shop'),
          filterExpression: '',
        }),
      );

      // Assess
      expect(refused).toMatchObject({
        message: expect.stringContaining(
          "Value '' at 'filterExpression' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
      });
    });

    it('refuses members of the wrong type and range on CreateSolution, CreateSolutionVersion and CreateCampaign', async () => {
      // Act
      const solution = await outcomeOf(
        send('CreateSolution', {
          name: 's',
          datasetGroupArn: groupArn('shop'),
          performHPO: 'yes',
          recipeArn: 'not-an-arn',
          solutionConfig: 'config',
        }),
      );
      const version = await outcomeOf(
        send('CreateSolutionVersion', {
          solutionArn: solutionArn('s'),
          trainingMode: 'PARTIAL',
        }),
      );
      const campaign = await outcomeOf(
        send('CreateCampaign', {
          name: 'c',
          solutionVersionArn: arnIn('solution/s/00000001'),
          minProvisionedTPS: 0,
        }),
      );

      // Assess
      expect(solution).toMatchObject({
        message: expect.stringMatching(
          /^3 validation errors detected: Value 'yes' at 'performHPO' .*Member must be a boolean; .*'recipeArn' .*pattern.*; .*'solutionConfig' .*Member must be a structure$/,
        ),
      });
      expect(version).toMatchObject({
        message:
          "1 validation error detected: Value 'PARTIAL' at 'trainingMode' failed to satisfy constraint: Member must satisfy enum value set: [FULL, UPDATE, AUTOTRAIN]",
      });
      expect(campaign).toMatchObject({
        message:
          "1 validation error detected: Value 0 at 'minProvisionedTPS' failed to satisfy constraint: Member must have value greater than or equal to 1",
      });
    });

    it('refuses a recommenderConfig asking for less than 1 request per second', async () => {
      // Act
      const refused = await outcomeOf(
        send('CreateRecommender', {
          name: 'r',
          datasetGroupArn: groupArn('shop'),
          recipeArn:
            'arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you',
          recommenderConfig: { minRecommendationRequestsPerSecond: 0 },
        }),
      );

      // Assess
      expect(refused).toMatchObject({
        message:
          "1 validation error detected: Value 0 at 'recommenderConfig.minRecommendationRequestsPerSecond' failed to satisfy constraint: Member must have value greater than or equal to 1",
      });
    });

    it('refuses metric attributions with more than 10 metrics or a malformed output config', async () => {
      // Prepare
      const metric = {
        eventType: 'buy',
        metricName: 'n',
        expression: 'SAMPLECOUNT()',
      };

      // Act
      const tooMany = await outcomeOf(
        send('CreateMetricAttribution', {
          name: 'm',
          datasetGroupArn: groupArn('shop'),
          metrics: Array.from({ length: 11 }, () => metric),
          metricsOutputConfig: { roleArn },
        }),
      );
      const malformed = await outcomeOf(
        send('CreateMetricAttribution', {
          name: 'm',
          datasetGroupArn: groupArn('shop'),
          metrics: [{ eventType: 'buy', metricName: 'n' }],
          metricsOutputConfig: {
            roleArn: 'role',
            s3DataDestination: { path: 'ftp://bucket/out' },
          },
        }),
      );

      // Assess
      expect(tooMany).toMatchObject({
        message:
          "1 validation error detected: Value '[11 items]' at 'metrics' failed to satisfy constraint: Member must have length less than or equal to 10",
      });
      expect(malformed).toMatchObject({
        message: expect.stringMatching(
          /^3 validation errors detected: Value null at 'metrics\.1\.member\.expression' .*must not be null; .*'metricsOutputConfig\.roleArn' .*pattern.*; .*'metricsOutputConfig\.s3DataDestination\.path' .*pattern/,
        ),
      });
    });

    it('refuses more than 200 tags in a request, and more than 50 on a resource', async () => {
      // Prepare
      const datasetGroupArn = await activeGroup(client, clock, 'shop');
      const tags = (count: number) =>
        Array.from({ length: count }, (_, index) => ({
          tagKey: `k${index}`,
          tagValue: 'v',
        }));

      // Act
      const tooLong = await outcomeOf(
        send('CreateFilter', {
          name: 'f',
          datasetGroupArn,
          filterExpression: 'EXCLUDE ItemID WHERE Items.GENRE IN ("x")',
          tags: tags(201),
        }),
      );
      const tooMany = await outcomeOf(
        send('CreateEventTracker', {
          name: 't',
          datasetGroupArn,
          tags: tags(51),
        }),
      );

      // Assess
      expect(tooLong).toBeInstanceOf(InvalidInputException);
      expect(tooLong).toMatchObject({
        message: expect.stringContaining(
          "at 'tags' failed to satisfy constraint: Member must have length less than or equal to 200",
        ),
      });
      expect(tooMany).toBeInstanceOf(TooManyTagsException);
      expect(emulator.filters()).toEqual([]);
      expect(emulator.eventTrackers()).toEqual([]);
    });
  });

  describe('tags on the resources of a group', () => {
    it('adds, lists and removes tags of each kind by its ARN', async () => {
      // Prepare
      const datasetGroupArn = await activeGroup(
        client,
        clock,
        'shop',
        'ECOMMERCE',
      );
      await make.eventTracker(datasetGroupArn);
      await make.filter(datasetGroupArn);
      await make.recommender(datasetGroupArn);
      await make.metricAttribution(datasetGroupArn);
      const { solution, version } = await make.trainedSolution(datasetGroupArn);
      await make.campaign(version);
      const arns = [
        eventTrackerArn('tracker'),
        filterArn('no-clicks'),
        recommenderArn('for-you'),
        metricAttributionArn('revenue'),
        solution,
        version,
        campaignArn('campaign'),
      ];

      // Act
      const listed: unknown[] = [];
      for (const resourceArn of arns) {
        await client.send(
          new TagResourceCommand({
            resourceArn,
            tags: [
              { tagKey: 'team', tagValue: 'ml' },
              { tagKey: 'stage', tagValue: 'dev' },
            ],
          }),
        );
        await client.send(
          new UntagResourceCommand({ resourceArn, tagKeys: ['stage'] }),
        );
        listed.push(
          (await client.send(new ListTagsForResourceCommand({ resourceArn })))
            .tags,
        );
      }

      // Assess
      expect(listed).toEqual(
        arns.map(() => [{ tagKey: 'team', tagValue: 'ml' }]),
      );
      expect(emulator.campaigns()[0]?.tags).toEqual([
        { tagKey: 'team', tagValue: 'ml' },
      ]);
    });

    it('answers ResourceNotFoundException for a filter ARN it does not hold', async () => {
      // Act
      const refused = await outcomeOf(
        client.send(
          new ListTagsForResourceCommand({ resourceArn: filterArn('none') }),
        ),
      );

      // Assess
      expect(refused).toBeInstanceOf(ResourceNotFoundException);
    });
  });

  describe('rate limits and stats', () => {
    it.each(childOperationNames)('limits the rate of %s', async (operation) => {
      // Prepare
      emulator.faults.rateLimit(operation, { tps: 1, burst: 1 });

      // Act
      const first = await outcomeOf(send(operation, {}));
      const second = await outcomeOf(send(operation, {}));
      clock.advance(1_000);
      const third = await outcomeOf(send(operation, {}));

      // Assess
      expect(first).not.toBeInstanceOf(LimitExceededException);
      expect(second).toBeInstanceOf(LimitExceededException);
      expect(second).toMatchObject({
        message:
          'The limit on the number of requests per second has been exceeded.',
      });
      expect(third).not.toBeInstanceOf(LimitExceededException);
      expect(emulator.stats().faults.rateLimit).toBe(1);
    });

    it('counts the calls of every new operation in stats(), from 0', async () => {
      // Prepare
      await outcomeOf(send('ListFilters', {}));
      await outcomeOf(send('ListFilters', {}));
      await outcomeOf(send('StartRecommender', {}));

      // Act
      const { calls } = emulator.stats();

      // Assess
      expect(calls).toMatchObject({
        ListFilters: 2,
        StartRecommender: 1,
        CreateCampaign: 0,
        DeleteMetricAttribution: 0,
      });
      for (const operation of childOperationNames) {
        expect(calls[operation]).toBeTypeOf('number');
      }
    });
  });
});
