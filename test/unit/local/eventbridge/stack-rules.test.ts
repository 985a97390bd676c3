import { describe, expect, it } from 'vitest';
import {
  assertValidEventPattern,
  datasetGroupRequestPatterns,
  matchesEventPattern,
} from '#local/eventbridge/index.ts';
import { getTestEvent } from '#test/unit/functions/commons/events/event-contract-helpers.ts';

const createRequested = getTestEvent(
  'com.example.tenant-onboarding/dataset-group-create-requested.json',
);
const deleteRequested = getTestEvent(
  'com.example.tenant-onboarding/dataset-group-delete-requested.json',
);
const created = getTestEvent(
  'personalize.dataset-groups/dataset-group-created.json',
);

describe('datasetGroupRequestPatterns', () => {
  const patterns = datasetGroupRequestPatterns([
    'personalize.dataset-groups',
    'com.example.tenant-onboarding',
  ]);

  it('gives two patterns EventBridge accepts', () => {
    // Assess
    expect(() =>
      assertValidEventPattern(patterns.createRequested),
    ).not.toThrow();
    expect(() =>
      assertValidEventPattern(patterns.deleteRequested),
    ).not.toThrow();
  });

  it.each([
    ['create', createRequested, true, false],
    ['delete', deleteRequested, false, true],
    ['a published lifecycle event', created, false, false],
  ])(
    'routes the %s event to the right rule',
    (_, event, toCreate, toDelete) => {
      // Act
      const matches = [
        matchesEventPattern(patterns.createRequested, event),
        matchesEventPattern(patterns.deleteRequested, event),
      ];

      // Assess
      expect(matches).toEqual([toCreate, toDelete]);
    },
  );

  it('ignores requests from a source that is not allowed', () => {
    // Prepare
    const onlyDefault = datasetGroupRequestPatterns([
      'personalize.dataset-groups',
    ]);

    // Act
    const matched = matchesEventPattern(
      onlyDefault.createRequested,
      createRequested,
    );

    // Assess
    expect(matched).toBe(false);
  });

  it('refuses an empty list of sources', () => {
    // Act
    const build = () => datasetGroupRequestPatterns([]);

    // Assess
    expect(build).toThrow(RangeError);
  });
});
