import { useClock } from '#commons/clock.ts';
import { loadHandlers, startLocalStack } from '#local/runtime/local-stack.ts';
import type { TenantRun, TenantTimings } from './datasets/run-tenant.ts';
import { SimulatedClock } from './simulation/simulated-clock.ts';

/** Creation times T of the group and of each dataset (and each import). */
export const tenantCreationTimes = [10, 30, 60, 120, 300, 900];

/**
 * Creation times near T, as factors of T plus seconds: the polls of a run
 * that settles exactly at T may meet it by chance; these do not.
 */
export const nearTSamples = [
  { factor: 1, plusSeconds: 0 },
  { factor: 1.05, plusSeconds: 0.4 },
  { factor: 1.1, plusSeconds: 0.7 },
];

/** A run, with the nominal T its creation times were sampled near. */
export interface DatasetsBenchRun extends TenantRun {
  t: number;
}

export interface DatasetsBench {
  runs: DatasetsBenchRun[];
  policies: Array<{ id: string; description: string }>;
  wallMs: number;
}

/**
 * Every tenant policy at every T, without and with imports, in virtual
 * time on one simulated clock: the emulator's lifecycles, the Wait
 * states, the Retry waits and the in-Lambda sleeps all read it, and
 * concurrent iterations sleep side by side.
 */
export const runDatasetsBench = async (
  times: readonly number[] = tenantCreationTimes,
): Promise<DatasetsBench> => {
  const began = performance.now();
  const clock = new SimulatedClock();
  const stack = await startLocalStack({
    waitMs: 0,
    emulator: {
      clock,
      quota: Number.POSITIVE_INFINITY,
    },
  });
  useClock({ now: clock.now, sleep: clock.sleep });
  try {
    const [workflows, tenant, mpem] = await Promise.all([
      import('./datasets/our-workflows.ts'),
      import('./datasets/run-tenant.ts'),
      import('./datasets/mpem-peer.ts'),
    ]);
    const handlers = await loadHandlers();
    const policies = [
      tenant.ourTenantPolicy({
        group: workflows.groupWorkflow(handlers, stack.bus.name),
        datasets: workflows.datasetsWorkflow(handlers, stack.bus.name),
      }),
      tenant.peerTenantPolicy(
        'mpem',
        'AWS Solution "Maintaining Personalized Experiences with ML": group Retry-as-poll 5 s × 1.02 (30); then a Parallel branch per type, schema → dataset → import, each a Retry-as-poll 60 s × 1.02 (100)',
        mpem.mpemWorkflow(),
        mpem.mpemInputOf,
      ),
    ];
    const environment = { clock, emulator: stack.emulator, bus: stack.bus };
    const runs: DatasetsBenchRun[] = [];
    for (const imports of [false, true]) {
      for (const t of times) {
        for (const policy of policies) {
          for (const sample of nearTSamples) {
            const seconds = t * sample.factor + sample.plusSeconds;
            const timings: TenantTimings = {
              groupSeconds: seconds,
              datasetSeconds: seconds,
              ...(imports ? { importSeconds: seconds } : {}),
            };
            runs.push({
              ...(await tenant.runTenant(environment, policy, timings)),
              t,
            });
          }
        }
      }
    }
    return {
      runs,
      policies: policies.map(({ id, description }) => ({ id, description })),
      wallMs: Math.round(performance.now() - began),
    };
  } finally {
    useClock();
    await stack.close();
  }
};

if (process.argv[1] === import.meta.filename) {
  const times = process.argv.slice(2).map(Number);
  const bench = await runDatasetsBench(times.length > 0 ? times : undefined);
  for (const run of bench.runs)
    process.stdout.write(`${JSON.stringify(run)}\n`);
  process.stdout.write(`wall ${bench.wallMs} ms\n`);
}
