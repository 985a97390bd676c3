import { startLocalServer } from '../commands/serve/local-server.ts';

/**
 * The stack the fault matrix runs on: the whole local server (so events
 * go through the EventBridge rules and the trigger functions) on free
 * ports, with short waits and lifecycle.
 */
export const startReliabilityStack = () =>
  startLocalServer({
    ports: {
      api: 0,
      stepFunctions: 0,
      eventBridge: 0,
      personalize: 0,
      console: 0,
    },
    waitMs: 2,
    retryMs: 1,
    emulator: {
      // Short enough to settle well before a deadline: with 2 ms waits,
      // the poll schedule reaches an hour's deadline in about 150 ms.
      lifecycle: {
        pendingMs: 20,
        inProgressMs: 40,
        deleteMs: 20,
        datasetPendingMs: 10,
        datasetInProgressMs: 20,
        datasetDeleteMs: 10,
        importPendingMs: 10,
        importInProgressMs: 20,
        childPendingMs: 10,
        childInProgressMs: 10,
        childDeleteMs: 20,
        solutionVersionTrainingMs: 20,
      },
    },
  });
