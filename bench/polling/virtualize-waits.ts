import type { StateMachineDefinition } from 'aws-local-stepfunctions';

export const virtualWaitResource = 'arn:aws:states:::virtual:wait';

interface WaitState {
  Type: 'Wait';
  Seconds?: number;
  SecondsPath?: string;
  Next?: string;
  End?: boolean;
  Comment?: string;
}

/**
 * Replaces every Wait state by a Task of the same name whose handler moves
 * the virtual clock by the wait's seconds and passes its input through.
 * One state for one state: the billed transitions do not change.
 */
export const virtualizeWaits = (
  definition: StateMachineDefinition,
): { definition: StateMachineDefinition; waitStates: string[] } => {
  const states = structuredClone(definition.States) as unknown as Record<
    string,
    Record<string, unknown>
  >;
  const waitStates: string[] = [];
  for (const [name, state] of Object.entries(states)) {
    if (state.Type !== 'Wait') continue;
    const wait = state as unknown as WaitState;
    if (wait.Seconds === undefined && wait.SecondsPath === undefined) {
      throw new Error(`Wait state ${name} uses a timestamp; not supported`);
    }
    waitStates.push(name);
    states[name] = {
      Type: 'Task',
      Resource: virtualWaitResource,
      Parameters:
        wait.SecondsPath === undefined
          ? { seconds: wait.Seconds }
          : { 'seconds.$': wait.SecondsPath },
      ResultPath: null,
      ...(wait.Next === undefined ? {} : { Next: wait.Next }),
      ...(wait.End === undefined ? {} : { End: wait.End }),
    };
  }
  return {
    definition: {
      ...definition,
      States: states,
    } as unknown as StateMachineDefinition,
    waitStates,
  };
};
