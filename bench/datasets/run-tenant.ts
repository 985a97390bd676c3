import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { datasetsTriggerOf } from '#commons/dataset-creation/created-event-trigger.ts';
import { parseEventBridgeEnvelope } from '#commons/events/eventbridge-envelope.ts';
import type { RunningPersonalizeEmulator } from '#local/personalize/index.ts';
import type { LocalEventBus } from '#local/runtime/event-bus.ts';
import { costOf, type Usage } from '../polling/pricing.ts';
import type { SimulatedClock } from '../simulation/simulated-clock.ts';
import {
  addUsage,
  emptyUsage,
  meteredInvocation,
  runSimulated,
  type SimulatedWorkflow,
} from '../simulation/simulated-run.ts';
import { functionMemoryGb } from './our-workflows.ts';

/** How long each resource takes to settle, in seconds. */
export interface TenantTimings {
  groupSeconds: number;
  /** Every dataset's (the slowest is the critical one). */
  datasetSeconds: number;
  /** Every import's; undefined: the request declares no imports. */
  importSeconds?: number;
}

export interface TenantRun extends Usage, TenantTimings {
  policy: string;
  status: 'SUCCEEDED' | 'FAILED';
  failure?: string;
  /** Group T + dataset T (+ import T): the service's own time. */
  criticalPathSeconds: number;
  /** Request → the run's Ready (ours: the Ready event; a peer: its end). */
  readySeconds?: number;
  /** readySeconds − criticalPathSeconds. */
  overheadSeconds?: number;
  /** Last CreateDataset call − first: 0 when the datasets start together. */
  createSpreadSeconds: number;
  describeCalls: number;
  costUsd: number;
}

export interface TenantEnvironment {
  clock: SimulatedClock;
  emulator: RunningPersonalizeEmulator;
  bus: LocalEventBus;
}

/** One way to take a request from nothing to Ready. */
export interface TenantPolicy {
  id: string;
  description: string;
  /** Runs the request once; resolves with Ready's virtual epoch ms. */
  run: (
    environment: TenantEnvironment,
    request: TenantRequest,
    usage: Usage,
  ) => Promise<{ readyAt?: number; failure?: string }>;
}

export interface TenantRequest {
  name: string;
  datasets: Array<{
    datasetType: string;
    schema: { definition: unknown };
    importJob?: { dataLocation: string; roleArn: string };
  }>;
}

/** The sample with three datasets; with imports, one per dataset. */
export const benchRequest = (imports: boolean): TenantRequest => {
  const sample = JSON.parse(
    readFileSync(
      new URL(
        '../../samples/execution-inputs/with-datasets.json',
        import.meta.url,
      ),
      'utf8',
    ),
  ) as TenantRequest;
  return {
    name: 'bench-tenant',
    datasets: sample.datasets.map((dataset) => ({
      ...dataset,
      ...(imports && {
        importJob: {
          dataLocation: `s3://bench-personalize-data/${dataset.datasetType.toLowerCase()}.csv`,
          roleArn: 'arn:aws:iam::000000000000:role/PersonalizeS3Access',
        },
      }),
    })),
  };
};

/** Our product: the group workflow, its rule's target, the datasets workflow. */
export const ourTenantPolicy = (workflows: {
  group: SimulatedWorkflow;
  datasets: SimulatedWorkflow;
}): TenantPolicy => ({
  id: 'this-project',
  description:
    'this project: create-dataset-group, the rule on Dataset Group Created (one on-dataset-group-created invocation), create-datasets (a Map, datasets in parallel, each polled on the adaptive schedule)',
  run: async ({ clock, bus }, request, usage) => {
    const group = await runSimulated(
      clock,
      bus,
      workflows.group,
      request,
      `${request.name}-${randomUUID()}`,
    );
    Object.assign(usage, addUsage(usage, group.usage));
    if (group.status !== 'SUCCEEDED') {
      return { failure: `group: ${group.error ?? 'failed'}` };
    }
    const created = bus.events.find(
      (event) =>
        event.resources.includes(group.executionArn) &&
        event['detail-type'] === 'Dataset Group Created',
    );
    if (created === undefined) return { failure: 'no Dataset Group Created' };
    // EventBridge's delivery is not modelled; the target's invocation is.
    const trigger = (await meteredInvocation(
      clock,
      usage,
      async (event) =>
        datasetsTriggerOf(parseEventBridgeEnvelope(event)) as never,
      functionMemoryGb['on-dataset-group-created'] ?? 0.25,
    )(created as never)) as unknown as ReturnType<typeof datasetsTriggerOf>;
    if (trigger === undefined) return { failure: 'no datasets to create' };
    const datasets = await runSimulated(
      clock,
      bus,
      workflows.datasets,
      trigger.input,
      trigger.executionName,
    );
    Object.assign(usage, addUsage(usage, datasets.usage));
    const ready = datasets.published.find(
      (event) => event.detailType === 'Dataset Group Datasets Ready',
    );
    return ready === undefined
      ? { failure: `datasets: ${datasets.error ?? 'no Ready event'}` }
      : { readyAt: ready.at };
  },
});

