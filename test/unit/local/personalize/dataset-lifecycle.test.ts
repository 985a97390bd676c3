import { describe, expect, it } from 'vitest';
import { activeFate } from '#local/personalize/dataset-group-lifecycle.ts';
import {
  datasetLifecycleAt,
  importJobStateAt,
} from '#local/personalize/dataset-lifecycle.ts';
import { resolveLifecycleTimings } from '#local/personalize/lifecycle-timings.ts';

const timings = {
  datasetPendingMs: 100,
  datasetInProgressMs: 300,
  datasetDeleteMs: 200,
  importPendingMs: 200,
  importInProgressMs: 1_000,
};
const createdAtMs = 10_000;

describe('datasetLifecycleAt', () => {
  it.each([
    [0, 'CREATE PENDING', createdAtMs],
    [99, 'CREATE PENDING', createdAtMs],
    [100, 'CREATE IN_PROGRESS', createdAtMs + 100],
    [399, 'CREATE IN_PROGRESS', createdAtMs + 100],
    [400, 'ACTIVE', createdAtMs + 400],
  ])('reports %s ms after creation as %s', (elapsed, status, lastUpdatedMs) => {
    // Act
    const state = datasetLifecycleAt(
      { createdAtMs, fate: activeFate },
      timings,
      createdAtMs + elapsed,
    );

    // Assess
    expect(state).toEqual({ status, lastUpdatedMs });
  });

  it.each([
    [0, 'DELETE PENDING', 0],
    [99, 'DELETE PENDING', 0],
    [100, 'DELETE IN_PROGRESS', 100],
    [299, 'DELETE IN_PROGRESS', 100],
  ])(
    'reports %s ms after a delete as %s',
    (elapsed, status, updatedAfterDeleteMs) => {
      // Prepare
      const deleteRequestedAtMs = createdAtMs + 1_000;

      // Act
      const state = datasetLifecycleAt(
        { createdAtMs, fate: activeFate, deleteRequestedAtMs },
        timings,
        deleteRequestedAtMs + elapsed,
      );

      // Assess
      expect(state).toEqual({
        status,
        lastUpdatedMs: deleteRequestedAtMs + updatedAfterDeleteMs,
      });
    },
  );

  it('reports the dataset gone once DELETE IN_PROGRESS has lasted datasetDeleteMs', () => {
    // Act
    const state = datasetLifecycleAt(
      { createdAtMs, fate: activeFate, deleteRequestedAtMs: createdAtMs },
      timings,
      createdAtMs + 300,
    );

    // Assess
    expect(state).toBeUndefined();
  });

  it('ends CREATE FAILED with the fate’s reason', () => {
    // Act
    const state = datasetLifecycleAt(
      {
        createdAtMs,
        fate: { outcome: 'CREATE FAILED', failureReason: 'no' },
      },
      timings,
      createdAtMs + 400,
    );

    // Assess
    expect(state).toEqual({
      status: 'CREATE FAILED',
      lastUpdatedMs: createdAtMs + 400,
      failureReason: 'no',
    });
  });
});

describe('importJobStateAt', () => {
  it.each([
    [199, 'CREATE PENDING'],
    [200, 'CREATE IN_PROGRESS'],
    [1_199, 'CREATE IN_PROGRESS'],
    [1_200, 'ACTIVE'],
  ])('reports %s ms after creation as %s', (elapsed, status) => {
    // Act
    const state = importJobStateAt(
      createdAtMs,
      activeFate,
      timings,
      createdAtMs + elapsed,
    );

    // Assess
    expect(state.status).toBe(status);
  });

  it('stays CREATE IN_PROGRESS for a stuck fate', () => {
    // Act
    const state = importJobStateAt(
      createdAtMs,
      { outcome: 'STUCK', status: 'CREATE IN_PROGRESS' },
      timings,
      createdAtMs + 10 ** 9,
    );

    // Assess
    expect(state).toEqual({
      status: 'CREATE IN_PROGRESS',
      lastUpdatedMs: createdAtMs + 200,
    });
  });
});

describe('resolveLifecycleTimings', () => {
  it('fills every timing with its default', () => {
    // Act
    const resolved = resolveLifecycleTimings({ importInProgressMs: 5 });

    // Assess
    expect(resolved).toEqual({
      pendingMs: 200,
      inProgressMs: 600,
      deleteMs: 300,
      datasetPendingMs: 100,
      datasetInProgressMs: 300,
      datasetDeleteMs: 200,
      importPendingMs: 200,
      importInProgressMs: 5,
      childPendingMs: 100,
      childInProgressMs: 300,
      childDeleteMs: 200,
      solutionVersionTrainingMs: 1_000,
      solutionVersionStopMs: 200,
      recommenderStopMs: 300,
      recommenderStartMs: 300,
    });
  });

  it('refuses a negative dataset timing', () => {
    // Act
    const resolve = () => resolveLifecycleTimings({ datasetDeleteMs: -1 });

    // Assess
    expect(resolve).toThrow(
      'lifecycle.datasetDeleteMs must be a finite number >= 0',
    );
  });
});
