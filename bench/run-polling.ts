import { useClock } from '#commons/clock.ts';
import { startLocalStack } from '#local/local-stack.ts';
import type { PolicyRun } from './polling/run-policy.ts';
import { VirtualClock } from './polling/virtual-clock.ts';

export const creationTimes = [10, 30, 60, 120, 300, 900, 3600];

/**
 * Every policy at every creation time T, in virtual time: the emulator's
 * clock, the Wait states, the retries and the in-Lambda sleeps all move
 * one virtual clock, so an hour of polling runs in milliseconds.
 */
export const runPollingBench = async (): Promise<{
  runs: PolicyRun[];
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
    const runs: PolicyRun[] = [];
    for (const creationSeconds of creationTimes) {
      for (const policy of policies) {
        runs.push(
          await runPolicy(
            { clock, emulator: stack.emulator, bus: stack.bus },
            policy,
            creationSeconds,
          ),
        );
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
