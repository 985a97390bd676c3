import { startLocalServer } from '../commands/serve/local-server.ts';

/**
 * The stack the fault matrix runs on: the whole local server (so events
 * go through the EventBridge rules and the trigger functions) on free
 * ports, with short waits and lifecycle.
 */
export const startReliabilityStack = () =>
  startLocalServer({
    ports: { api: 0, stepFunctions: 0, eventBridge: 0, personalize: 0 },
    waitMs: 2,
    retryMs: 1,
    emulator: { lifecycle: { pendingMs: 20, inProgressMs: 40, deleteMs: 20 } },
  });
