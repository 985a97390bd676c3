import {
  type Domain,
  domains,
  nameMaxLength,
  namePattern,
} from '#commons/dataset-group/constraints.ts';
import { avroSchemaMaxLength } from '#commons/datasets/schema-requirements.ts';
import { avroRecordIssues } from './avro-record-check.ts';
import { invalidInput } from './emulator-error.ts';
import {
  checkEnum,
  checkString,
  type RequestBody,
  Violations,
} from './field-rules.ts';

export interface CreateSchemaInput {
  name: string;
  /** The Avro record schema, as the caller serialized it. */
  schema: string;
  domain?: Domain;
}

export const nameRule = {
  required: true,
  minLength: 1,
  maxLength: nameMaxLength,
  pattern: namePattern,
};

/** Validates a CreateSchema body: the model's members, then the Avro. */
export const parseCreateSchema = (body: RequestBody): CreateSchemaInput => {
  const violations = new Violations();
  const name = checkString(violations, 'name', body.name, nameRule);
  const schema = checkString(violations, 'schema', body.schema, {
    required: true,
    maxLength: avroSchemaMaxLength,
  });
  const domain = checkEnum(violations, 'domain', body.domain, domains);
  violations.throwIfAny();
  if (name === undefined || schema === undefined) {
    throw invalidInput('name and schema are required');
  }
  const issues = avroRecordIssues(schema);
  if (issues.length > 0) {
    throw invalidInput(issues.map((issue) => `The schema ${issue}`).join('; '));
  }
  return { name, schema, ...(domain !== undefined && { domain }) };
};