/** A peer whose one workflow ends when everything is ready. */
export const peerTenantPolicy = (
  id: string,
  description: string,
  peer: { workflow: SimulatedWorkflow; reset: () => void },
  inputOf: (request: TenantRequest) => unknown,
): TenantPolicy => ({
  id,
  description,
  run: async ({ clock, bus }, request, usage) => {
    peer.reset();
    const run = await runSimulated(
      clock,
      bus,
      peer.workflow,
      inputOf(request),
      `${request.name}-${randomUUID()}`,
    );
    Object.assign(usage, addUsage(usage, run.usage));
    return run.status === 'SUCCEEDED'
      ? { readyAt: run.endedAt }
      : { failure: run.error ?? 'failed' };
  },
});

const round = (value: number, digits = 2) =>
  Math.round(value * 10 ** digits) / 10 ** digits;

/** A stage of T seconds: up to 1 s CREATE PENDING, the rest IN_PROGRESS. */
const split = (seconds: number) => {
  const pendingMs = Math.min(1_000, seconds * 500);
  return { pendingMs, inProgressMs: seconds * 1000 - pendingMs };
};

/**
 * Runs a policy once on a fresh emulator whose group, datasets and
 * imports settle after the given times, in virtual time, and measures it.
 */
export const runTenant = async (
  environment: TenantEnvironment,
  policy: TenantPolicy,
  timings: TenantTimings,
): Promise<TenantRun> => {
  const { clock, emulator } = environment;
  emulator.reset();
  const group = split(timings.groupSeconds);
  const dataset = split(timings.datasetSeconds);
  const importJob = split(timings.importSeconds ?? 1);
  emulator.setLifecycle({
    ...group,
    datasetPendingMs: dataset.pendingMs,
    datasetInProgressMs: dataset.inProgressMs,
    importPendingMs: importJob.pendingMs,
    importInProgressMs: importJob.inProgressMs,
  });
  const request = benchRequest(timings.importSeconds !== undefined);
  const usage = emptyUsage();
  const requestedAt = clock.now();
  const outcome = await clock.drive(policy.run(environment, request, usage));
  const criticalPathSeconds =
    timings.groupSeconds +
    timings.datasetSeconds +
    (timings.importSeconds ?? 0);
  const readySeconds =
    outcome.readyAt === undefined
      ? undefined
      : (outcome.readyAt - requestedAt) / 1000;
  const { calls, callTimes } = emulator.stats();
  const creates = callTimes('CreateDataset');
  const describeCalls = Object.entries(calls)
    .filter(([operation]) => operation.startsWith('Describe'))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    policy: policy.id,
    ...timings,
    status: outcome.failure === undefined ? 'SUCCEEDED' : 'FAILED',
    ...(outcome.failure === undefined ? {} : { failure: outcome.failure }),
    criticalPathSeconds,
    ...(readySeconds === undefined
      ? {}
      : {
          readySeconds: round(readySeconds),
          overheadSeconds: round(readySeconds - criticalPathSeconds),
        }),
    createSpreadSeconds:
      creates.length === 0
        ? 0
        : round((Math.max(...creates) - Math.min(...creates)) / 1000),
    ...usage,
    gbSeconds: round(usage.gbSeconds, 3),
    describeCalls,
    costUsd: round(costOf(usage), 6),
  };
};
