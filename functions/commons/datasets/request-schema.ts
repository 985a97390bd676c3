import * as z from 'zod/mini';
import {
  correlationIdSchema,
  nameSchema,
} from '../dataset-group/request-fields.ts';
import { refineDatasetDeclarations } from './declaration-issues.ts';
import { datasetDeclarationsSchema } from './declaration-schema.ts';

/**
 * The create-datasets workflow's input: the group's name and the datasets
 * to create in it, as the trigger on `Dataset Group Created` passes them
 * (or someone starting it by hand in the console). The group's domain is
 * not in it: the rules every group has are checked here, the domain's by
 * validateDatasetsForGroup once the workflow has described the group.
 */
export const datasetsRequestSchema = z
  .strictObject(
    {
      name: nameSchema,
      datasets: datasetDeclarationsSchema,
      correlationId: z.optional(correlationIdSchema),
    },
    { error: 'must be a JSON object {name, datasets, correlationId?}' },
  )
  .check(
    z.superRefine(
      (parsed, context) => {
        // Runs even when fields broke other rules (see `when`).
        const request = parsed as Record<string, unknown>;
        refineDatasetDeclarations(context, request.datasets, {
          groupName:
            typeof request.name === 'string' ? request.name : undefined,
          domain: undefined,
        });
      },
      {
        when: ({ value }) =>
          typeof value === 'object' && value !== null && !Array.isArray(value),
      },
    ),
  );

export type DatasetsRequest = z.infer<typeof datasetsRequestSchema>;
