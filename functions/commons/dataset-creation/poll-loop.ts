import { sleepsInInvocation } from '../dataset-group/poll-step.ts';
import type {
  ResourceDecision,
  ResourcePollPosition,
} from './resource-progress.ts';

export interface PollLoopContext {
  /** Milliseconds before the function times out. */
  remainingMs: () => number;
  safetyMarginSeconds: number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Polls until the resource settles or the next wait is too long to sleep
 * in this invocation (then the state machine's Wait state has it): the
 * group's deletion poll does the same (poll-step.ts sleepsInInvocation).
 * `firstWaitSeconds` is slept before the first poll: the iteration goes
 * straight from its create task to this one.
 */
export const pollInInvocation = async (
  poll: (position: ResourcePollPosition) => Promise<ResourceDecision>,
  start: ResourcePollPosition & { firstWaitSeconds: number },
  context: PollLoopContext,
): Promise<ResourceDecision> => {
  const fits = (waitSeconds: number) =>
    sleepsInInvocation(
      { outcome: 'IN_PROGRESS', waitSeconds },
      {
        remainingMs: context.remainingMs(),
        safetyMarginSeconds: context.safetyMarginSeconds,
      },
    );
  if (start.firstWaitSeconds > 0 && fits(start.firstWaitSeconds)) {
    await context.sleep(start.firstWaitSeconds * 1000);
  }
  let position: ResourcePollPosition = {
    attempt: start.attempt,
    elapsedSeconds: start.elapsedSeconds,
  };
  for (;;) {
    const decision = await poll({
      attempt: position.attempt + 1,
      elapsedSeconds: position.elapsedSeconds,
    });
    if (decision.outcome !== 'IN_PROGRESS' || !fits(decision.waitSeconds)) {
      return decision;
    }
    await context.sleep(decision.waitSeconds * 1000);
    position = decision;
  }
};
