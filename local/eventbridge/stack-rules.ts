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
