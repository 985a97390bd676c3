import { readFileSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import {
  deleteDatasetGroupDefinitionPath,
  loadStateMachineDefinition,
} from '#local/runtime/state-machine-definition.ts';

const substitutions = {
  DeleteDatasetGroupFunctionArn:
    'arn:aws:lambda:us-east-1:123456789012:function:delete-dataset-group',
  DescribeDatasetGroupDeletionFunctionArn:
    'arn:aws:lambda:us-east-1:123456789012:function:describe-dataset-group-deletion',
  TeardownDatasetGroupChildrenFunctionArn:
    'arn:aws:lambda:us-east-1:123456789012:function:teardown-dataset-group-children',
  EventBusName: 'personalize-dataset-groups',
  EventSource: 'personalize.dataset-groups',
};

interface State {
  Type: string;
  Resource?: string;
  Retry?: Array<{ ErrorEquals: string[]; JitterStrategy?: string }>;
  Catch?: Array<{ ErrorEquals: string[]; Next: string }>;
  Parameters?: { Entries?: Array<{ DetailType: string }> };
}

describe('delete-dataset-group.asl.json', () => {
  const definition = loadStateMachineDefinition(
    deleteDatasetGroupDefinitionPath,
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
    // Act
    const placeholders = new Set(
      [
        ...readFileSync(deleteDatasetGroupDefinitionPath, 'utf8').matchAll(
          /\$\{([A-Za-z0-9_]+)\}/g,
        ),
      ].map((match) => match[1]),
    );

    // Assess
    expect([...placeholders].sort()).toEqual(Object.keys(substitutions).sort());
  });

  it('publishes the three deletion detail-types', () => {
    // Act
    const detailTypes = Object.values(states).flatMap(
      (state) =>
        state.Parameters?.Entries?.map((entry) => entry.DetailType) ?? [],
    );

    // Assess
    expect([...new Set(detailTypes)].sort()).toEqual([
      'Dataset Group Deleted',
      'Dataset Group Deletion Failed',
      'Dataset Group Deletion Started',
    ]);
  });

  it('retries the Lambda tasks only on transient errors, with full jitter', () => {
    for (const [name, onFailure] of [
      // It picks the correlation id; failing, it leaves that to the state.
      ['DeleteDatasetGroup', 'HasRequestCorrelationId'],
      ['DescribeDatasetGroupDeletion', 'HasFailureCause'],
    ] as const) {
      const retriers = states[name]?.Retry ?? [];
      const retried = retriers.flatMap((retrier) => retrier.ErrorEquals);
      expect(retried).toContain('PersonalizeThrottledError');
      expect(retried).not.toContain('States.ALL');
      expect(retried).not.toContain('DatasetGroupInUseError');
      expect(
        retriers.every((retrier) => retrier.JitterStrategy === 'FULL'),
      ).toBe(true);
      expect(states[name]?.Catch?.[0]?.Next).toBe(onFailure);
    }
  });

  it('does not turn a failed Deleted publish into a Deletion Failed event', () => {
    expect(states.PublishDatasetGroupDeleted?.Catch).toBeUndefined();
    expect(states.FailDeletion?.Type).toBe('Fail');
  });

  it('tries a refused Deletion Failed event once more without the request', () => {
    // Prepare
    const detailOf = (state: string) =>
      (
        states[state]?.Parameters as
          | { Entries: Array<{ DetailType: string; Detail: object }> }
          | undefined
      )?.Entries[0];
    const full = detailOf('PublishDeletionFailed');
    const summary = detailOf('PublishDeletionFailedSummary');

    // Act
    const paths = Object.values(summary?.Detail ?? {}).filter(
      (value): value is string => typeof value === 'string',
    );

    // Assess
    expect(states.PublishDeletionFailed?.Catch?.[0]?.Next).toBe(
      'PublishDeletionFailedSummary',
    );
    expect(states.PublishDeletionFailedSummary?.Catch?.[0]?.Next).toBe(
      'FailDeletion',
    );
    expect(summary?.DetailType).toBe(full?.DetailType);
    expect(paths.filter((path) => /request|correlationId/.test(path))).toEqual(
      [],
    );
    expect(summary?.Detail).toMatchObject({
      'correlationId.$': '$$.Execution.Name',
      request: { omitted: expect.any(String) },
    });
  });
});
