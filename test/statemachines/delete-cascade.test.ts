import {
  CreateSolutionVersionCommand,
  DescribeDatasetGroupCommand,
  ListSchemasCommand,
  PersonalizeClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-personalize';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BusEvent } from '#local/runtime/event-bus.ts';
import {
  type LocalStack,
  startLocalStack,
} from '#local/runtime/local-stack.ts';
import { seedGroupChildren } from '#local/seed/group-children.ts';
import { expectEventsToHonourTheirContracts } from '#test/helpers/event-contracts.ts';
import { runExecution } from '#test/helpers/run-execution.ts';

/**
 * The cascade delete of the real delete-dataset-group.asl.json, with the
 * real handlers and SDK, against the emulator's children of a group.
 */
describe('delete-dataset-group with cascade', () => {
  const lifecycle = {
    pendingMs: 10,
    inProgressMs: 20,
    deleteMs: 20,
    datasetPendingMs: 10,
    datasetInProgressMs: 10,
    datasetDeleteMs: 20,
    childPendingMs: 10,
    childInProgressMs: 10,
    childDeleteMs: 20,
    solutionVersionTrainingMs: 20,
    recommenderStopMs: 10,
    recommenderStartMs: 10,
  };
  let stack: LocalStack;
  let personalize: PersonalizeClient;

  beforeAll(async () => {
    stack = await startLocalStack({
      waitMs: 2,
      retryMs: 1,
      emulator: { lifecycle },
    });
    personalize = new PersonalizeClient({
      endpoint: stack.emulator.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    personalize?.destroy();
    await stack?.close();
  });

  beforeEach(() => {
    stack.emulator.reset();
    stack.emulator.setLifecycle(lifecycle);
  });

  const createGroup = async (name: string, domain?: string) => {
    const run = await runExecution(stack, {
      name,
      ...(domain === undefined ? {} : { domain }),
    });
    expect(run.outcome.status).toBe('SUCCEEDED');
    const arn = stack.emulator
      .datasetGroups()
      .find((group) => group.name === name)?.datasetGroupArn as string;
    return { name, datasetGroupArn: arn };
  };

  const detailOf = (events: BusEvent[], type: string) =>
    events.find((event) => event['detail-type'] === type)?.detail as
      | Record<string, unknown>
      | undefined;

  const groupIsGone = async (name: string) => {
    await expect(
      personalize.send(
        new DescribeDatasetGroupCommand({
          datasetGroupArn: `arn:aws:personalize:us-east-1:000000000000:dataset-group/${name}`,
        }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  };

  it('deletes a group with one of every kind whole, each child gone before its parent', async () => {
    // Prepare
    const group = await createGroup('tenant', 'ECOMMERCE');
    const arns = await seedGroupChildren(personalize, group, {
      domain: 'ECOMMERCE',
      dataset: true,
      recommender: true,
      metricAttribution: true,
    });
    // A second version still training when the teardown starts.
    stack.emulator.setLifecycle({
      ...lifecycle,
      solutionVersionTrainingMs: 60_000,
    });
    const { solutionVersionArn } = await personalize.send(
      new CreateSolutionVersionCommand({ solutionArn: arns.solution }),
    );
    arns.trainingVersion = solutionVersionArn as string;

    // Act
    const run = await runExecution(
      stack,
      { name: 'tenant', cascade: true },
      undefined,
      'delete',
    );

    // Assess
    expect(run.outcome.status).toBe('SUCCEEDED');
    expect(run.terminal.map((event) => event['detail-type'])).toEqual([
      'Dataset Group Deleted',
    ]);
    expectEventsToHonourTheirContracts(run.events);
    const inventory = detailOf(run.events, 'Dataset Group Deletion Started')
      ?.inventory as Array<{ kind: string; arn: string }>;
    const deleted = detailOf(run.events, 'Dataset Group Deleted')
      ?.deleted as Array<{ kind: string; arn: string }>;
    for (const arn of Object.values(arns)) {
      expect(inventory.map((child) => child.arn)).toContain(arn);
      expect(deleted.map((child) => child.arn)).toContain(arn);
    }
    expect(
      detailOf(run.events, 'Dataset Group Deleted')?.keptSchemas,
    ).toHaveLength(1);
    const log = stack.emulator.deletionLog();
    const goneAt = (arn: string) => {
      const entry = log.find((gone) => gone.arn === arn);
      if (entry === undefined) throw new Error(`${arn} never went`);
      return entry.goneAt;
    };
    const groupGone = goneAt(group.datasetGroupArn);
    expect(goneAt(arns.campaign as string)).toBeLessThanOrEqual(
      goneAt(arns.solution as string),
    );
    for (const child of ['solution', 'recommender', 'eventTracker']) {
      expect(goneAt(arns[child] as string), child).toBeLessThanOrEqual(
        goneAt(arns.dataset as string),
      );
    }
    for (const arn of Object.values(arns)) {
      expect(goneAt(arn)).toBeLessThanOrEqual(groupGone);
    }
    // Stopped first (a stop refused while it was still pending is tried again).
    expect(
      stack.emulator.stats().calls.StopSolutionVersionCreation,
    ).toBeGreaterThanOrEqual(1);
    await groupIsGone('tenant');
  });

  it('deletes the schemas its datasets used with deleteSchemas, and keeps one another dataset uses', async () => {
    // Prepare
    const group = await createGroup('schemas');
    await seedGroupChildren(personalize, group, { dataset: true });

    // Act
    const run = await runExecution(
      stack,
      { name: 'schemas', cascade: true, deleteSchemas: true },
      undefined,
      'delete',
    );

    // Assess
    expect(run.outcome.status).toBe('SUCCEEDED');
    const detail = detailOf(run.events, 'Dataset Group Deleted');
    expect(detail?.keptSchemas).toEqual([]);
    expect(
      ((detail?.deleted ?? []) as Array<{ kind: string }>).filter(
        (child) => child.kind === 'schema',
      ),
    ).toHaveLength(1);
    const { schemas } = await personalize.send(new ListSchemasCommand({}));
    expect(schemas).toEqual([]);
  });

  it('waits for a campaign still being created, then deletes it', async () => {
    // Prepare
    const group = await createGroup('young');
    stack.emulator.setLifecycle({ ...lifecycle, childInProgressMs: 300 });
    const arns = await seedGroupChildren(personalize, group, {
      campaignUnderway: true,
    });
    expect(
      stack.emulator.campaigns().find((c) => c.campaignArn === arns.campaign)
        ?.status,
    ).toMatch(/CREATE (PENDING|IN_PROGRESS)/);

    // Act
    const run = await runExecution(
      stack,
      { name: 'young', cascade: true },
      undefined,
      'delete',
    );

    // Assess
    expect(run.outcome.status).toBe('SUCCEEDED');
    expect(stack.emulator.deletionLog().map((gone) => gone.arn)).toContain(
      arns.campaign,
    );
    await groupIsGone('young');
  });

  it('carries on after a run stopped mid-teardown', async () => {
    // Prepare
    const group = await createGroup('crashed');
    const arns = await seedGroupChildren(personalize, group, {
      dataset: true,
    });
    stack.emulator.setLifecycle({ ...lifecycle, childDeleteMs: 200 });

    // Act: the first run is stopped once the campaign is being deleted.
    const first = stack.deleteWorkflow.start({
      name: 'crashed',
      cascade: true,
    });
    const stopper = (async () => {
      for (let attempt = 0; attempt < 500; attempt += 1) {
        const campaign = stack.emulator
          .campaigns()
          .find((c) => c.campaignArn === arns.campaign);
        if (campaign?.status?.startsWith('DELETE')) break;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      first.abort();
    })();
    for await (const _event of first.eventLogs);
    await stopper;
    const stopped = await first.outcome;
    const second = await runExecution(
      stack,
      { name: 'crashed', cascade: true },
      undefined,
      'delete',
    );

    // Assess
    expect(stopped.status).toBe('ABORTED');
    expect(second.outcome.status).toBe('SUCCEEDED');
    expect(stack.emulator.stats().calls.DeleteCampaign).toBe(1);
    await groupIsGone('crashed');
  });

  it('ends in Deletion Failed naming a child whose deletion Personalize gave up, with what remains', async () => {
    // Prepare
    const group = await createGroup('stuck');
    await seedGroupChildren(personalize, group);
    stack.emulator.faults.childDeleteFailed({
      kind: 'filter',
      failureReason: 'the filter could not be deleted',
    });

    // Act
    const run = await runExecution(
      stack,
      { name: 'stuck', cascade: true },
      undefined,
      'delete',
    );

    // Assess
    expect(run.outcome.status).toBe('FAILED');
    expect(run.terminal.map((event) => event['detail-type'])).toEqual([
      'Dataset Group Deletion Failed',
    ]);
    expectEventsToHonourTheirContracts(run.events);
    const detail = detailOf(run.events, 'Dataset Group Deletion Failed');
    expect(detail?.error).toMatchObject({
      code: 'DatasetGroupChildDeletionFailed',
      message: expect.stringContaining('filter stuck-filter'),
    });
    expect(
      ((detail?.remaining ?? []) as Array<{ name: string }>).map(
        (child) => child.name,
      ),
    ).toContain('stuck-filter');
    expect(stack.emulator.datasetGroups()).toHaveLength(1);
  });

  it('without cascade, fails naming what the group holds, and deletes nothing', async () => {
    // Prepare
    const group = await createGroup('held');
    await seedGroupChildren(personalize, group, { dataset: true });

    // Act
    const run = await runExecution(
      stack,
      { name: 'held' },
      undefined,
      'delete',
    );

    // Assess
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'DatasetGroupInUseError',
    });
    expect(run.outcome.cause).toContain(
      'Dataset group held holds 1 campaign, 1 solution version, 1 event tracker, 1 filter, 1 solution, 1 dataset: delete them first, or delete it with cascade: true',
    );
    expect(stack.emulator.deletionLog()).toEqual([]);
  });

  it('rejects deleteSchemas without cascade, naming the field', async () => {
    const run = await runExecution(
      stack,
      { name: 'held', deleteSchemas: true },
      undefined,
      'delete',
    );
    expect(run.outcome).toMatchObject({
      status: 'FAILED',
      error: 'InvalidDatasetGroupRequestError',
    });
    expect(run.outcome.cause).toContain(
      'deleteSchemas: is only allowed together with cascade: true',
    );
  });
});
