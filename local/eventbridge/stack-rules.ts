import { detailTypes } from '#commons/events/detail-types.ts';
import type { EventPattern } from './event-pattern.ts';

/**
 * The event patterns of the stack's rules: the requests to create and to
 * delete a dataset group, from any of the allowed `sources`. The deployed
 * rules (serverless.yml) must spell the same patterns.
 */
export const datasetGroupRequestPatterns = (
  sources: readonly string[],
): { createRequested: EventPattern; deleteRequested: EventPattern } => {
  if (sources.length === 0) {
    throw new RangeError('At least one event source must be allowed');
  }
  return {
    createRequested: {
      source: [...sources],
      'detail-type': [detailTypes.createRequested],
    },
    deleteRequested: {
      source: [...sources],
      'detail-type': [detailTypes.deleteRequested],
    },
  };
};

/**
 * The pattern of the rule that starts the create-datasets workflow: our
 * own `Dataset Group Created`, when its request declares datasets (a
 * pattern on the fields of an array's objects matches when one element
 * has them). The deployed rule (infra/event-bus.yml) spells the same.
 */
export const datasetsTriggerPattern = (
  sources: readonly string[],
): EventPattern => ({
  source: [...sources],
  'detail-type': [detailTypes.created],
  detail: { request: { datasets: { datasetType: [{ exists: true }] } } },
});
