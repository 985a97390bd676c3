import { describe, expect, it } from 'vitest';
import {
  activeFate,
  type LifecycleFacts,
  lifecycleAt,
} from '#local/personalize/dataset-group-lifecycle.ts';

const timings = { pendingMs: 100, inProgressMs: 400, deleteMs: 300 };
const createdAtMs = 1_000;

const facts = (overrides: Partial<LifecycleFacts> = {}): LifecycleFacts => ({
  createdAtMs,
  fate: activeFate,
  ...overrides,
});

describe('lifecycleAt', () => {
  it.each([
    [0, 'CREATE PENDING', createdAtMs],
    [99, 'CREATE PENDING', createdAtMs],
    [100, 'CREATE IN_PROGRESS', createdAtMs + 100],
    [499, 'CREATE IN_PROGRESS', createdAtMs + 100],
    [500, 'ACTIVE', createdAtMs + 500],
    [10_000, 'ACTIVE', createdAtMs + 500],
  ])(
    'reports %s ms after creation as %s when the fate is ACTIVE',
    (elapsed, status, lastUpdatedMs) => {
      // Prepare
      const now = createdAtMs + elapsed;

      // Act
      const state = lifecycleAt(facts(), timings, now);

      // Assess
      expect(state).toEqual({ status, lastUpdatedMs });
    },
  );

  it('ends CREATE FAILED with the reason when the fate says so', () => {
    // Prepare
    const failing = facts({
      fate: { outcome: 'CREATE FAILED', failureReason: 'KMS key not usable' },
    });

    // Act
    const before = lifecycleAt(failing, timings, createdAtMs + 499);
    const after = lifecycleAt(failing, timings, createdAtMs + 500);

    // Assess
    expect(before).toEqual({
      status: 'CREATE IN_PROGRESS',
      lastUpdatedMs: createdAtMs + 100,
    });
    expect(after).toEqual({
      status: 'CREATE FAILED',
      lastUpdatedMs: createdAtMs + 500,
      failureReason: 'KMS key not usable',
    });
  });

  it.each(['CREATE PENDING', 'CREATE IN_PROGRESS'] as const)(
    'stays %s forever when the group is stuck there',
    (status) => {
      // Prepare
      const stuck = facts({ fate: { outcome: 'STUCK', status } });

      // Act
      const state = lifecycleAt(stuck, timings, createdAtMs + 1e9);

      // Assess
      expect(state?.status).toBe(status);
    },
  );

  it('is DELETE PENDING for deleteMs after the delete, then gone', () => {
    // Prepare
    const deleteRequestedAtMs = createdAtMs + 2_000;
    const deleted = facts({ deleteRequestedAtMs });

    // Act
    const pending = lifecycleAt(deleted, timings, deleteRequestedAtMs + 299);
    const gone = lifecycleAt(deleted, timings, deleteRequestedAtMs + 300);

    // Assess
    expect(pending).toEqual({
      status: 'DELETE PENDING',
      lastUpdatedMs: deleteRequestedAtMs,
    });
    expect(gone).toBeUndefined();
  });

  it('skips a status whose duration is 0', () => {
    // Prepare
    const instant = { pendingMs: 0, inProgressMs: 0, deleteMs: 0 };

    // Act
    const state = lifecycleAt(facts(), instant, createdAtMs);

    // Assess
    expect(state?.status).toBe('ACTIVE');
  });
});
