import * as z from 'zod/mini';
import {
  nameSchema,
  requiredString,
  roleArnSchema,
  tagsSchema,
} from '../dataset-group/request-fields.ts';
import {
  dataLocationMaxLength,
  dataLocationPattern,
  datasetTypePattern,
  importModes,
  maxDatasetsPerRequest,
  personalizeArnMaxLength,
  schemaArnPattern,
} from './constraints.ts';
import { canonicalDatasetType, datasetTypes } from './dataset-types.ts';

/*
 * A dataset the request declares: its type, its schema (an Avro definition
 * to create, or an existing schema's ARN), and optionally its name, tags
 * and an import job. zod checks every rule of one field here; the rules
 * that read several fields or the group (required Avro fields, the
 * domain's types, default names) are datasetDeclarationIssues', run by
 * the requests that embed declarations.
 */

/** An Avro record schema, as CreateSchema takes it or as a JSON object. */
export const avroDefinitionSchema = z.union(
  [z.string(), z.record(z.string(), z.unknown())],
  { error: 'must be an Avro record schema (a JSON object or its string)' },
);

/** `{definition, name?}`: a schema to create (or adopt, if identical). */
export const definitionSchemaReferenceSchema = z.strictObject({
  name: z.optional(nameSchema),
  definition: avroDefinitionSchema,
});

/** `{schemaArn}`: an existing schema. */
export const arnSchemaReferenceSchema = z.strictObject({
  schemaArn: requiredString().check(
    z.maxLength(personalizeArnMaxLength, {
      error: `must be at most ${personalizeArnMaxLength} characters long`,
    }),
    z.regex(schemaArnPattern, {
      error:
        'must be a Personalize schema ARN (pattern ^arn:([a-z\\d-]+):personalize:[^:]*:[^:]*:schema/.+$)',
    }),
  ),
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Issues = readonly z.core.$ZodIssue[];

/** The issues of one branch, as custom issues under the current path. */
const reportAll = (
  issues: Issues,
  context: z.core.$RefinementCtx<unknown>,
): void => {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        context.addIssue({
          code: 'custom',
          path: [...issue.path, key],
          message: 'is not a known field',
        });
      }
    } else {
      context.addIssue({
        code: 'custom',
        path: [...issue.path],
        message: issue.message,
      });
    }
  }
};

/**
 * Picks the form by the fields given and reports that form's issues only:
 * a union would report both forms' issues, or none of them.
 */
const checkSchemaReference = (
  value: unknown,
  context: z.core.$RefinementCtx<unknown>,
): void => {
  if (!isPlainObject(value)) {
    context.addIssue({
      code: 'custom',
      message:
        value === undefined
          ? 'is required'
          : 'must be an object: {definition, name?} (an Avro record schema) or {schemaArn} (an existing schema)',
    });
    return;
  }
  const definitionGiven = value.definition !== undefined;
  const arnGiven = value.schemaArn !== undefined;
  if (definitionGiven === arnGiven) {
    context.addIssue({
      code: 'custom',
      message: definitionGiven
        ? 'must hold definition or schemaArn, not both'
        : 'must hold definition (an Avro record schema, with an optional name) or schemaArn (an existing schema)',
    });
    return;
  }
  if (definitionGiven) {
    const result = definitionSchemaReferenceSchema.safeParse(value);
    if (!result.success) reportAll(result.error.issues, context);
    return;
  }
  const { name, ...reference } = value;
  if (name !== undefined) {
    context.addIssue({
      code: 'custom',
      path: ['name'],
      message:
        'is only allowed with definition (schemaArn names an existing schema)',
    });
  }
  const result = arnSchemaReferenceSchema.safeParse(reference);
  if (!result.success) reportAll(result.error.issues, context);
};

/**
 * `{definition, name?}` or `{schemaArn}`. The check picks the form; the
 * union after it is what the types and the JSON Schema (anyOf) say.
 */
export const schemaReferenceSchema = z.pipe(
  z.unknown().check(z.superRefine(checkSchemaReference)),
  z.union([definitionSchemaReferenceSchema, arnSchemaReferenceSchema]),
);

const dataLocationRule = `must be an S3 location s3://bucket/key (pattern ^s3://.+; at most ${dataLocationMaxLength} characters)`;

/** An import of the dataset's data, as CreateDatasetImportJob takes it. */
export const importJobDeclarationSchema = z.strictObject(
  {
    dataLocation: requiredString('an S3 location s3://bucket/key').check(
      z.maxLength(dataLocationMaxLength, {
        error: `must be at most ${dataLocationMaxLength} characters long`,
      }),
      z.regex(dataLocationPattern, { error: dataLocationRule }),
    ),
    roleArn: roleArnSchema,
    importMode: z.optional(
      z.enum(importModes, {
        error: `must be one of ${importModes.join(', ')}`,
      }),
    ),
    jobName: z.optional(nameSchema),
  },
  { error: 'must be an object {dataLocation, roleArn, importMode?, jobName?}' },
);

/** One dataset of the request. */
export const datasetDeclarationSchema = z.strictObject(
  {
    datasetType: requiredString().check(
      z.regex(datasetTypePattern, {
        error: `must be one of ${datasetTypes.join(', ')} (in any case)`,
      }),
    ),
    schema: schemaReferenceSchema,
    name: z.optional(nameSchema),
    tags: z.optional(tagsSchema),
    importJob: z.optional(importJobDeclarationSchema),
  },
  {
    error: 'must be an object {datasetType, schema, name?, tags?, importJob?}',
  },
);

const datasetCount = `must hold 1 to ${maxDatasetsPerRequest} datasets, at most one of each type`;

/**
 * The request's datasets: 1 to 5, one of each type at most (types match
 * without regard to case, as the service matches them). The uniqueness
 * check runs even when a declaration broke another rule (`when`).
 */
export const datasetDeclarationsSchema = z
  .array(datasetDeclarationSchema, {
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : 'must be an array of dataset declarations',
  })
  .check(
    z.minLength(1, { error: datasetCount }),
    z.maxLength(maxDatasetsPerRequest, { error: datasetCount }),
    z.superRefine(
      (declarations, context) => {
        const firstOfType = new Map<string, number>();
        for (const [index, declaration] of (
          declarations as unknown[]
        ).entries()) {
          const given = (declaration as { datasetType?: unknown } | null)
            ?.datasetType;
          const type =
            typeof given === 'string' ? canonicalDatasetType(given) : undefined;
          if (type === undefined) continue;
          const first = firstOfType.get(type);
          if (first === undefined) {
            firstOfType.set(type, index);
            continue;
          }
          context.addIssue({
            code: 'custom',
            path: [index, 'datasetType'],
            message: `must be unique without regard to case; ${type} is already declared by datasets[${first}]`,
          });
        }
      },
      { when: ({ value }) => Array.isArray(value) },
    ),
  );

export type AvroDefinition = z.infer<typeof avroDefinitionSchema>;
export type SchemaReference = z.infer<typeof schemaReferenceSchema>;
export type ImportJobDeclaration = z.infer<typeof importJobDeclarationSchema>;
export type DatasetDeclaration = z.infer<typeof datasetDeclarationSchema>;
