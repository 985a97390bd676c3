import { readFileSync } from 'node:fs';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';

const placeholder = /\$\{([A-Za-z0-9_]+)\}/g;

/**
 * Reads an ASL file and fills its `${Name}` placeholders, as CloudFormation
 * DefinitionSubstitutions do when the stack is deployed. A placeholder with
 * no value is an error, so a definition cannot run half-wired.
 */
export const loadStateMachineDefinition = (
  path: string | URL,
  substitutions: Readonly<Record<string, string>>,
): StateMachineDefinition => {
  const text = readFileSync(path, 'utf8').replace(placeholder, (_, name) => {
    const value = substitutions[name];
    if (value === undefined) {
      throw new RangeError(
        `No substitution for \${${name}} in ${String(path)}`,
      );
    }
    return value;
  });
  return JSON.parse(text) as StateMachineDefinition;
};

export const createDatasetGroupDefinitionPath = new URL(
  '../../statemachines/create-dataset-group.asl.json',
  import.meta.url,
);

export const deleteDatasetGroupDefinitionPath = new URL(
  '../../statemachines/delete-dataset-group.asl.json',
  import.meta.url,
);

export const createDatasetsDefinitionPath = new URL(
  '../../statemachines/create-datasets.asl.json',
  import.meta.url,
);

type StatesOf = Record<
  string,
  {
    ItemProcessor?: { States: StatesOf };
    Iterator?: { States: StatesOf };
    Branches?: Array<{ States: StatesOf }>;
  }
>;

/**
 * A state of the definition by name, looked up in the top-level States,
 * in those of every Map's ItemProcessor and of every Parallel's branches
 * (state names are unique across a whole definition, as the service
 * requires).
 */
export const findStateDefinition = (
  definition: StateMachineDefinition,
  stateName: string,
): unknown => {
  const search = (states: StatesOf): unknown => {
    if (stateName in states) return states[stateName];
    for (const state of Object.values(states)) {
      const processor = state.ItemProcessor ?? state.Iterator;
      const nested = [
        ...(processor === undefined ? [] : [processor]),
        ...(state.Branches ?? []),
      ];
      for (const { States } of nested) {
        const found = search(States);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return search(definition.States as unknown as StatesOf);
};
