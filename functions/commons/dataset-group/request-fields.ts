import * as z from 'zod/mini';
import {
  correlationIdMaxLength,
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

/*
 * The fields a dataset-group request shares with its dataset declarations
 * (functions/commons/datasets/): one schema a rule, so the group, its
 * datasets and their import jobs cannot disagree on it. Kept apart from
 * request-schema.ts, which embeds the declarations, so neither module
 * imports the other.
 */

/** A string, `is required` when absent, `must be <what>` otherwise. */
export const requiredString = (what = 'a string') =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? 'is required' : `must be ${what}`,
  });

const nameLength = `must be 1 to ${nameMaxLength} characters long`;

/** A Personalize `Name`: groups, schemas, datasets and import jobs. */
export const nameSchema = requiredString().check(
  z.minLength(1, { error: nameLength }),
  z.maxLength(nameMaxLength, { error: nameLength }),
  z.regex(namePattern, {
    error:
      'must start with a letter or digit and contain only letters, digits, "-" and "_" (pattern ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*$)',
  }),
);

/** An IAM role ARN, as CreateDatasetGroup and CreateDatasetImportJob take. */
export const roleArnSchema = requiredString().check(
  z.maxLength(roleArnMaxLength, {
    error: `must be at most ${roleArnMaxLength} characters long`,
  }),
  z.regex(roleArnPattern, {
    error:
      'must be an IAM role ARN (pattern ^arn:([a-z\\d-]+):iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$)',
  }),
);

const correlationIdLength = `must be 1 to ${correlationIdMaxLength} characters long`;

/** The requester's id for a run, echoed in every event of it. */
export const correlationIdSchema = requiredString().check(
  z.minLength(1, { error: correlationIdLength }),
  z.maxLength(correlationIdMaxLength, { error: correlationIdLength }),
);

const tagCharacters =
  'may contain only Unicode letters, digits, white space and _ . : / = + - @';

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
 * A resource's tags: at most maxTagsPerResource, keys unique (case
 * matters, as it does to the service). The uniqueness check runs even when
 * a tag broke another rule (`when`), so every problem is reported at once.
 */
export const tagsSchema = z
  .array(tagSchema, { error: 'must be an array of {tagKey, tagValue}' })
  .check(
    z.maxLength(maxTagsPerResource, {
      error: `must hold at most ${maxTagsPerResource} tags`,
    }),
    z.superRefine(
      (tags, context) => {
        const seen = new Set<string>();
        for (const [index, tag] of (tags as unknown[]).entries()) {
          const tagKey = (tag as { tagKey?: unknown } | null)?.tagKey;
          if (typeof tagKey !== 'string') continue;
          if (seen.has(tagKey)) {
            context.addIssue({
              code: 'custom',
              path: [index, 'tagKey'],
              message: `must be unique; "${tagKey}" appears more than once`,
            });
          }
          seen.add(tagKey);
        }
      },
      { when: ({ value }) => Array.isArray(value) },
    ),
  );

export type Tag = z.infer<typeof tagSchema>;
