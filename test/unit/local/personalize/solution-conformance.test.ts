import {
  CreateCampaignCommand,
  CreateDatasetGroupCommand,
  CreateSolutionVersionCommand,
  DeleteCampaignCommand,
  DeleteSolutionCommand,
  DescribeCampaignCommand,
  DescribeSolutionCommand,
  DescribeSolutionVersionCommand,
  LimitExceededException,
  ListCampaignsCommand,
  ListSolutionVersionsCommand,
  type PersonalizeClient,
  paginateListCampaigns,
  paginateListSolutions,
  paginateListSolutionVersions,
  ResourceAlreadyExistsException,
  ResourceInUseException,
  ResourceNotFoundException,
  StopSolutionVersionCreationCommand,
} from '@aws-sdk/client-personalize';
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  ManualClock,
  RunningPersonalizeEmulator,
} from '#local/personalize/index.ts';
import {
  campaignArn,
  childGoneMs,
  childLifecycle,
  type childMaker,
  childSettleMs,
  outcomeOf,
  recipeArn,
  solutionArn,
  useChildEmulator,
  versionSettleMs,
} from './child-fixtures.ts';
import { activeGroup, arnIn, groupArn } from './dataset-fixtures.ts';

/**
 * Solutions, solution versions (training, and stopping it) and campaigns
 * as the real @aws-sdk/client-personalize sees them, on a manual clock.
 */
