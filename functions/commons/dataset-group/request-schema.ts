import * as z from 'zod';
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

export const tagSchema = z.strictObject(
  {
    tagKey: requiredString()
      .min(1, { error: `must be 1 to ${tagKeyMaxLength} characters long` })
      .max(tagKeyMaxLength, {
        error: `must be 1 to ${tagKeyMaxLength} characters long`,
      })
      .regex(tagPattern, { error: tagCharacters })
      .refine((key) => !key.toLowerCase().startsWith(reservedTagKeyPrefix), {
        error: `must not start with the reserved prefix "${reservedTagKeyPrefix}"`,
      }),
    tagValue: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? 'is required (use "" for an empty value)'
            : 'must be a string',
      })
      .max(tagValueMaxLength, {
        error: `must be at most ${tagValueMaxLength} characters long`,
      })
      .regex(tagPattern, { error: tagCharacters }),
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
      name: requiredString()
        .min(1, { error: `must be 1 to ${nameMaxLength} characters long` })
        .max(nameMaxLength, {
          error: `must be 1 to ${nameMaxLength} characters long`,
        })
        .regex(namePattern, {
          error:
            'must start with a letter or digit and contain only letters, digits, "-" and "_" (pattern ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*$)',
        }),
      domain: z
        .enum(domains, { error: `must be one of ${domains.join(', ')}` })
        .optional(),
      kmsKeyArn: requiredString()
        .max(kmsKeyArnMaxLength, {
          error: `must be at most ${kmsKeyArnMaxLength} characters long`,
        })
        .regex(kmsKeyArnPattern, {
          error:
            'must be a KMS key ARN (pattern ^arn:aws.*:kms:.*:[0-9]{12}:key/.*)',
        })
        .optional(),
      roleArn: requiredString()
        .max(roleArnMaxLength, {
          error: `must be at most ${roleArnMaxLength} characters long`,
        })
        .regex(roleArnPattern, {
          error:
            'must be an IAM role ARN (pattern ^arn:([a-z\\d-]+):iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$)',
        })
        .optional(),
      tags: z
        .array(tagSchema, { error: 'must be an array of {tagKey, tagValue}' })
        .max(maxTagsPerResource, {
          error: `must hold at most ${maxTagsPerResource} tags`,
        })
        .optional(),
      correlationId: requiredString()
        .min(1, {
          error: `must be 1 to ${correlationIdMaxLength} characters long`,
        })
        .max(correlationIdMaxLength, {
          error: `must be 1 to ${correlationIdMaxLength} characters long`,
        })
        .optional(),
    },
    { error: 'must be a JSON object' },
  )
  .superRefine(
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
  );

export type DatasetGroupRequest = z.infer<typeof datasetGroupRequestSchema>;
export type Tag = z.infer<typeof tagSchema>;
