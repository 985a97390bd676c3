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
