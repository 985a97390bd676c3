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

type States = Record<string, Record<string, unknown>>;

/** The state lists nested in a state: a Map's processor, a Parallel's branches. */
const nestedStates = (state: Record<string, unknown>): States[] => {
  const processor = (state.ItemProcessor ?? state.Iterator) as
    | { States: States }
    | undefined;
  const branches = (state.Branches ?? []) as Array<{ States: States }>;
  return [
    ...(processor === undefined ? [] : [processor.States]),
    ...branches.map((branch) => branch.States),
  ];
};

const virtualizeIn = (states: States, waitStates: string[]): void => {
  for (const [name, state] of Object.entries(states)) {
    for (const nested of nestedStates(state)) virtualizeIn(nested, waitStates);
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
};

/**
 * Replaces every Wait state, at any depth (in a Map's processor or a
 * Parallel's branches too), by a Task of the same name whose handler
 * moves the virtual clock by the wait's seconds and passes its input
 * through. One state for one state: the billed transitions do not change.
 */
export const virtualizeWaits = (
  definition: StateMachineDefinition,
): { definition: StateMachineDefinition; waitStates: string[] } => {
  const states = structuredClone(definition.States) as unknown as States;
  const waitStates: string[] = [];
  virtualizeIn(states, waitStates);
  return {
    definition: {
      ...definition,
      States: states,
    } as unknown as StateMachineDefinition,
    waitStates,
  };
};
