import { checkSchemaDefinition } from '#commons/datasets/schema-definition.ts';

/**
 * What CreateSchema checks of a definition: that it is JSON, valid Avro
 * (parsed by avsc) and a record. A schema has no dataset type, so the
 * required fields wait for CreateDataset. This is the Avro part of the
 * shared checkSchemaDefinition: it reports required fields, and only
 * those, as issues starting `field `, once the definition is a record;
 * the type given here is only there to call it.
 */
export const avroRecordIssues = (definition: string): string[] =>
  checkSchemaDefinition(definition, 'Items', undefined).issues.filter(
    (issue) => !issue.startsWith('field '),
  );
