import type { Schema } from 'avsc';
/*
 * avsc's types alone: the package's entry point also loads its containers
 * (node:zlib, fs streams), services and IDL parser, which every function
 * that validates a request would load at cold start for nothing.
 */
import avroTypes from 'avsc/lib/types.js';
import type { Domain } from '../dataset-group/constraints.ts';
import type { DatasetType } from './dataset-types.ts';
import {
  avroSchemaMaxLength,
  type RequiredField,
  requiredFieldsOf,
} from './schema-requirements.ts';

/** What checking a schema definition found. */
export interface SchemaDefinitionCheck {
  /**
   * The definition as CreateSchema's `schema` string: a string definition
   * as given, an object one as JSON.stringify makes it. Undefined when the
   * definition is neither.
   */
  serialized?: string;
  /** One sentence per broken rule; empty when the definition is fine. */
  issues: string[];
}

/**
 * CreateSchema's `schema` string of a definition: a string as given, an
 * object as JSON.stringify makes it.
 */
export const serializedDefinitionOf = (
  definition: string | Readonly<Record<string, unknown>>,
): string =>
  typeof definition === 'string' ? definition : JSON.stringify(definition);

interface AvroField {
  name: string;
  type: unknown;
  categorical?: unknown;
}

const typeNameOf = (type: unknown): string =>
  typeof type === 'string'
    ? type
    : Array.isArray(type)
      ? `union ${JSON.stringify(type)}`
      : typeof type === 'object' && type !== null && 'type' in type
        ? String((type as { type: unknown }).type)
        : JSON.stringify(type);

const requiredFieldIssue = (
  required: RequiredField,
  fields: readonly AvroField[],
  context: string,
): string | undefined => {
  const field = fields.find((candidate) => candidate.name === required.name);
  const wanted = `"${required.type}"${required.categorical ? ' with "categorical": true' : ''}`;
  if (field === undefined) {
    return `field ${required.name} is required for ${context} (type ${wanted})`;
  }
  if (field.type !== required.type) {
    return `field ${required.name} must have type ${wanted}, not ${typeNameOf(field.type)}`;
  }
  if (required.categorical === true && field.categorical !== true) {
    return `field ${required.name} must say "categorical": true for ${context}`;
  }
  return undefined;
};

/**
 * Checks an Avro schema definition for a dataset of `datasetType` in a
 * group of `domain` (undefined for a custom group) the way CreateSchema
 * and CreateDataset do: valid Avro (parsed by avsc), a record, at most
 * 20,000 characters serialized, and the type's and domain's required
 * fields with their types. Records must be named, as Avro says (avsc
 * would otherwise accept an anonymous one).
 */
export const checkSchemaDefinition = (
  definition: unknown,
  datasetType: DatasetType,
  domain: Domain | undefined,
): SchemaDefinitionCheck => {
  let parsed: unknown = definition;
  let serialized: string | undefined;
  if (typeof definition === 'string') {
    serialized = definition;
    try {
      parsed = JSON.parse(definition);
    } catch (error) {
      return {
        serialized,
        issues: [`is not JSON: ${(error as Error).message}`],
      };
    }
  } else if (
    typeof definition === 'object' &&
    definition !== null &&
    !Array.isArray(definition)
  ) {
    serialized = serializedDefinitionOf(definition as Record<string, unknown>);
  } else {
    return {
      issues: ['must be an Avro record schema (a JSON object or its string)'],
    };
  }
  const issues: string[] = [];
  if (serialized.length > avroSchemaMaxLength) {
    issues.push(
      `must be at most ${avroSchemaMaxLength} characters serialized (is ${serialized.length})`,
    );
  }
  try {
    // Avro names every record; avsc would make up a name for one without.
    avroTypes.Type.forSchema(parsed as Schema, { noAnonymousTypes: true });
  } catch (error) {
    issues.push(`is not a valid Avro schema: ${(error as Error).message}`);
    return { serialized, issues };
  }
  const record = parsed as { type?: unknown; fields?: unknown };
  if (record.type !== 'record') {
    issues.push(
      `must be an Avro record (type "record"), not ${typeNameOf(parsed)}`,
    );
    return { serialized, issues };
  }
  const fields = (record.fields ?? []) as AvroField[];
  const context =
    domain === undefined
      ? datasetType
      : `${datasetType} in a group of domain ${domain}`;
  for (const required of requiredFieldsOf(datasetType, domain)) {
    const issue = requiredFieldIssue(required, fields, context);
    if (issue !== undefined) issues.push(issue);
  }
  return { serialized, issues };
};
