import {
  CreateDatasetGroupCommand,
  CreateSolutionVersionCommand,
  DescribeDatasetGroupCommand,
  PersonalizeClient,
} from '@aws-sdk/client-personalize';
import { useClock } from '#commons/clock.ts';
import { loadHandlers, startLocalStack } from '#local/runtime/local-stack.ts';
import { seedGroupChildren } from '#local/seed/group-children.ts';
import { costOf, type Usage } from '../polling/pricing.ts';
import { SimulatedClock } from '../simulation/simulated-clock.ts';
import { runSimulated } from '../simulation/simulated-run.ts';

/** Seconds each child's (and the group's) deletion takes. */
export const teardownDeletionTimes = [10, 60, 300];

export interface TeardownRun extends Usage {
  deleteSeconds: number;
  status: string;
  failure?: string;
  /** Children the run deleted before the group (Dataset Group Deleted). */
  deleted: number;
  /** Request → Dataset Group Deleted. */
  teardownSeconds: number;
  /** The last child gone → Dataset Group Deleted. */
  lastChildToEventSeconds: number;
  /** Of which the workflow's own: last child gone → DeleteDatasetGroup, and the group gone → the event. */
  workflowLagSeconds: number;
  /** max(2 s, 10% of teardownSeconds). */
  allowedLagSeconds: number;
  describeAndListCalls: number;
  costUsd: number;
}

const round = (value: number, digits = 2) =>
  Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The cascade delete of a fully populated group, in virtual time: a
 * domain group with a dataset, a solution with an ACTIVE version and one
 * still training, a campaign, a recommender, an event tracker, a filter
 * and a metric attribution, each of whose deletions (and the group's)
 * takes `deleteSeconds`. The real delete workflow and handlers run it on
 * the simulated clock; the emulator's deletion log says when each child
 * went.
 */
export const runTeardownBench = async (
  times: readonly number[] = teardownDeletionTimes,
): Promise<{ runs: TeardownRun[]; wallMs: number }> => {
  const began = performance.now();
  const clock = new SimulatedClock();
  const stack = await startLocalStack({
    waitMs: 0,
    emulator: { clock, quota: Number.POSITIVE_INFINITY },
  });
  useClock({ now: clock.now, sleep: clock.sleep });
  const personalize = new PersonalizeClient({
    endpoint: stack.emulator.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const { deleteWorkflow } = await import('../datasets/our-workflows.ts');
    const workflow = deleteWorkflow(await loadHandlers(), stack.bus.name);
    const runs: TeardownRun[] = [];
    for (const deleteSeconds of times) {
      stack.emulator.reset();
      const deleteMs = deleteSeconds * 1000;
      const timings = {
        pendingMs: 500,
        inProgressMs: 500,
        deleteMs,
        datasetPendingMs: 500,
        datasetInProgressMs: 500,
        datasetDeleteMs: deleteMs,
        childPendingMs: 500,
        childInProgressMs: 500,
        childDeleteMs: deleteMs,
        solutionVersionTrainingMs: 1_000,
      };
      stack.emulator.setLifecycle(timings);
      const name = `teardown-${deleteSeconds}`;
      const run = await clock.drive(
        (async () => {
          const { datasetGroupArn } = await personalize.send(
            new CreateDatasetGroupCommand({ name, domain: 'ECOMMERCE' }),
          );
          for (let attempt = 0; attempt < 100; attempt += 1) {
            const { datasetGroup } = await personalize.send(
              new DescribeDatasetGroupCommand({ datasetGroupArn }),
            );
            if (datasetGroup?.status === 'ACTIVE') break;
            await clock.sleep(500);
          }
          const arns = await seedGroupChildren(
            personalize,
            { name, datasetGroupArn: datasetGroupArn as string },
            {
              domain: 'ECOMMERCE',
              dataset: true,
              recommender: true,
              metricAttribution: true,
              sleep: clock.sleep,
            },
          );
          // Still training when the teardown starts.
          stack.emulator.setLifecycle({
            ...timings,
            solutionVersionTrainingMs: 3_600_000,
          });
          await personalize.send(
            new CreateSolutionVersionCommand({ solutionArn: arns.solution }),
          );
          await clock.sleep(5_000);
          stack.emulator.resetStats();
          return runSimulated(
            clock,
            stack.bus,
            workflow,
            { name, cascade: true },
            `${name}-${Date.now()}`,
          );
        })(),
      );
      const log = stack.emulator.deletionLog();
      const groupArn = `arn:aws:personalize:us-east-1:000000000000:dataset-group/${name}`;
      const groupGone = log.find((entry) => entry.arn === groupArn)?.goneAt;
      const lastChildGone = Math.max(
        ...log
          .filter((entry) => entry.arn !== groupArn)
          .map((entry) => entry.goneAt),
      );
      const deletedAt = run.published.find(
        (event) => event.detailType === 'Dataset Group Deleted',
      )?.at;
      const deleteCalls = stack.emulator
        .stats()
        .callTimes('DeleteDatasetGroup');
      const lastDeleteCall = Math.max(...deleteCalls);
      const deletedEvent = stack.bus.events.find(
        (event) =>
          event.resources.includes(run.executionArn) &&
          event['detail-type'] === 'Dataset Group Deleted',
      );
      const teardownSeconds =
        deletedAt === undefined
          ? Number.NaN
          : (deletedAt - run.startedAt) / 1000;
      const { calls } = stack.emulator.stats();
      runs.push({
        deleteSeconds,
        status: run.status,
        ...(run.error === undefined ? {} : { failure: run.error }),
        deleted: (
          (deletedEvent?.detail as { deleted?: unknown[] } | undefined)
            ?.deleted ?? []
        ).length,
        teardownSeconds: round(teardownSeconds),
        lastChildToEventSeconds:
          deletedAt === undefined
            ? Number.NaN
            : round((deletedAt - lastChildGone) / 1000),
        workflowLagSeconds:
          deletedAt === undefined || groupGone === undefined
            ? Number.NaN
            : round(
                (lastDeleteCall - lastChildGone + (deletedAt - groupGone)) /
                  1000,
              ),
        allowedLagSeconds: round(Math.max(2, 0.1 * teardownSeconds)),
        ...run.usage,
        gbSeconds: round(run.usage.gbSeconds, 3),
        describeAndListCalls: Object.entries(calls)
          .filter(([operation]) => /^(Describe|List)/.test(operation))
          .reduce((sum, [, count]) => sum + count, 0),
        costUsd: round(costOf(run.usage), 6),
      });
    }
    return { runs, wallMs: Math.round(performance.now() - began) };
  } finally {
    useClock();
    personalize.destroy();
    await stack.close();
  }
};

if (process.argv[1] === import.meta.filename) {
  const times = process.argv.slice(2).map(Number);
  const bench = await runTeardownBench(times.length > 0 ? times : undefined);
  for (const run of bench.runs)
    process.stdout.write(`${JSON.stringify(run)}\n`);
  process.stdout.write(`wall ${bench.wallMs} ms\n`);
}
