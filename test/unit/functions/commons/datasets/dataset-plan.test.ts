import { describe, expect, it } from 'vitest';
import {
  datasetPlanSchema,
  planDatasets,
} from '#commons/datasets/dataset-plan.ts';
import { validateDatasetsRequest } from '#commons/datasets/validate-request.ts';
import {
  interactionsDefinition,
  roleArn,
  sampleRequest,
  schemaArn,
} from './declaration-helpers.ts';

describe('planDatasets', () => {
  it('fills in the default names, the canonical type and FULL imports', () => {
    // Prepare
    const { name, datasets } = validateDatasetsRequest(
      sampleRequest('with-datasets-and-imports.json'),
    );

    // Act
    const plans = planDatasets(name, undefined, datasets);

    // Assess
    expect(
      plans.map(({ datasetType, datasetName, schema, importJob }) => ({
        datasetType,
        datasetName,
        schemaName: schema.kind === 'definition' ? schema.name : undefined,
        importJob,
      })),
    ).toEqual([
      {
        datasetType: 'Interactions',
        datasetName: 'acme-datasets-interactions',
        schemaName: 'acme-datasets-interactions',
        importJob: {
          jobName: 'acme-datasets-interactions-import',
          dataLocation: 's3://acme-personalize-data/interactions.csv',
          roleArn,
          importMode: 'FULL',
        },
      },
      {
        datasetType: 'Items',
        datasetName: 'acme-datasets-items',
        schemaName: 'acme-datasets-items',
        importJob: {
          jobName: 'acme-datasets-items-import',
          dataLocation: 's3://acme-personalize-data/items.csv',
          roleArn,
          importMode: 'FULL',
        },
      },
      {
        datasetType: 'Users',
        datasetName: 'acme-datasets-users',
        schemaName: 'acme-datasets-users',
        importJob: undefined,
      },
    ]);
    expect(plans[2]).not.toHaveProperty('importJob');
    expect(plans[0]).not.toHaveProperty('tags');
  });

  it('serializes an object definition and keeps a string one as given', () => {
    // Prepare
    const text = `  ${JSON.stringify(interactionsDefinition, null, 2)}\n`;

    // Act
    const [fromObject, fromString] = [interactionsDefinition, text].map(
      (definition) =>
        planDatasets('acme', undefined, [
          { datasetType: 'interactions', schema: { definition } },
        ])[0]?.schema,
    );

    // Assess
    expect(fromObject).toEqual({
      kind: 'definition',
      name: 'acme-interactions',
      definition: JSON.stringify(interactionsDefinition),
    });
    expect(fromString).toEqual({
      kind: 'definition',
      name: 'acme-interactions',
      definition: text,
    });
  });

  it('keeps the given names, tags, ARN and import mode', () => {
    // Act
    const [plan] = planDatasets('acme', 'ECOMMERCE', [
      {
        datasetType: 'USERS',
        schema: { schemaArn },
        name: 'people',
        tags: [{ tagKey: 'team', tagValue: 'ml' }],
        importJob: {
          dataLocation: 's3://acme/users.csv',
          roleArn,
          importMode: 'INCREMENTAL',
          jobName: 'people-2025-06',
        },
      },
    ]);

    // Assess
    expect(plan).toEqual({
      datasetType: 'Users',
      datasetName: 'people',
      schema: { kind: 'arn', schemaArn },
      tags: [{ tagKey: 'team', tagValue: 'ml' }],
      importJob: {
        jobName: 'people-2025-06',
        dataLocation: 's3://acme/users.csv',
        roleArn,
        importMode: 'INCREMENTAL',
      },
    });
  });

  it('passes a domain group’s domain on to the schemas it creates', () => {
    // Act
    const [plan] = planDatasets('shop', 'ECOMMERCE', [
      {
        datasetType: 'Items',
        schema: { name: 'shop-items-v2', definition: '{}' },
      },
    ]);

    // Assess
    expect(plan?.schema).toEqual({
      kind: 'definition',
      name: 'shop-items-v2',
      definition: '{}',
      domain: 'ECOMMERCE',
    });
  });

  it('makes plans that datasetPlanSchema accepts', () => {
    // Prepare
    const { name, datasets } = validateDatasetsRequest(
      sampleRequest('with-datasets-and-imports.json'),
    );

    // Act
    const plans = planDatasets(name, 'VIDEO_ON_DEMAND', datasets);

    // Assess
    for (const plan of plans) {
      expect(datasetPlanSchema.parse(plan)).toEqual(plan);
    }
  });

  it('throws a TypeError on a declaration that was not validated', () => {
    // Act
    const plan = () =>
      planDatasets('acme', undefined, [
        { datasetType: 'Clicks', schema: { schemaArn } },
      ]);

    // Assess
    expect(plan).toThrow(TypeError);
  });
});
