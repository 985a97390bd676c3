import type * as z from 'zod/mini';
import type { Domain } from '../dataset-group/constraints.ts';
import { type FieldIssue, fieldNameOf } from '../errors.ts';
import {
  canonicalDatasetType,
  type DatasetType,
  datasetTypesOf,
} from './dataset-types.ts';
import { defaultImportJobName, defaultSchemaName } from './default-names.ts';
import {
  checkSchemaDefinition,
  serializedDefinitionOf,
} from './schema-definition.ts';

/** What the rules across a request's datasets read besides the datasets. */
export interface DeclarationContext {
  /** The group's name, for the default names; undefined when unknown. */
  groupName: string | undefined;
  /**
   * The group's domain; undefined for a custom group, or when the domain
   * is not known yet (then only the rules of every group are checked).
   */
  domain: Domain | undefined;
}

/** An issue at a path from the object that holds `datasets`. */
export interface DeclarationIssue {
  path: (string | number)[];
  message: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const listed = (types: readonly string[]): string =>
  types.length < 2
    ? types.join('')
    : `${types.slice(0, -1).join(', ')} and ${types.at(-1)}`;

/** A name used once account-wide: the first declaration that took it. */
interface NameOwner {
  index: number;
  datasetType: DatasetType;
  /** The schema's serialized definition (schema names only). */
  definition?: string;
}

/**
 * The rules across fields and datasets, which zod's per-field checks
 * cannot see: each Avro definition against its type (and the group's
 * domain), the domain's dataset types, and the names that are
 * account-wide (schemas, import jobs), given or default, used by one
 * declaration each (one schema may serve two datasets when its definition
 * is the same). Reads `datasets` defensively, since it runs even when
 * fields broke other rules; a declaration whose type is not known is left
 * to zod's issue about it. Every message starts with the dataset's type.
 */
export const datasetDeclarationIssuesAt = (
  datasets: unknown,
  { groupName, domain }: DeclarationContext,
): DeclarationIssue[] => {
  if (!Array.isArray(datasets)) return [];
  const issues: DeclarationIssue[] = [];
  const allowedTypes = datasetTypesOf(domain);
  const schemaNames = new Map<string, NameOwner>();
  const jobNames = new Map<string, NameOwner>();
  for (const [index, declaration] of datasets.entries()) {
    if (!isPlainObject(declaration)) continue;
    const given = declaration.datasetType;
    const datasetType =
      typeof given === 'string' ? canonicalDatasetType(given) : undefined;
    if (datasetType === undefined) continue;
    const at = (...path: (string | number)[]) => ['datasets', index, ...path];
    const add = (path: (string | number)[], message: string) =>
      issues.push({ path, message: `${datasetType} dataset: ${message}` });

    if (!allowedTypes.includes(datasetType)) {
      add(
        at('datasetType'),
        `a group of domain ${domain} takes only ${listed(allowedTypes)} datasets`,
      );
    }

    const schema = declaration.schema;
    const definition = isPlainObject(schema) ? schema.definition : undefined;
    if (
      isPlainObject(schema) &&
      schema.schemaArn === undefined &&
      (typeof definition === 'string' || isPlainObject(definition))
    ) {
      for (const issue of checkSchemaDefinition(definition, datasetType, domain)
        .issues) {
        add(at('schema', 'definition'), issue);
      }
      const serialized = serializedDefinitionOf(definition);
      const givenName =
        typeof schema.name === 'string' ? schema.name : undefined;
      const name =
        givenName ??
        (groupName === undefined
          ? undefined
          : defaultSchemaName(groupName, datasetType));
      const owner = name === undefined ? undefined : schemaNames.get(name);
      if (name !== undefined && owner === undefined) {
        schemaNames.set(name, { index, datasetType, definition: serialized });
      } else if (owner !== undefined && owner.definition !== serialized) {
        add(
          givenName === undefined ? at('schema') : at('schema', 'name'),
          `schema name "${name}" is also the ${owner.datasetType} dataset's (datasets[${owner.index}]) with another definition; schema names are account-wide, so give one of them another name`,
        );
      }
    }

    const importJob = declaration.importJob;
    if (isPlainObject(importJob)) {
      const givenName =
        typeof importJob.jobName === 'string' ? importJob.jobName : undefined;
      const name =
        givenName ??
        (groupName === undefined
          ? undefined
          : defaultImportJobName(groupName, datasetType));
      const owner = name === undefined ? undefined : jobNames.get(name);
      if (name !== undefined && owner === undefined) {
        jobNames.set(name, { index, datasetType });
      } else if (owner !== undefined) {
        add(
          givenName === undefined
            ? at('importJob')
            : at('importJob', 'jobName'),
          `import job name "${name}" is also the ${owner.datasetType} dataset's (datasets[${owner.index}]); import job names are account-wide`,
        );
      }
    }
  }
  return issues;
};

/**
 * datasetDeclarationIssuesAt's issues as `{field, message}`, e.g.
 * `datasets[1].schema.definition`: `Items dataset: field ITEM_ID is
 * required for Items (type "string")`.
 */
export const datasetDeclarationIssues = (
  datasets: unknown,
  context: DeclarationContext,
): FieldIssue[] =>
  datasetDeclarationIssuesAt(datasets, context).map(({ path, message }) => ({
    field: fieldNameOf(path),
    message,
  }));

/** Adds datasetDeclarationIssuesAt's issues to a zod refinement. */
export const refineDatasetDeclarations = (
  refinement: z.core.$RefinementCtx<unknown>,
  datasets: unknown,
  context: DeclarationContext,
): void => {
  for (const { path, message } of datasetDeclarationIssuesAt(
    datasets,
    context,
  )) {
    refinement.addIssue({ code: 'custom', path, message });
  }
};
