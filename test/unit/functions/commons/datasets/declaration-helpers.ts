import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod/mini';
import { toFieldIssues } from '#commons/dataset-group/validate-request.ts';
import type { FieldIssue } from '#commons/errors.ts';

const samplesDirectory = join(
  import.meta.dirname,
  '../../../../../samples/execution-inputs',
);

/** A fresh copy of a sample execution input, safe to mutate. */
export const sampleRequest = (
  file: 'with-datasets.json' | 'with-datasets-and-imports.json',
): Record<string, unknown> & { datasets: Record<string, unknown>[] } =>
  structuredClone(
    JSON.parse(readFileSync(join(samplesDirectory, file), 'utf8')),
  );

export const roleArn = 'arn:aws:iam::123456789012:role/PersonalizeS3Access';
export const schemaArn =
  'arn:aws:personalize:us-east-1:123456789012:schema/acme-interactions';

type AvroField = { name: string; type: unknown; categorical?: boolean };

/** A named Avro record of these fields. */
export const record = (name: string, fields: AvroField[]) => ({
  type: 'record',
  name,
  namespace: 'com.amazonaws.personalize.schema',
  fields,
  version: '1.0',
});

export const interactionsDefinition = record('Interactions', [
  { name: 'USER_ID', type: 'string' },
  { name: 'ITEM_ID', type: 'string' },
  { name: 'TIMESTAMP', type: 'long' },
  { name: 'EVENT_TYPE', type: 'string' },
]);
export const itemsDefinition = record('Items', [
  { name: 'ITEM_ID', type: 'string' },
  { name: 'CATEGORY', type: 'string', categorical: true },
]);
export const usersDefinition = record('Users', [
  { name: 'USER_ID', type: 'string' },
  { name: 'AGE', type: 'int' },
]);
export const actionsDefinition = record('Actions', [
  { name: 'ACTION_ID', type: 'string' },
]);

/** `{field, message}` of every issue `schema` finds in `input`; [] if none. */
export const issuesOf = (
  schema: z.ZodMiniType,
  input: unknown,
): FieldIssue[] => {
  const result = schema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error);
};
