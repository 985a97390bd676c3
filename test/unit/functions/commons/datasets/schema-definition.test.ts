import { describe, expect, it } from 'vitest';
import {
  checkSchemaDefinition,
  serializedDefinitionOf,
} from '#commons/datasets/schema-definition.ts';
import { record } from './declaration-helpers.ts';

const items = record('Items', [
  { name: 'ITEM_ID', type: 'string' },
  { name: 'PRICE', type: 'float' },
  { name: 'CATEGORY_L1', type: 'string', categorical: true },
]);

describe('checkSchemaDefinition', () => {
  it('accepts an object and its string, serializing the object', () => {
    // Act
    const fromObject = checkSchemaDefinition(items, 'Items', 'ECOMMERCE');
    const fromString = checkSchemaDefinition(
      JSON.stringify(items, null, 2),
      'Items',
      'ECOMMERCE',
    );

    // Assess
    expect(fromObject).toEqual({
      serialized: JSON.stringify(items),
      issues: [],
    });
    expect(fromString).toEqual({
      serialized: JSON.stringify(items, null, 2),
      issues: [],
    });
  });

  it.each<{ case: string; definition: unknown; issue: RegExp }>([
    {
      case: 'a record without a name',
      definition: {
        type: 'record',
        fields: [{ name: 'ITEM_ID', type: 'string' }],
      },
      issue: /^is not a valid Avro schema: missing name property/,
    },
    {
      case: 'a field of an unknown type',
      definition: record('Items', [{ name: 'ITEM_ID', type: 'text' }]),
      issue: /^is not a valid Avro schema: undefined type name: .*text$/,
    },
    {
      case: 'a field name Avro does not allow',
      definition: record('Items', [{ name: 'ITEM ID', type: 'string' }]),
      issue: /^is not a valid Avro schema: invalid field name: ITEM ID$/,
    },
    {
      case: 'two fields of one name',
      definition: record('Items', [
        { name: 'ITEM_ID', type: 'string' },
        { name: 'ITEM_ID', type: 'string' },
      ]),
      issue: /^is not a valid Avro schema: duplicate field name/,
    },
    {
      case: 'a primitive type',
      definition: '"string"',
      issue: /^must be an Avro record \(type "record"\), not string$/,
    },
    {
      case: 'an enum',
      definition: { type: 'enum', name: 'Kind', symbols: ['A'] },
      issue: /^must be an Avro record \(type "record"\), not enum$/,
    },
    {
      case: 'a number',
      definition: 7,
      issue: /^must be an Avro record schema \(a JSON object or its string\)$/,
    },
    {
      case: 'a string that is not JSON',
      definition: 'record Items',
      issue: /^is not JSON: /,
    },
  ])('rejects $case', ({ definition, issue }) => {
    // Act
    const { issues } = checkSchemaDefinition(definition, 'Items', undefined);

    // Assess
    expect(issues).toEqual([expect.stringMatching(issue)]);
  });

  it('names each required field of the type and the domain that is wrong', () => {
    // Prepare
    const definition = record('Items', [
      { name: 'ITEM_ID', type: 'long' },
      { name: 'CATEGORY_L1', type: 'string' },
    ]);

    // Act
    const { issues } = checkSchemaDefinition(definition, 'Items', 'ECOMMERCE');

    // Assess
    expect(issues).toEqual([
      'field ITEM_ID must have type "string", not long',
      'field PRICE is required for Items in a group of domain ECOMMERCE (type "float")',
      'field CATEGORY_L1 must say "categorical": true for Items in a group of domain ECOMMERCE',
    ]);
  });

  it('counts the characters of the serialized definition', () => {
    // Prepare
    const definition = { ...items, doc: 'd'.repeat(20_000) };
    const length = JSON.stringify(definition).length;

    // Act
    const { issues } = checkSchemaDefinition(definition, 'Items', undefined);

    // Assess
    expect(issues).toEqual([
      `must be at most 20000 characters serialized (is ${length})`,
    ]);
  });
});

describe('serializedDefinitionOf', () => {
  it('keeps a string and stringifies an object', () => {
    // Act
    const serialized = [
      serializedDefinitionOf(' {} '),
      serializedDefinitionOf({ a: 1 }),
    ];

    // Assess
    expect(serialized).toEqual([' {} ', '{"a":1}']);
  });
});
