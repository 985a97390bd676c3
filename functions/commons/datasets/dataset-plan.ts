import * as z from 'zod/mini';
import { type Domain, domains } from '../dataset-group/constraints.ts';
import {
  nameSchema,
  roleArnSchema,
  tagsSchema,
} from '../dataset-group/request-fields.ts';
import {
  dataLocationMaxLength,
  dataLocationPattern,
  defaultImportMode,
  importModes,
  personalizeArnMaxLength,
  schemaArnPattern,
} from './constraints.ts';
import { canonicalDatasetType, datasetTypes } from './dataset-types.ts';
import type { DatasetDeclaration } from './declaration-schema.ts';
import {
  defaultDatasetName,
  defaultImportJobName,
  defaultSchemaName,
} from './default-names.ts';
import { serializedDefinitionOf } from './schema-definition.ts';
import { avroSchemaMaxLength } from './schema-requirements.ts';

/**
 * What the create-datasets workflow does for one declared dataset, every
 * default filled in: the names, the canonical type, the definition as the
 * string CreateSchema takes, the import mode. One item of its Map.
 */
export const datasetPlanSchema = z.strictObject({
  datasetType: z.enum(datasetTypes),
  datasetName: nameSchema,
  schema: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('definition'),
      name: nameSchema,
      definition: z.string().check(z.maxLength(avroSchemaMaxLength)),
      /** The group's domain, which CreateSchema takes for its schemas. */
      domain: z.optional(z.enum(domains)),
    }),
    z.strictObject({
      kind: z.literal('arn'),
      schemaArn: z
        .string()
        .check(z.maxLength(personalizeArnMaxLength), z.regex(schemaArnPattern)),
    }),
  ]),
  tags: z.optional(tagsSchema),
  importJob: z.optional(
    z.strictObject({
      jobName: nameSchema,
      dataLocation: z
        .string()
        .check(
          z.maxLength(dataLocationMaxLength),
          z.regex(dataLocationPattern),
        ),
      roleArn: roleArnSchema,
      importMode: z.enum(importModes),
    }),
  ),
});

export type DatasetPlan = z.infer<typeof datasetPlanSchema>;

const planOf = (
  groupName: string,
  domain: Domain | undefined,
  declaration: DatasetDeclaration,
): DatasetPlan => {
  const datasetType = canonicalDatasetType(declaration.datasetType);
  if (datasetType === undefined) {
    throw new TypeError(
      `Unknown dataset type "${declaration.datasetType}": plan validated declarations only`,
    );
  }
  const { schema, tags, importJob } = declaration;
  return {
    datasetType,
    datasetName: declaration.name ?? defaultDatasetName(groupName, datasetType),
    schema:
      'schemaArn' in schema
        ? { kind: 'arn', schemaArn: schema.schemaArn }
        : {
            kind: 'definition',
            name: schema.name ?? defaultSchemaName(groupName, datasetType),
            definition: serializedDefinitionOf(schema.definition),
            ...(domain === undefined ? {} : { domain }),
          },
    ...(tags === undefined ? {} : { tags }),
    ...(importJob === undefined
      ? {}
      : {
          importJob: {
            jobName:
              importJob.jobName ?? defaultImportJobName(groupName, datasetType),
            dataLocation: importJob.dataLocation,
            roleArn: importJob.roleArn,
            importMode: importJob.importMode ?? defaultImportMode,
          },
        }),
  };
};

/**
 * One plan a declaration, in the request's order, for the group of that
 * name and domain. For validated declarations (validateDatasetsRequest,
 * validateDatasetsForGroup); it throws a TypeError on an unknown type.
 */
export const planDatasets = (
  groupName: string,
  domain: Domain | undefined,
  datasets: readonly DatasetDeclaration[],
): DatasetPlan[] =>
  datasets.map((declaration) => planOf(groupName, domain, declaration));