describe('Personalize emulator solutions, solution versions and campaigns', () => {
  let clock: ManualClock;
  let emulator: RunningPersonalizeEmulator;
  let client: PersonalizeClient;
  let make: ReturnType<typeof childMaker>;
  let group: string;

  useChildEmulator((world) => {
    ({ clock, emulator, client, make } = world);
  });

  beforeEach(async () => {
    group = await activeGroup(client, clock, 'shop');
  });

  const describeVersion = async (solutionVersionArn: string) =>
    (
      await client.send(
        new DescribeSolutionVersionCommand({ solutionVersionArn }),
      )
    ).solutionVersion;

  const stopVersion = (solutionVersionArn: string) =>
    client.send(new StopSolutionVersionCreationCommand({ solutionVersionArn }));

  const deleteSolution = (arn: string) =>
    client.send(new DeleteSolutionCommand({ solutionArn: arn }));

  describe('CreateSolution and DescribeSolution', () => {
    it('returns the ARN and describes the solution, then its newest version', async () => {
      // Prepare
      const createdAt = clock.now();

      // Act
      const created = await make.settled(make.solution(group, 'ranking'));
      const before = (
        await client.send(
          new DescribeSolutionCommand({ solutionArn: created.solutionArn }),
        )
      ).solution;
      const { solutionVersionArn } = await make.version(solutionArn('ranking'));
      const after = (
        await client.send(
          new DescribeSolutionCommand({ solutionArn: created.solutionArn }),
        )
      ).solution;

      // Assess
      expect(created.solutionArn).toBe(solutionArn('ranking'));
      expect(before).toEqual({
        name: 'ranking',
        solutionArn: solutionArn('ranking'),
        recipeArn: recipeArn('aws-user-personalization'),
        datasetGroupArn: group,
        performHPO: false,
        performAutoML: false,
        status: 'ACTIVE',
        creationDateTime: new Date(createdAt),
        lastUpdatedDateTime: new Date(createdAt + childSettleMs),
      });
      expect(after?.latestSolutionVersion).toEqual({
        solutionVersionArn,
        status: 'CREATE PENDING',
        trainingMode: 'FULL',
        trainingType: 'MANUAL',
        creationDateTime: new Date(createdAt + childSettleMs),
        lastUpdatedDateTime: new Date(createdAt + childSettleMs),
      });
    });

    it('needs its group ACTIVE (ResourceInUseException) and existing (ResourceNotFoundException)', async () => {
      // Prepare
      await client.send(new CreateDatasetGroupCommand({ name: 'young' }));

      // Act
      const young = await outcomeOf(make.solution(groupArn('young')));
      const missing = await outcomeOf(make.solution(groupArn('missing')));

      // Assess
      expect(young).toBeInstanceOf(ResourceInUseException);
      expect(young).toMatchObject({
        message: `Dataset group ${groupArn('young')} is CREATE PENDING; solutions can be added once it is ACTIVE`,
      });
      expect(missing).toBeInstanceOf(ResourceNotFoundException);
      expect(emulator.solutions()).toEqual([]);
    });

    it('answers LimitExceededException for an 11th solution in a group', async () => {
      // Prepare
      for (let index = 0; index < 10; index += 1) {
        await make.solution(group, `solution-${index}`);
      }

      // Act
      const refused = await outcomeOf(make.solution(group, 'one-more'));

      // Assess
      expect(refused).toBeInstanceOf(LimitExceededException);
      expect(refused).toMatchObject({
        message: `You have reached the limit of 10 solutions in dataset group ${group}`,
      });
    });

    it('answers ResourceAlreadyExistsException for a name already taken', async () => {
      // Prepare
      await make.solution(group, 'ranking');

      // Act
      const refused = await outcomeOf(make.solution(group, 'ranking'));

      // Assess
      expect(refused).toBeInstanceOf(ResourceAlreadyExistsException);
      expect(refused).toMatchObject({
        message: 'Solution with name ranking already exists',
      });
    });

    it('pages ListSolutions of a group with paginateListSolutions, newest first', async () => {
      // Prepare
      for (const name of ['a', 'b', 'c']) {
        await make.solution(group, name);
        clock.advance(1);
      }
      const other = await activeGroup(client, clock, 'other');
      await make.solution(other, 'elsewhere');

      // Act
      const names: Array<string | undefined> = [];
      for await (const page of paginateListSolutions(
        { client, pageSize: 2 },
        { datasetGroupArn: group },
      )) {
        names.push(...(page.solutions ?? []).map((item) => item.name));
      }

      // Assess
      expect(names).toEqual(['c', 'b', 'a']);
    });
  });

  describe('CreateSolutionVersion and DescribeSolutionVersion', () => {
    it('trains CREATE PENDING → CREATE IN_PROGRESS (solutionVersionTrainingMs) → ACTIVE, with trainingHours', async () => {
      // Prepare
      const { solutionArn: solution = '' } = await make.settled(
        make.solution(group),
      );
      const createdAt = clock.now();
      const { solutionVersionArn = '' } = await client.send(
        new CreateSolutionVersionCommand({
          solutionArn: solution,
          name: 'v1',
          trainingMode: 'UPDATE',
          tags: [{ tagKey: 'team', tagValue: 'ml' }],
        }),
      );
      const statuses: Array<string | undefined> = [];

      // Act
      for (const advanceMs of [0, 100, 1_999, 1]) {
        clock.advance(advanceMs);
        statuses.push((await describeVersion(solutionVersionArn))?.status);
      }
      const trained = await describeVersion(solutionVersionArn);

      // Assess
      expect(solutionVersionArn).toMatch(
        new RegExp(`^${solution}/[0-9a-f]{8}$`),
      );
      expect(statuses).toEqual([
        'CREATE PENDING',
        'CREATE IN_PROGRESS',
        'CREATE IN_PROGRESS',
        'ACTIVE',
      ]);
      expect(trained).toEqual({
        name: 'v1',
        solutionVersionArn,
        solutionArn: solution,
        recipeArn: recipeArn('aws-user-personalization'),
        datasetGroupArn: group,
        performHPO: false,
        performAutoML: false,
        trainingMode: 'UPDATE',
        trainingType: 'MANUAL',
        trainingHours: childLifecycle.solutionVersionTrainingMs / 3_600_000,
        status: 'ACTIVE',
        creationDateTime: new Date(createdAt),
        lastUpdatedDateTime: new Date(createdAt + versionSettleMs),
      });
      expect(emulator.solutionVersions()[0]?.tags).toEqual([
        { tagKey: 'team', tagValue: 'ml' },
      ]);
    });

    it('needs an ACTIVE solution: ResourceInUseException before, ResourceNotFoundException without one', async () => {
      // Prepare
      await make.solution(group, 'young');

      // Act
      const young = await outcomeOf(make.version(solutionArn('young')));
      const missing = await outcomeOf(make.version(solutionArn('missing')));

      // Assess
      expect(young).toBeInstanceOf(ResourceInUseException);
      expect(young).toMatchObject({
        message: `Solution ${solutionArn('young')} is CREATE PENDING; solution versions can be created once it is ACTIVE`,
      });
      expect(missing).toBeInstanceOf(ResourceNotFoundException);
    });

    it('answers ResourceAlreadyExistsException for a version name already used in the solution', async () => {
      // Prepare
      const { solutionArn: solution = '' } = await make.settled(
        make.solution(group),
      );
      await make.version(solution, 'v1');

      // Act
      const refused = await outcomeOf(make.version(solution, 'v1'));
      const unnamed = await make.version(solution);

      // Assess
      expect(refused).toBeInstanceOf(ResourceAlreadyExistsException);
      expect(refused).toMatchObject({
        message: `Solution version with name v1 already exists in solution ${solution}`,
      });
      expect(
        (await describeVersion(unnamed.solutionVersionArn ?? ''))?.name,
      ).toBe(undefined);
    });

    it('ends CREATE FAILED with failureReason under childCreateFailed (an unnamed version matched by its solution name)', async () => {
      // Prepare
      const { solutionArn: solution = '' } = await make.settled(
        make.solution(group, 'flaky'),
      );
      emulator.faults.childCreateFailed({
        kind: 'solutionVersion',
        match: 'flaky',
        failureReason: 'Not enough interactions',
      });

      // Act
      const { solutionVersionArn = '' } = await make.settled(
        make.version(solution),
        versionSettleMs,
      );
      const { solutionVersions } = await client.send(
        new ListSolutionVersionsCommand({ solutionArn: solution }),
      );

      // Assess
      expect(await describeVersion(solutionVersionArn)).toMatchObject({
        status: 'CREATE FAILED',
        failureReason: 'Not enough interactions',
      });
      expect(solutionVersions).toMatchObject([
        { status: 'CREATE FAILED', failureReason: 'Not enough interactions' },
      ]);
      expect(emulator.solutions()[0]?.status).toBe('ACTIVE');
    });

    it('pages ListSolutionVersions of a solution with paginateListSolutionVersions, newest first', async () => {
      // Prepare
      const { solutionArn: solution = '' } = await make.settled(
        make.solution(group),
      );
      const arns: Array<string | undefined> = [];
      for (const _ of [1, 2, 3]) {
        arns.push((await make.version(solution)).solutionVersionArn);
        clock.advance(1);
      }

      // Act
      const listed: Array<string | undefined> = [];
      for await (const page of paginateListSolutionVersions(
        { client, pageSize: 2 },
        { solutionArn: solution },
      )) {
        listed.push(
          ...(page.solutionVersions ?? []).map(
            (item) => item.solutionVersionArn,
          ),
        );
      }

      // Assess
      expect(listed).toEqual([...arns].reverse());
    });
  });

  describe('StopSolutionVersionCreation', () => {
    it('stops a CREATE PENDING version at once: CREATE STOPPED', async () => {
      // Prepare
      const { solutionArn: solution = '' } = await make.settled(
        make.solution(group),
      );
      const { solutionVersionArn = '' } = await make.version(solution);

      // Act
      const stopped = await stopVersion(solutionVersionArn);
      const status = (await describeVersion(solutionVersionArn))?.status;

      // Assess
      expect(stopped.$metadata.httpStatusCode).toBe(200);
      expect(status).toBe('CREATE STOPPED');
    });

    it('stops a training version through CREATE STOPPING (solutionVersionStopMs) to CREATE STOPPED, for good', async () => {
      // Prepare
      const { solutionArn: solution = '' } = await make.settled(
        make.solution(group),
      );
      const { solutionVersionArn = '' } = await make.version(solution);
      clock.advance(childLifecycle.childPendingMs);
      const statuses: Array<string | undefined> = [];

      // Act
      await stopVersion(solutionVersionArn);
      for (const advanceMs of [0, 499, 1, 10_000]) {
        clock.advance(advanceMs);
        statuses.push((await describeVersion(solutionVersionArn))?.status);
      }

      // Assess
      expect(statuses).toEqual([
        'CREATE STOPPING',
        'CREATE STOPPING',
        'CREATE STOPPED',
        'CREATE STOPPED',
      ]);
    });

    it('answers ResourceInUseException for a version that is not training', async () => {
      // Prepare
      const { version } = await make.trainedSolution(group);
      const { solutionVersionArn: other = '' } = await make.version(
        solutionArn('solution'),
      );
      clock.advance(childLifecycle.childPendingMs);
      await stopVersion(other);

      // Act
      const active = await outcomeOf(stopVersion(version));
      const stopping = await outcomeOf(stopVersion(other));

      // Assess
      expect(active).toBeInstanceOf(ResourceInUseException);
      expect(active).toMatchObject({
        message: `Solution version ${version} is ACTIVE; only a solution version in CREATE PENDING or CREATE IN_PROGRESS can be stopped`,
      });
      expect(stopping).toMatchObject({
        message: `Solution version ${other} is CREATE STOPPING; only a solution version in CREATE PENDING or CREATE IN_PROGRESS can be stopped`,
      });
    });
  });

  describe('CreateCampaign and DescribeCampaign', () => {
    it('returns the ARN and describes the campaign', async () => {
      // Prepare
      const { version } = await make.trainedSolution(group);
      const createdAt = clock.now();

      // Act
      const created = await client.send(
        new CreateCampaignCommand({
          name: 'home',
          solutionVersionArn: version,
          minProvisionedTPS: 2,
          campaignConfig: { enableMetadataWithRecommendations: true },
        }),
      );
      clock.advance(childSettleMs);
      const { campaign } = await client.send(
        new DescribeCampaignCommand({ campaignArn: created.campaignArn }),
      );

      // Assess
      expect(created.campaignArn).toBe(campaignArn('home'));
      expect(campaign).toEqual({
        name: 'home',
        campaignArn: campaignArn('home'),
        solutionVersionArn: version,
        minProvisionedTPS: 2,
        campaignConfig: { enableMetadataWithRecommendations: true },
        status: 'ACTIVE',
        creationDateTime: new Date(createdAt),
        lastUpdatedDateTime: new Date(createdAt + childSettleMs),
      });
    });

    it('takes minProvisionedTPS 1 when the request leaves it out', async () => {
      // Prepare
      const { version } = await make.trainedSolution(group);

      // Act
      await make.campaign(version, 'home');

      // Assess
      expect(emulator.campaigns()[0]?.minProvisionedTPS).toBe(1);
    });

    it('needs an ACTIVE solution version: ResourceInUseException while it trains, ResourceNotFoundException without one', async () => {
      // Prepare
      const { solutionArn: solution = '' } = await make.settled(
        make.solution(group),
      );
      const { solutionVersionArn = '' } = await make.version(solution);

      // Act
      const training = await outcomeOf(make.campaign(solutionVersionArn));
      const missing = await outcomeOf(
        make.campaign(arnIn('solution/solution/ffffffff')),
      );

      // Assess
      expect(training).toBeInstanceOf(ResourceInUseException);
      expect(training).toMatchObject({
        message: `Solution version ${solutionVersionArn} is CREATE PENDING; campaigns can be created once it is ACTIVE`,
      });
      expect(missing).toBeInstanceOf(ResourceNotFoundException);
    });

    it('answers LimitExceededException for a 6th campaign in a group', async () => {
      // Prepare
      const { version } = await make.trainedSolution(group);
      for (let index = 0; index < 5; index += 1) {
        await make.campaign(version, `campaign-${index}`);
      }

      // Act
      const refused = await outcomeOf(make.campaign(version, 'one-more'));

      // Assess
      expect(refused).toBeInstanceOf(LimitExceededException);
      expect(refused).toMatchObject({
        message: `You have reached the limit of 5 campaigns in dataset group ${group}`,
      });
    });

    it('lists campaigns by solution, or all of them, and pages with paginateListCampaigns', async () => {
      // Prepare
      const first = await make.trainedSolution(group, 'first');
      const second = await make.trainedSolution(group, 'second');
      await make.campaign(first.version, 'a');
      clock.advance(1);
      await make.campaign(second.version, 'b');
      clock.advance(1);
      await make.campaign(first.version, 'c');

      // Act
      const all = (await client.send(new ListCampaignsCommand({}))).campaigns;
      const ofFirst: Array<string | undefined> = [];
      for await (const page of paginateListCampaigns(
        { client, pageSize: 1 },
        { solutionArn: first.solution },
      )) {
        ofFirst.push(...(page.campaigns ?? []).map((item) => item.name));
      }

      // Assess
      expect(all?.map((item) => item.name)).toEqual(['c', 'b', 'a']);
      expect(ofFirst).toEqual(['c', 'a']);
    });

    it('refuses DeleteCampaign while CREATE IN_PROGRESS, then deletes it once ACTIVE', async () => {
      // Prepare
      const { version } = await make.trainedSolution(group);
      await make.campaign(version, 'home');
      clock.advance(childLifecycle.childPendingMs);
      const remove = () =>
        client.send(
          new DeleteCampaignCommand({ campaignArn: campaignArn('home') }),
        );

      // Act
      const inProgress = await outcomeOf(remove());
      clock.advance(childLifecycle.childInProgressMs);
      await remove();
      clock.advance(childGoneMs);
      const gone = await outcomeOf(
        client.send(
          new DescribeCampaignCommand({ campaignArn: campaignArn('home') }),
        ),
      );

      // Assess
      expect(inProgress).toBeInstanceOf(ResourceInUseException);
      expect(inProgress).toMatchObject({
        message: `Campaign ${campaignArn('home')} is CREATE IN_PROGRESS; wait until it is ACTIVE or CREATE FAILED`,
      });
      expect(gone).toBeInstanceOf(ResourceNotFoundException);
      expect(emulator.campaigns()).toEqual([]);
    });
  });

  describe('DeleteSolution', () => {
    it('refuses while a campaign uses one of its versions, naming it', async () => {
      // Prepare
      const { solution, version } = await make.trainedSolution(group);
      await make.settled(make.campaign(version, 'home'));

      // Act
      const refused = await outcomeOf(deleteSolution(solution));
      await client.send(
        new DeleteCampaignCommand({ campaignArn: campaignArn('home') }),
      );
      const whileCampaignGoes = await outcomeOf(deleteSolution(solution));
      clock.advance(childGoneMs);
      const afterwards = await deleteSolution(solution);

      // Assess
      expect(refused).toBeInstanceOf(ResourceInUseException);
      expect(refused).toMatchObject({
        message: `Solution ${solution} is used by 1 campaign (${campaignArn('home')}); delete the campaigns first`,
      });
      expect(whileCampaignGoes).toBeInstanceOf(ResourceInUseException);
      expect(afterwards.$metadata.httpStatusCode).toBe(200);
    });

    it.each([
      ['CREATE PENDING', 0],
      ['CREATE IN_PROGRESS', childLifecycle.childPendingMs],
    ])('refuses while a version is %s', async (status, advanceMs) => {
      // Prepare
      const { solutionArn: solution = '' } = await make.settled(
        make.solution(group),
      );
      const { solutionVersionArn } = await make.version(solution);
      clock.advance(advanceMs);

      // Act
      const refused = await outcomeOf(deleteSolution(solution));

      // Assess
      expect(refused).toBeInstanceOf(ResourceInUseException);
      expect(refused).toMatchObject({
        message: `Solution ${solution} has solution version ${solutionVersionArn} in ${status}; stop it with StopSolutionVersionCreation or wait until it is ACTIVE or CREATE FAILED`,
      });
    });

    it('refuses while a version is CREATE STOPPING, and deletes once it is CREATE STOPPED', async () => {
      // Prepare
      const { solutionArn: solution = '' } = await make.settled(
        make.solution(group),
      );
      const { solutionVersionArn = '' } = await make.version(solution);
      clock.advance(childLifecycle.childPendingMs);
      await stopVersion(solutionVersionArn);

      // Act
      const stopping = await outcomeOf(deleteSolution(solution));
      clock.advance(childLifecycle.solutionVersionStopMs);
      const stopped = await deleteSolution(solution);

      // Assess
      expect(stopping).toMatchObject({
        message: expect.stringContaining('in CREATE STOPPING'),
      });
      expect(stopped.$metadata.httpStatusCode).toBe(200);
    });

    it('takes its versions with it: gone at the same time, the version logged first', async () => {
      // Prepare
      const { solution, version } = await make.trainedSolution(group);
      const deletedAt = clock.now();

      // Act
      await deleteSolution(solution);
      clock.advance(childGoneMs);
      const version404 = await outcomeOf(describeVersion(version));
      const list404 = await outcomeOf(
        client.send(new ListSolutionVersionsCommand({ solutionArn: solution })),
      );

      // Assess
      expect(version404).toBeInstanceOf(ResourceNotFoundException);
      expect(list404).toBeInstanceOf(ResourceNotFoundException);
      expect(emulator.solutionVersions()).toEqual([]);
      expect(emulator.deletionLog()).toEqual([
        {
          kind: 'solutionVersion',
          arn: version,
          name: version.split('/').at(-1),
          goneAt: deletedAt + childGoneMs,
        },
        {
          kind: 'solution',
          arn: solution,
          name: 'solution',
          goneAt: deletedAt + childGoneMs,
        },
      ]);
    });
  });
});
