import * as z from 'zod/mini';
import { datasetGroupRequestSchema } from './request-schema.ts';

const flag = () => z.optional(z.boolean({ error: 'must be true or false' }));

/**
 * The delete request contract (execution input = event detail = the API's
 * DELETE with its query): the group's name, with the same rules as for
 * creation, a correlation id, and `cascade: true` to delete everything the
 * group holds first, in the order Personalize requires. With cascade,
 * `deleteSchemas: true` also deletes the schemas its datasets used, where
 * no other dataset uses them.
 */
export const datasetGroupDeleteRequestSchema = z
  .strictObject(
    {
      name: datasetGroupRequestSchema.shape.name,
      correlationId: datasetGroupRequestSchema.shape.correlationId,
      cascade: flag(),
      deleteSchemas: flag(),
    },
    { error: 'must be a JSON object' },
  )
  .check(
    z.superRefine(
      (parsed, context) => {
        // Runs even when the input broke other rules: read it defensively.
        const request = (
          typeof parsed === 'object' && parsed !== null ? parsed : {}
        ) as Record<string, unknown>;
        if (request.deleteSchemas === true && request.cascade !== true) {
          context.addIssue({
            code: 'custom',
            path: ['deleteSchemas'],
            message: 'is only allowed together with cascade: true',
          });
        }
      },
      { when: () => true },
    ),
  );

export type DatasetGroupDeleteRequest = z.infer<
  typeof datasetGroupDeleteRequestSchema
>;
