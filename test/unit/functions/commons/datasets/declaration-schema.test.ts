import { describe, expect, it } from 'vitest';
import {
  datasetDeclarationSchema,
  datasetDeclarationsSchema,
} from '#commons/datasets/declaration-schema.ts';
import {
  interactionsDefinition,
  issuesOf,
  itemsDefinition,
  roleArn,
  schemaArn,
  usersDefinition,
} from './declaration-helpers.ts';

const interactions = {
  datasetType: 'Interactions',
  schema: { definition: interactionsDefinition },
};
const importJob = {
  dataLocation: 's3://acme-personalize-data/interactions.csv',
  roleArn,
};
const ofLength = (prefix: string, length: number, fill = 'x'): string =>
  prefix + fill.repeat(length - prefix.length);

const nameRule =
  'must start with a letter or digit and contain only letters, digits, "-" and "_" (pattern ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*$)';

describe('datasetDeclarationSchema', () => {
  it.each<{ case: string; declaration: Record<string, unknown> }>([
    { case: 'a definition as an object', declaration: interactions },
    {
      case: 'a definition as its string',
      declaration: {
        datasetType: 'Interactions',
        schema: { definition: JSON.stringify(interactionsDefinition) },
      },
    },
    {
      case: 'a definition with a schema name',
      declaration: {
        datasetType: 'Items',
        schema: { name: 'acme-items-v2', definition: itemsDefinition },
      },
    },
    {
      case: 'an existing schema by ARN',
      declaration: { datasetType: 'Interactions', schema: { schemaArn } },
    },
    {
      case: 'a type in any case',
      declaration: { ...interactions, datasetType: 'iNtErAcTiOnS' },
    },
    {
      case: 'Action_Interactions in lower case',
      declaration: { ...interactions, datasetType: 'action_interactions' },
    },
    {
      case: 'a 63-character dataset name',
      declaration: { ...interactions, name: ofLength('a', 63) },
    },
    {
      case: 'tags',
      declaration: {
        ...interactions,
        tags: [{ tagKey: 'team', tagValue: 'ml' }],
      },
    },
    { case: 'an import job', declaration: { ...interactions, importJob } },
    {
      case: 'an import job with every field',
      declaration: {
        ...interactions,
        importJob: {
          ...importJob,
          importMode: 'INCREMENTAL',
          jobName: 'acme-interactions-2025-06',
        },
      },
    },
    {
      case: 'a 256-character data location',
      declaration: {
        ...interactions,
        importJob: { ...importJob, dataLocation: ofLength('s3://b/', 256) },
      },
    },
  ])('accepts $case', ({ declaration }) => {
    // Act
    const issues = issuesOf(datasetDeclarationSchema, declaration);

    // Assess
    expect(issues).toEqual([]);
  });

  it.each<{ case: string; input: unknown; field: string; message: string }>([
    {
      case: 'a declaration that is not an object',
      input: 'Interactions',
      field: '(request)',
      message:
        'must be an object {datasetType, schema, name?, tags?, importJob?}',
    },
    {
      case: 'an unknown field',
      input: { ...interactions, owner: 'data-team' },
      field: 'owner',
      message: 'is not a known field',
    },
    {
      case: 'a missing type',
      input: { schema: interactions.schema },
      field: 'datasetType',
      message: 'is required',
    },
    {
      case: 'an unknown type',
      input: { ...interactions, datasetType: 'Clicks' },
      field: 'datasetType',
      message:
        'must be one of Interactions, Items, Users, Actions, Action_Interactions (in any case)',
    },
    {
      case: 'a type with a space',
      input: { ...interactions, datasetType: 'Action Interactions' },
      field: 'datasetType',
      message:
        'must be one of Interactions, Items, Users, Actions, Action_Interactions (in any case)',
    },
    {
      case: 'a missing schema',
      input: { datasetType: 'Items' },
      field: 'schema',
      message: 'is required',
    },
    {
      case: 'a schema that is not an object',
      input: { datasetType: 'Items', schema: 'acme-items' },
      field: 'schema',
      message:
        'must be an object: {definition, name?} (an Avro record schema) or {schemaArn} (an existing schema)',
    },
    {
      case: 'a schema with neither a definition nor an ARN',
      input: { datasetType: 'Items', schema: { name: 'acme-items' } },
      field: 'schema',
      message:
        'must hold definition (an Avro record schema, with an optional name) or schemaArn (an existing schema)',
    },
    {
      case: 'a schema with both a definition and an ARN',
      input: {
        datasetType: 'Items',
        schema: { definition: itemsDefinition, schemaArn },
      },
      field: 'schema',
      message: 'must hold definition or schemaArn, not both',
    },
    {
      case: 'a definition that is a number',
      input: { datasetType: 'Items', schema: { definition: 42 } },
      field: 'schema.definition',
      message: 'must be an Avro record schema (a JSON object or its string)',
    },
    {
      case: 'a definition that is an array',
      input: { datasetType: 'Items', schema: { definition: [] } },
      field: 'schema.definition',
      message: 'must be an Avro record schema (a JSON object or its string)',
    },
    {
      case: 'a schema name breaking the name rules',
      input: {
        datasetType: 'Items',
        schema: { name: 'acme items', definition: itemsDefinition },
      },
      field: 'schema.name',
      message: nameRule,
    },
    {
      case: 'a 64-character schema name',
      input: {
        datasetType: 'Items',
        schema: { name: ofLength('a', 64), definition: itemsDefinition },
      },
      field: 'schema.name',
      message: 'must be 1 to 63 characters long',
    },
    {
      case: 'an unknown field beside a definition',
      input: {
        datasetType: 'Items',
        schema: { definition: itemsDefinition, domain: 'ECOMMERCE' },
      },
      field: 'schema.domain',
      message: 'is not a known field',
    },
    {
      case: 'a schema name beside an ARN',
      input: {
        datasetType: 'Items',
        schema: { name: 'acme-items', schemaArn },
      },
      field: 'schema.name',
      message:
        'is only allowed with definition (schemaArn names an existing schema)',
    },
    {
      case: 'an unknown field beside an ARN',
      input: { datasetType: 'Items', schema: { schemaArn, version: 2 } },
      field: 'schema.version',
      message: 'is not a known field',
    },
    {
      case: 'a dataset-group ARN as the schema ARN',
      input: {
        datasetType: 'Items',
        schema: {
          schemaArn:
            'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
        },
      },
      field: 'schema.schemaArn',
      message:
        'must be a Personalize schema ARN (pattern ^arn:([a-z\\d-]+):personalize:[^:]*:[^:]*:schema/.+$)',
    },
    {
      case: 'a 257-character schema ARN',
      input: {
        datasetType: 'Items',
        schema: { schemaArn: ofLength(schemaArn, 257) },
      },
      field: 'schema.schemaArn',
      message: 'must be at most 256 characters long',
    },
    {
      case: 'a dataset name breaking the name rules',
      input: { ...interactions, name: '-interactions' },
      field: 'name',
      message: nameRule,
    },
    {
      case: 'a 64-character dataset name',
      input: { ...interactions, name: ofLength('a', 64) },
      field: 'name',
      message: 'must be 1 to 63 characters long',
    },
    {
      case: 'an aws: tag',
      input: { ...interactions, tags: [{ tagKey: 'aws:team', tagValue: '' }] },
      field: 'tags[0].tagKey',
      message: 'must not start with the reserved prefix "aws:"',
    },
    {
      case: 'a repeated tag key',
      input: {
        ...interactions,
        tags: [
          { tagKey: 'team', tagValue: 'a' },
          { tagKey: 'team', tagValue: 'b' },
        ],
      },
      field: 'tags[1].tagKey',
      message: 'must be unique; "team" appears more than once',
    },
    {
      case: '51 tags',
      input: {
        ...interactions,
        tags: Array.from({ length: 51 }, (_, index) => ({
          tagKey: `k${index}`,
          tagValue: '',
        })),
      },
      field: 'tags',
      message: 'must hold at most 50 tags',
    },
    {
      case: 'an import job that is not an object',
      input: { ...interactions, importJob: 's3://acme/interactions.csv' },
      field: 'importJob',
      message:
        'must be an object {dataLocation, roleArn, importMode?, jobName?}',
    },
    {
      case: 'an import job without a data location',
      input: { ...interactions, importJob: { roleArn } },
      field: 'importJob.dataLocation',
      message: 'is required',
    },
    {
      case: 'an import from HTTPS',
      input: {
        ...interactions,
        importJob: { ...importJob, dataLocation: 'https://acme.com/i.csv' },
      },
      field: 'importJob.dataLocation',
      message:
        'must be an S3 location s3://bucket/key (pattern ^s3://.+; at most 256 characters)',
    },
    {
      case: 'a data location of s3:// alone',
      input: {
        ...interactions,
        importJob: { ...importJob, dataLocation: 's3://' },
      },
      field: 'importJob.dataLocation',
      message:
        'must be an S3 location s3://bucket/key (pattern ^s3://.+; at most 256 characters)',
    },
    {
      case: 'a data location in capitals',
      input: {
        ...interactions,
        importJob: { ...importJob, dataLocation: 'S3://acme/i.csv' },
      },
      field: 'importJob.dataLocation',
      message:
        'must be an S3 location s3://bucket/key (pattern ^s3://.+; at most 256 characters)',
    },
    {
      case: 'a 257-character data location',
      input: {
        ...interactions,
        importJob: { ...importJob, dataLocation: ofLength('s3://b/', 257) },
      },
      field: 'importJob.dataLocation',
      message: 'must be at most 256 characters long',
    },
    {
      case: 'a data location that is not a string',
      input: {
        ...interactions,
        importJob: { ...importJob, dataLocation: { bucket: 'acme' } },
      },
      field: 'importJob.dataLocation',
      message: 'must be an S3 location s3://bucket/key',
    },
    {
      case: 'an import job without a role',
      input: {
        ...interactions,
        importJob: { dataLocation: importJob.dataLocation },
      },
      field: 'importJob.roleArn',
      message: 'is required',
    },
    {
      case: 'an import role that is a user',
      input: {
        ...interactions,
        importJob: {
          ...importJob,
          roleArn: 'arn:aws:iam::123456789012:user/bob',
        },
      },
      field: 'importJob.roleArn',
      message:
        'must be an IAM role ARN (pattern ^arn:([a-z\\d-]+):iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$)',
    },
    {
      case: 'an unknown import mode',
      input: { ...interactions, importJob: { ...importJob, importMode: 'x' } },
      field: 'importJob.importMode',
      message: 'must be one of FULL, INCREMENTAL',
    },
    {
      case: 'an import mode in lower case',
      input: {
        ...interactions,
        importJob: { ...importJob, importMode: 'full' },
      },
      field: 'importJob.importMode',
      message: 'must be one of FULL, INCREMENTAL',
    },
    {
      case: 'a job name breaking the name rules',
      input: {
        ...interactions,
        importJob: { ...importJob, jobName: 'import #1' },
      },
      field: 'importJob.jobName',
      message: nameRule,
    },
    {
      case: 'an unknown field in the import job',
      input: {
        ...interactions,
        importJob: { ...importJob, publishAttributionMetricsToS3: true },
      },
      field: 'importJob.publishAttributionMetricsToS3',
      message: 'is not a known field',
    },
  ])(
    'rejects $case, naming the field and the rule',
    ({ input, field, message }) => {
      // Act
      const issues = issuesOf(datasetDeclarationSchema, input);

      // Assess
      expect(issues).toEqual([{ field, message }]);
    },
  );
});

