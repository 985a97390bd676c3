import { startLocalStack } from '../local-stack.ts';

/** The local stack the fault matrix runs on: short waits and lifecycle. */
export const startReliabilityStack = () =>
  startLocalStack({
    waitMs: 2,
    retryMs: 1,
    emulator: { lifecycle: { pendingMs: 20, inProgressMs: 40, deleteMs: 20 } },
  });
