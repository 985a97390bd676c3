import * as z from 'zod/mini';
import { refineDatasetDeclarations } from '../datasets/declaration-issues.ts';
import { datasetDeclarationsSchema } from '../datasets/declaration-schema.ts';
import {
  domains,
  kmsKeyArnMaxLength,
  kmsKeyArnPattern,
} from './constraints.ts';
import {
  correlationIdSchema,
  nameSchema,
  requiredString,
  roleArnSchema,
  tagsSchema,
} from './request-fields.ts';

export { type Tag, tagSchema } from './request-fields.ts';

/*
 * zod/mini: the same checks and issues as zod's chained API, written as
 * functions, so a bundle keeps only the checks it uses. Classic zod costs
 * the functions that validate requests about 20 ms of cold start; mini
 * about 5 (bench/cold-start.ts).
 */

const isDomain = (value: unknown): value is (typeof domains)[number] =>
  (domains as readonly unknown[]).includes(value);

/**
 * The request contract: execution input = API body = event detail.
 * Every constraint of the Personalize DatasetGroup type, and of the
 * datasets it declares (functions/commons/datasets/), checked before
 * anything is created; unknown fields are rejected; every rejection names
 * the field and the rule it broke.
 */
export const datasetGroupRequestSchema = z
  .strictObject(
    {
      name: nameSchema,
      domain: z.optional(
        z.enum(domains, { error: `must be one of ${domains.join(', ')}` }),
      ),
      kmsKeyArn: z.optional(
        requiredString().check(
          z.maxLength(kmsKeyArnMaxLength, {
            error: `must be at most ${kmsKeyArnMaxLength} characters long`,
          }),
          z.regex(kmsKeyArnPattern, {
            error:
              'must be a KMS key ARN (pattern ^arn:aws.*:kms:.*:[0-9]{12}:key/.*)',
          }),
        ),
      ),
      roleArn: z.optional(roleArnSchema),
      tags: z.optional(tagsSchema),
      correlationId: z.optional(correlationIdSchema),
      datasets: z.optional(datasetDeclarationsSchema),
    },
    { error: 'must be a JSON object' },
  )
  .check(
    z.superRefine(
      (parsed, context) => {
        // Runs even when fields broke other rules (see `when`), so every
        // problem is reported at once: read the input defensively.
        const request = parsed as Record<string, unknown>;
        const kmsKeyGiven = request.kmsKeyArn !== undefined;
        const roleGiven = request.roleArn !== undefined;
        if (kmsKeyGiven && !roleGiven) {
          context.addIssue({
            code: 'custom',
            path: ['roleArn'],
            message: 'is required when kmsKeyArn is given',
          });
        }
        if (roleGiven && !kmsKeyGiven) {
          context.addIssue({
            code: 'custom',
            path: ['roleArn'],
            message: 'is only allowed together with kmsKeyArn',
          });
        }
        if (request.datasets !== undefined) {
          refineDatasetDeclarations(context, request.datasets, {
            groupName:
              typeof request.name === 'string' ? request.name : undefined,
            domain: isDomain(request.domain) ? request.domain : undefined,
          });
        }
      },
      {
        when: ({ value }) =>
          typeof value === 'object' && value !== null && !Array.isArray(value),
      },
    ),
  );

export type DatasetGroupRequest = z.infer<typeof datasetGroupRequestSchema>;
