import { describe, expect, it } from 'vitest';
import {
  createFailureMetricsOf,
  creationMetricsOf,
} from '#commons/dataset-group/creation-metrics.ts';
import type { CreationProgress } from '#commons/dataset-group/creation-progress.ts';
import {
  DatasetGroupConfigurationMismatchError,
  InvalidDatasetGroupRequestError,
  PersonalizeLimitExceededError,
  PersonalizeThrottledError,
  PersonalizeUnavailableError,
} from '#commons/errors.ts';

const progress = (
  overrides: Partial<CreationProgress> = {},
): CreationProgress => ({
  datasetGroup: {
    name: 'acme',
    datasetGroupArn:
      'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
    status: 'ACTIVE',
    creationDateTime: '2026-11-25T10:00:00.000Z',
    lastUpdatedDateTime: '2026-11-25T10:03:20.500Z',
  },
  outcome: 'ACTIVE',
  attempt: 7,
  elapsedSeconds: 230,
  waitSeconds: 0,
  ...overrides,
});

describe('creationMetricsOf', () => {
  it('records nothing while the group is being created', () => {
    // Act
    const points = creationMetricsOf(
      progress({ outcome: 'IN_PROGRESS', waitSeconds: 20 }),
    );

    // Assess
    expect(points).toEqual([]);
  });

  it('records DatasetGroupCreated and TimeToActive from the group timestamps', () => {
    // Act
    const points = creationMetricsOf(progress());

    // Assess
    expect(points).toEqual([
      { name: 'DatasetGroupCreated', unit: 'Count', value: 1 },
      { name: 'TimeToActive', unit: 'Seconds', value: 200.5 },
    ]);
  });

  it('falls back to the scheduled wait when the timestamps are missing or inverted', () => {
    // Prepare
    const missing = progress();
    delete missing.datasetGroup.lastUpdatedDateTime;
    const inverted = progress();
    inverted.datasetGroup.lastUpdatedDateTime = '2026-11-25T09:00:00.000Z';

    // Act
    const points = [missing, inverted].map(
      (each) => creationMetricsOf(each)[1],
    );

    // Assess
    expect(points).toEqual([
      { name: 'TimeToActive', unit: 'Seconds', value: 230 },
      { name: 'TimeToActive', unit: 'Seconds', value: 230 },
    ]);
  });

  it('records DatasetGroupCreationFailed for CREATE FAILED or a deadline', () => {
    // Act
    const points = creationMetricsOf(
      progress({
        outcome: 'FAILED',
        error: { code: 'DatasetGroupCreationTimedOut', message: 'late' },
      }),
    );

    // Assess
    expect(points).toEqual([
      { name: 'DatasetGroupCreationFailed', unit: 'Count', value: 1 },
    ]);
  });
});

describe('createFailureMetricsOf', () => {
  it('records nothing for transient errors, which the state machine retries', () => {
    // Act
    const points = [
      new PersonalizeThrottledError('slow down'),
      new PersonalizeUnavailableError('503'),
    ].flatMap(createFailureMetricsOf);

    // Assess
    expect(points).toEqual([]);
  });

  it('records a rejected request as RequestRejected and a failed creation', () => {
    // Act
    const points = createFailureMetricsOf(
      new InvalidDatasetGroupRequestError([
        { field: 'name', message: 'is required' },
      ]),
    );

    // Assess
    expect(points.map((point) => point.name)).toEqual([
      'RequestRejected',
      'DatasetGroupCreationFailed',
    ]);
  });

  it.each([
    new DatasetGroupConfigurationMismatchError('domain differs'),
    new PersonalizeLimitExceededError('quota'),
    new Error('unexpected'),
  ])('records a failed creation for $name', (error) => {
    // Act
    const points = createFailureMetricsOf(error);

    // Assess
    expect(points).toEqual([
      { name: 'DatasetGroupCreationFailed', unit: 'Count', value: 1 },
    ]);
  });
});
