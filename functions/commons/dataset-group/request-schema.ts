import * as z from 'zod/mini';
import {
  correlationIdMaxLength,
  domains,
  kmsKeyArnMaxLength,
  kmsKeyArnPattern,
  maxTagsPerResource,
  nameMaxLength,
  namePattern,
  reservedTagKeyPrefix,
  roleArnMaxLength,
  roleArnPattern,
  tagKeyMaxLength,
  tagPattern,
  tagValueMaxLength,
} from './constraints.ts';

const requiredString = (what = 'a string') =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? 'is required' : `must be ${what}`,
  });

const tagCharacters =
  'may contain only Unicode letters, digits, white space and _ . : / = + - @';

/*
 * zod/mini: the same checks and issues as zod's chained API, written as
 * functions, so a bundle keeps only the checks it uses. Classic zod costs
 * the functions that validate requests about 20 ms of cold start; mini
 * about 5 (bench/cold-start.ts).
 */

export const tagSchema = z.strictObject(
  {
    tagKey: requiredString().check(
      z.minLength(1, {
        error: `must be 1 to ${tagKeyMaxLength} characters long`,
      }),
      z.maxLength(tagKeyMaxLength, {
        error: `must be 1 to ${tagKeyMaxLength} characters long`,
      }),
      z.regex(tagPattern, { error: tagCharacters }),
      z.refine(
        (key: string) => !key.toLowerCase().startsWith(reservedTagKeyPrefix),
        {
          error: `must not start with the reserved prefix "${reservedTagKeyPrefix}"`,
        },
      ),
    ),
    tagValue: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? 'is required (use "" for an empty value)'
            : 'must be a string',
      })
      .check(
        z.maxLength(tagValueMaxLength, {
          error: `must be at most ${tagValueMaxLength} characters long`,
        }),
        z.regex(tagPattern, { error: tagCharacters }),
      ),
  },
  { error: 'must be an object {tagKey, tagValue}' },
);

/**
 * The request contract: execution input = API body = event detail.
 * Every constraint of the Personalize DatasetGroup type; unknown fields are
 * rejected; every rejection names the field and the rule it broke.
 */
export const datasetGroupRequestSchema = z
  .strictObject(
    {
      name: requiredString().check(
        z.minLength(1, {
          error: `must be 1 to ${nameMaxLength} characters long`,
        }),
        z.maxLength(nameMaxLength, {
          error: `must be 1 to ${nameMaxLength} characters long`,
        }),
        z.regex(namePattern, {
          error:
            'must start with a letter or digit and contain only letters, digits, "-" and "_" (pattern ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*$)',
        }),
      ),
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
      roleArn: z.optional(
        requiredString().check(
          z.maxLength(roleArnMaxLength, {
            error: `must be at most ${roleArnMaxLength} characters long`,
          }),
          z.regex(roleArnPattern, {
            error:
              'must be an IAM role ARN (pattern ^arn:([a-z\\d-]+):iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$)',
          }),
        ),
      ),
      tags: z.optional(
        z
          .array(tagSchema, {
            error: 'must be an array of {tagKey, tagValue}',
          })
          .check(
            z.maxLength(maxTagsPerResource, {
              error: `must hold at most ${maxTagsPerResource} tags`,
            }),
          ),
      ),
      correlationId: z.optional(
        requiredString().check(
          z.minLength(1, {
            error: `must be 1 to ${correlationIdMaxLength} characters long`,
          }),
          z.maxLength(correlationIdMaxLength, {
            error: `must be 1 to ${correlationIdMaxLength} characters long`,
          }),
        ),
      ),
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
        const tags = Array.isArray(request.tags) ? request.tags : [];
        const seen = new Set<string>();
        for (const [index, tag] of tags.entries()) {
          const tagKey = (tag as { tagKey?: unknown } | null)?.tagKey;
          if (typeof tagKey !== 'string') continue;
          if (seen.has(tagKey)) {
            context.addIssue({
              code: 'custom',
              path: ['tags', index, 'tagKey'],
              message: `must be unique; "${tagKey}" appears more than once`,
            });
          }
          seen.add(tagKey);
        }
      },
      {
        when: ({ value }) =>
          typeof value === 'object' && value !== null && !Array.isArray(value),
      },
    ),
  );

export type DatasetGroupRequest = z.infer<typeof datasetGroupRequestSchema>;
export type Tag = z.infer<typeof tagSchema>;
