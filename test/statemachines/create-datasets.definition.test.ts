import { readFileSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import {
  createDatasetsDefinitionPath,
  loadStateMachineDefinition,
} from '#local/runtime/state-machine-definition.ts';

const functionArn = (name: string) =>
  `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const substitutions = {
  PrepareDatasetsFunctionArn: functionArn('prepare-datasets'),
  CreateDatasetFunctionArn: functionArn('create-dataset'),
  DescribeDatasetFunctionArn: functionArn('describe-dataset'),
  CreateDatasetImportJobFunctionArn: functionArn('create-dataset-import-job'),
  DescribeDatasetImportJobFunctionArn: functionArn(
    'describe-dataset-import-job',
  ),
  EventBusName: 'personalize-dataset-groups',
  EventSource: 'personalize.dataset-groups',
};

interface State {
  Type: string;
  Next?: string;
  End?: boolean;
  Default?: string;
  Choices?: Array<{ Next: string }>;
  Catch?: Array<{ Next: string }>;
  Parameters?: { Entries?: Array<{ DetailType: string }> };
  ItemProcessor?: { StartAt: string; States: Record<string, State> };
  MaxConcurrency?: number;
}

const publishedDetailTypes = (states: Record<string, State>): string[] =>
  Object.values(states).flatMap((state) => [
    ...(state.Parameters?.Entries?.map((entry) => entry.DetailType) ?? []),
    ...(state.ItemProcessor
      ? publishedDetailTypes(state.ItemProcessor.States)
      : []),
  ]);

describe('create-datasets.asl.json', () => {
  const definition = loadStateMachineDefinition(
    createDatasetsDefinitionPath,
    substitutions,
  );
  const states = definition.States as Record<string, State>;

  it('passes asl-validator with ARN and JSONPath checks on', () => {
    const result = aslValidator(definition, {
      checkArn: true,
      checkPaths: true,
    });
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('names every placeholder it uses, and only those', () => {
    const text = readFileSync(createDatasetsDefinitionPath, 'utf8');
    const used = new Set(
      [...text.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]),
    );
    expect([...used].sort()).toEqual(Object.keys(substitutions).sort());
  });

  it('runs the datasets in parallel, at most five at once (one per type)', () => {
    expect(states.CreateDatasets?.Type).toBe('Map');
    expect(states.CreateDatasets?.MaxConcurrency).toBe(5);
  });

  it('publishes each event of the contract', () => {
    expect(new Set(publishedDetailTypes(states))).toEqual(
      new Set([
        'Dataset Created',
        'Dataset Creation Failed',
        'Dataset Import Completed',
        'Dataset Import Failed',
        'Dataset Group Datasets Ready',
        'Dataset Group Datasets Failed',
      ]),
    );
  });

  it('ends every iteration with its report: no path inside the Map can fail it', () => {
    const inner = states.CreateDatasets?.ItemProcessor?.States ?? {};
    for (const [name, state] of Object.entries(inner)) {
      expect(state.Type, name).not.toBe('Fail');
      if (state.Type === 'Task' && !name.startsWith('Publish')) {
        expect(state.Catch?.length, `${name} has a Catch`).toBeGreaterThan(0);
      }
      if (state.End === true) {
        expect((state as { OutputPath?: string }).OutputPath, name).toMatch(
          /report$/,
        );
      }
    }
  });
});
