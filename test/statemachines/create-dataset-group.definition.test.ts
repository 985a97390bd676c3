import { readFileSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import {
  createDatasetGroupDefinitionPath,
  loadStateMachineDefinition,
} from '#local/state-machine-definition.ts';

const substitutions = {
  CreateDatasetGroupFunctionArn:
    'arn:aws:lambda:us-east-1:123456789012:function:create-dataset-group',
  DescribeDatasetGroupFunctionArn:
    'arn:aws:lambda:us-east-1:123456789012:function:describe-dataset-group',
  EventBusName: 'personalize-dataset-groups',
  EventSource: 'personalize.dataset-groups',
};

interface State {
  Type: string;
  Retry?: Array<{
    ErrorEquals: string[];
    JitterStrategy?: string;
    MaxAttempts?: number;
  }>;
  Catch?: Array<{ ErrorEquals: string[]; Next: string }>;
  Resource?: string;
}

describe('create-dataset-group.asl.json', () => {
  const definition = loadStateMachineDefinition(
    createDatasetGroupDefinitionPath,
    substitutions,
  );
  const states = definition.States as Record<string, State>;

  it('passes asl-validator with ARN and JSONPath checks on', () => {
    // Act
    const result = aslValidator(definition, {
      checkArn: true,
      checkPaths: true,
    });

    // Assess
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('names every placeholder it uses, and only those', () => {
    // Prepare
    const text = readFileSync(createDatasetGroupDefinitionPath, 'utf8');

    // Act
    const placeholders = new Set(
      [...text.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]),
    );

    // Assess
    expect([...placeholders].sort()).toEqual(Object.keys(substitutions).sort());
  });

  it('retries Lambda tasks only on throttling and transient errors, with jitter', () => {
    for (const name of ['CreateDatasetGroup', 'DescribeDatasetGroup']) {
      const retriers = states[name]?.Retry ?? [];
      const retried = retriers.flatMap((retrier) => retrier.ErrorEquals);
      expect(retried).not.toContain('States.ALL');
      expect(retried).not.toContain('States.TaskFailed');
      expect(retried).not.toContain('InvalidDatasetGroupRequestError');
      expect(retried).toContain('PersonalizeThrottledError');
      expect(retried).toContain('PersonalizeUnavailableError');
      expect(
        retriers.every((retrier) => retrier.JitterStrategy === 'FULL'),
      ).toBe(true);
    }
  });

  it('retries every putEvents task on EventBridge.FailedEntry', () => {
    const publishers = Object.entries(states).filter(
      ([, state]) => state.Resource === 'arn:aws:states:::events:putEvents',
    );
    expect(publishers.map(([name]) => name).sort()).toEqual([
      'PublishCreationFailed',
      'PublishCreationStarted',
      'PublishDatasetGroupCreated',
    ]);
    for (const [, state] of publishers) {
      expect(state.Retry?.[0]?.ErrorEquals).toContain(
        'EventBridge.FailedEntry',
      );
    }
  });

  it('catches what is left of a failed publish, except the Created event', () => {
    expect(states.PublishCreationStarted?.Catch?.[0]?.Next).toBe(
      'IsDatasetGroupSettled',
    );
    expect(states.PublishCreationFailed?.Catch?.[0]?.Next).toBe('FailCreation');
    expect(states.PublishDatasetGroupCreated?.Catch).toBeUndefined();
  });
});
