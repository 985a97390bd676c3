import * as z from 'zod/mini';
import { datasetGroupRequestSchema } from './request-schema.ts';

/**
 * The delete request contract (execution input = event detail): the
 * group's name, with the same rules as for creation, and a correlation id.
 */
export const datasetGroupDeleteRequestSchema = z.strictObject(
  {
    name: datasetGroupRequestSchema.shape.name,
    correlationId: datasetGroupRequestSchema.shape.correlationId,
  },
  { error: 'must be a JSON object' },
);

export type DatasetGroupDeleteRequest = z.infer<
  typeof datasetGroupDeleteRequestSchema
>;