describe('datasetDeclarationsSchema', () => {
  const items = {
    datasetType: 'Items',
    schema: { definition: itemsDefinition },
  };
  const users = {
    datasetType: 'Users',
    schema: { definition: usersDefinition },
  };

  it('accepts one dataset of each of the five types', () => {
    // Prepare
    const all = [
      'Interactions',
      'Items',
      'Users',
      'Actions',
      'Action_Interactions',
    ].map((datasetType) => ({ datasetType, schema: { schemaArn } }));

    // Act
    const issues = issuesOf(datasetDeclarationsSchema, all);

    // Assess
    expect(issues).toEqual([]);
  });

  it.each<{ case: string; input: unknown; expected: unknown }>([
    {
      case: 'no datasets',
      input: [],
      expected: [
        {
          field: '(request)',
          message: 'must hold 1 to 5 datasets, at most one of each type',
        },
      ],
    },
    {
      case: 'six datasets',
      input: [interactions, items, users, items, users, items],
      expected: expect.arrayContaining([
        {
          field: '(request)',
          message: 'must hold 1 to 5 datasets, at most one of each type',
        },
      ]),
    },
    {
      case: 'datasets that are not an array',
      input: interactions,
      expected: [
        {
          field: '(request)',
          message: 'must be an array of dataset declarations',
        },
      ],
    },
    {
      case: 'a type declared twice in another case',
      input: [
        interactions,
        items,
        { ...interactions, datasetType: 'INTERACTIONS' },
      ],
      expected: [
        {
          field: '[2].datasetType',
          message:
            'must be unique without regard to case; Interactions is already declared by datasets[0]',
        },
      ],
    },
    {
      case: 'a type declared twice beside a broken declaration',
      input: [
        items,
        { datasetType: 'Users' },
        { ...items, datasetType: 'items' },
      ],
      expected: [
        { field: '[1].schema', message: 'is required' },
        {
          field: '[2].datasetType',
          message:
            'must be unique without regard to case; Items is already declared by datasets[0]',
        },
      ],
    },
  ])('rejects $case', ({ input, expected }) => {
    // Act
    const issues = issuesOf(datasetDeclarationsSchema, input);

    // Assess
    expect(issues).toEqual(expected);
  });
});
