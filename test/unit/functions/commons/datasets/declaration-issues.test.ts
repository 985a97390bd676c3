import { describe, expect, it } from 'vitest';
import { datasetDeclarationIssues } from '#commons/datasets/declaration-issues.ts';
import {
  actionsDefinition,
  interactionsDefinition,
  itemsDefinition,
  record,
  roleArn,
  schemaArn,
  usersDefinition,
} from './declaration-helpers.ts';

const custom = { groupName: 'acme', domain: undefined };
const ecommerce = { groupName: 'acme', domain: 'ECOMMERCE' as const };
const withDefinition = (datasetType: string, definition: unknown) => ({
  datasetType,
  schema: { definition },
});
const importJob = (jobName?: string) => ({
  dataLocation: 's3://acme-personalize-data/data.csv',
  roleArn,
  ...(jobName === undefined ? {} : { jobName }),
});

describe('datasetDeclarationIssues', () => {
  it('finds nothing in definitions that hold their types’ fields', () => {
    // Act
    const issues = datasetDeclarationIssues(
      [
        withDefinition('Interactions', interactionsDefinition),
        withDefinition('items', JSON.stringify(itemsDefinition)),
        withDefinition('USERS', usersDefinition),
        withDefinition('Actions', actionsDefinition),
      ],
      custom,
    );

    // Assess
    expect(issues).toEqual([]);
  });

  it.each<{ case: string; datasets: unknown[]; issues: unknown[] }>([
    {
      case: 'a required field missing',
      datasets: [
        withDefinition('Interactions', interactionsDefinition),
        withDefinition(
          'Items',
          record('Items', [{ name: 'CATEGORY', type: 'string' }]),
        ),
      ],
      issues: [
        {
          field: 'datasets[1].schema.definition',
          message:
            'Items dataset: field ITEM_ID is required for Items (type "string")',
        },
      ],
    },
    {
      case: 'a required field of another type',
      datasets: [
        withDefinition(
          'interactions',
          record('Interactions', [
            { name: 'USER_ID', type: 'string' },
            { name: 'ITEM_ID', type: 'string' },
            { name: 'TIMESTAMP', type: 'int' },
          ]),
        ),
      ],
      issues: [
        {
          field: 'datasets[0].schema.definition',
          message:
            'Interactions dataset: field TIMESTAMP must have type "long", not int',
        },
      ],
    },
    {
      case: 'a required field that may be null',
      datasets: [
        withDefinition(
          'Users',
          record('Users', [{ name: 'USER_ID', type: ['null', 'string'] }]),
        ),
      ],
      issues: [
        {
          field: 'datasets[0].schema.definition',
          message:
            'Users dataset: field USER_ID must have type "string", not union ["null","string"]',
        },
      ],
    },
    {
      case: 'an unknown Avro type',
      datasets: [
        withDefinition(
          'Users',
          record('Users', [
            { name: 'USER_ID', type: 'string' },
            { name: 'AGE', type: 'integer' },
          ]),
        ),
      ],
      issues: [
        {
          field: 'datasets[0].schema.definition',
          message:
            'Users dataset: is not a valid Avro schema: undefined type name: com.amazonaws.personalize.schema.integer',
        },
      ],
    },
    {
      case: 'a record without a name',
      datasets: [
        withDefinition('Actions', {
          type: 'record',
          fields: [{ name: 'ACTION_ID', type: 'string' }],
        }),
      ],
      issues: [
        {
          field: 'datasets[0].schema.definition',
          message: expect.stringMatching(
            /^Actions dataset: is not a valid Avro schema: missing name property/,
          ),
        },
      ],
    },
    {
      case: 'a definition that is not a record',
      datasets: [withDefinition('Items', { type: 'array', items: 'string' })],
      issues: [
        {
          field: 'datasets[0].schema.definition',
          message:
            'Items dataset: must be an Avro record (type "record"), not array',
        },
      ],
    },
    {
      case: 'a definition string that is not JSON',
      datasets: [withDefinition('Items', '{"type": "record",')],
      issues: [
        {
          field: 'datasets[0].schema.definition',
          message: expect.stringMatching(/^Items dataset: is not JSON: /),
        },
      ],
    },
    {
      case: 'a definition longer than 20,000 characters',
      datasets: [
        withDefinition('Items', {
          ...itemsDefinition,
          doc: 'd'.repeat(20_000),
        }),
      ],
      issues: [
        {
          field: 'datasets[0].schema.definition',
          message: expect.stringMatching(
            /^Items dataset: must be at most 20000 characters serialized \(is 2\d{4}\)$/,
          ),
        },
      ],
    },
    {
      case: 'two datasets sharing a schema name with different definitions',
      datasets: [
        {
          datasetType: 'Items',
          schema: { name: 'acme-shared', definition: itemsDefinition },
        },
        {
          datasetType: 'Users',
          schema: { name: 'acme-shared', definition: usersDefinition },
        },
      ],
      issues: [
        {
          field: 'datasets[1].schema.name',
          message:
            'Users dataset: schema name "acme-shared" is also the Items dataset\'s (datasets[0]) with another definition; schema names are account-wide, so give one of them another name',
        },
      ],
    },
    {
      case: 'a schema name that is another dataset’s default',
      datasets: [
        withDefinition('Items', itemsDefinition),
        {
          datasetType: 'Users',
          schema: { name: 'acme-items', definition: usersDefinition },
        },
      ],
      issues: [
        {
          field: 'datasets[1].schema.name',
          message: expect.stringMatching(
            /^Users dataset: schema name "acme-items" is also the Items dataset's \(datasets\[0\]\)/,
          ),
        },
      ],
    },
    {
      case: 'a default schema name that another dataset gave its schema',
      datasets: [
        {
          datasetType: 'Users',
          schema: { name: 'acme-items', definition: usersDefinition },
        },
        withDefinition('Items', itemsDefinition),
      ],
      issues: [
        {
          field: 'datasets[1].schema',
          message: expect.stringMatching(
            /^Items dataset: schema name "acme-items" is also the Users dataset's \(datasets\[0\]\)/,
          ),
        },
      ],
    },
    {
      case: 'two import jobs of the same name',
      datasets: [
        {
          ...withDefinition('Items', itemsDefinition),
          importJob: importJob('load'),
        },
        {
          ...withDefinition('Users', usersDefinition),
          importJob: importJob('load'),
        },
      ],
      issues: [
        {
          field: 'datasets[1].importJob.jobName',
          message:
            'Users dataset: import job name "load" is also the Items dataset\'s (datasets[0]); import job names are account-wide',
        },
      ],
    },
    {
      case: 'a job name that is another import’s default',
      datasets: [
        { ...withDefinition('Items', itemsDefinition), importJob: importJob() },
        {
          ...withDefinition('Users', usersDefinition),
          importJob: importJob('acme-items-import'),
        },
      ],
      issues: [
        {
          field: 'datasets[1].importJob.jobName',
          message: expect.stringMatching(
            /^Users dataset: import job name "acme-items-import" is also/,
          ),
        },
      ],
    },
  ])('names the dataset and the field for $case', ({ datasets, issues }) => {
    // Act
    const found = datasetDeclarationIssues(datasets, custom);

    // Assess
    expect(found).toEqual(issues);
  });

  it('lets two datasets share a schema name when the definition is the same', () => {
    // Prepare
    const shared = record('Shared', [
      { name: 'USER_ID', type: 'string' },
      { name: 'ITEM_ID', type: 'string' },
    ]);

    // Act
    const issues = datasetDeclarationIssues(
      [
        {
          datasetType: 'Items',
          schema: { name: 'acme-shared', definition: shared },
        },
        {
          datasetType: 'Users',
          schema: { name: 'acme-shared', definition: shared },
        },
      ],
      custom,
    );

    // Assess
    expect(issues).toEqual([]);
  });

  it.each([
    { given: 'Actions', type: 'Actions' },
    { given: 'action_interactions', type: 'Action_Interactions' },
  ])('refuses $given in a domain group', ({ given, type }) => {
    // Act
    const issues = datasetDeclarationIssues(
      [{ datasetType: given, schema: { schemaArn } }],
      ecommerce,
    );

    // Assess
    expect(issues).toEqual([
      {
        field: 'datasets[0].datasetType',
        message: `${type} dataset: a group of domain ECOMMERCE takes only Interactions, Items and Users datasets`,
      },
    ]);
  });

  it('checks the domain’s fields in a domain group', () => {
    // Act
    const issues = datasetDeclarationIssues(
      [
        withDefinition(
          'Interactions',
          record('Interactions', [
            { name: 'USER_ID', type: 'string' },
            { name: 'ITEM_ID', type: 'string' },
            { name: 'TIMESTAMP', type: 'long' },
          ]),
        ),
        withDefinition('Items', itemsDefinition),
      ],
      { groupName: 'acme', domain: 'VIDEO_ON_DEMAND' },
    );

    // Assess
    expect(issues).toEqual([
      {
        field: 'datasets[0].schema.definition',
        message:
          'Interactions dataset: field EVENT_TYPE is required for Interactions in a group of domain VIDEO_ON_DEMAND (type "string")',
      },
      {
        field: 'datasets[1].schema.definition',
        message:
          'Items dataset: field GENRES is required for Items in a group of domain VIDEO_ON_DEMAND (type "string" with "categorical": true)',
      },
    ]);
  });

  it.each<{ case: string; datasets: unknown }>([
    { case: 'datasets that are not an array', datasets: { Items: {} } },
    { case: 'a declaration that is not an object', datasets: [null, 'Items'] },
    {
      case: 'an unknown type (zod names it)',
      datasets: [withDefinition('Clicks', { type: 'record' })],
    },
    {
      case: 'a definition of the wrong JSON type (zod names it)',
      datasets: [withDefinition('Items', 42)],
    },
    {
      case: 'a schema with both forms (zod names it)',
      datasets: [
        { datasetType: 'Items', schema: { definition: 'x', schemaArn } },
      ],
    },
  ])('leaves $case to the field rules', ({ datasets }) => {
    // Act
    const issues = datasetDeclarationIssues(datasets, ecommerce);

    // Assess
    expect(issues).toEqual([]);
  });
});
