import { useClock } from '#commons/clock.ts';
import { startLocalStack } from '#local/runtime/local-stack.ts';
import { latencyNear } from './polling/lower-bounds.ts';
import type { PolicyRun } from './polling/run-policy.ts';
import { VirtualClock } from './polling/virtual-clock.ts';

export const creationTimes = [10, 30, 60, 120, 300, 900, 3600];

/** Creation times near T are T to this many times T. */
export const nearFactor = 1.1;

/** A run at T, and the latency for creation times near T. */
export interface PollingRun extends Omit<PolicyRun, 'pollSeconds'> {
  /** Worst and mean latency for creation times from T to 1.1 T;
   * undefined when the policy fails before 1.1 T. */
  nearT?: { worst: number; mean: number };
}

/**
 * Every policy at every creation time T, in virtual time: the emulator's
 * clock, the Wait states, the retries and the in-Lambda sleeps all move
 * one virtual clock, so an hour of polling runs in milliseconds.
 */
export const runPollingBench = async (): Promise<{
  runs: PollingRun[];
  policies: Array<{ id: string; description: string }>;
}> => {
  const clock = new VirtualClock();
  const stack = await startLocalStack({
    waitMs: 0,
    emulator: { clock, quota: Number.POSITIVE_INFINITY },
  });
  useClock({ now: clock.now, sleep: clock.sleep });
  try {
    // Imported once the stack has set the handlers' environment.
    const [create, describe, { ourPolicy, peerPolicies }, { runPolicy }] =
      await Promise.all([
        import('#functions/create-dataset-group.ts'),
        import('#functions/describe-dataset-group.ts'),
        import('./polling/policies.ts'),
        import('./polling/run-policy.ts'),
      ]);
    const policies = [
      ourPolicy(clock, stack.bus, {
        create: create.handler,
        describe: describe.handler,
      }),
      ...peerPolicies(clock),
    ];
    const environment = { clock, emulator: stack.emulator, bus: stack.bus };
    const runs: PollingRun[] = [];
    for (const creationSeconds of creationTimes) {
      for (const policy of policies) {
        const { pollSeconds: _atT, ...atT } = await runPolicy(
          environment,
          policy,
          creationSeconds,
        );
        // A second run whose group turns ACTIVE after every creation time
        // near T: its polls are the ones a group near T would meet.
        const beyond = await runPolicy(
          environment,
          policy,
          creationSeconds * nearFactor + 1,
        );
        const nearT = latencyNear(
          beyond.pollSeconds,
          creationSeconds,
          creationSeconds * nearFactor,
        );
        runs.push({ ...atT, ...(nearT === undefined ? {} : { nearT }) });
      }
    }
    return {
      runs,
      policies: policies.map(({ id, description }) => ({ id, description })),
    };
  } finally {
    useClock();
    await stack.close();
  }
};
