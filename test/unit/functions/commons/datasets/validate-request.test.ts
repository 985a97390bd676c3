import { describe, expect, it } from 'vitest';
import {
  validateDatasetsForGroup,
  validateDatasetsRequest,
} from '#commons/datasets/validate-request.ts';
import {
  FieldIssuesError,
  InvalidDatasetGroupRequestError,
  InvalidDatasetsRequestError,
} from '#commons/errors.ts';
import { actionsDefinition, sampleRequest } from './declaration-helpers.ts';

const datasetsInput = (
  file: 'with-datasets.json' | 'with-datasets-and-imports.json',
) => {
  const { name, datasets, correlationId } = sampleRequest(file);
  return { name, datasets, correlationId };
};

/** The error the validation throws, or a failed assertion. */
const rejectionOf = (validate: () => unknown): InvalidDatasetsRequestError => {
  try {
    validate();
  } catch (error) {
    if (error instanceof InvalidDatasetsRequestError) return error;
    throw error;
  }
  throw new Error('Expected a rejection');
};

describe('validateDatasetsRequest', () => {
  it.each(['with-datasets.json', 'with-datasets-and-imports.json'] as const)(
    'accepts the group name and datasets of %s',
    (file) => {
      // Prepare
      const input = datasetsInput(file);

      // Act
      const request = validateDatasetsRequest(input);

      // Assess
      expect(request).toEqual(input);
    },
  );

  it('accepts datasets only a custom group takes, since the domain is not known', () => {
    // Act
    const request = validateDatasetsRequest({
      name: 'acme',
      datasets: [
        { datasetType: 'Actions', schema: { definition: actionsDefinition } },
      ],
    });

    // Assess
    expect(request.datasets).toHaveLength(1);
  });

  it.each<{ case: string; input: unknown; issues: unknown[] }>([
    {
      case: 'an input that is not an object',
      input: [],
      issues: [
        {
          field: '(request)',
          message: 'must be a JSON object {name, datasets, correlationId?}',
        },
      ],
    },
    {
      case: 'no group name and no datasets',
      input: {},
      issues: [
        { field: 'name', message: 'is required' },
        { field: 'datasets', message: 'is required' },
      ],
    },
    {
      case: 'an unknown field',
      input: { ...datasetsInput('with-datasets.json'), domain: 'ECOMMERCE' },
      issues: [{ field: 'domain', message: 'is not a known field' }],
    },
    {
      case: 'an empty correlationId',
      input: { ...datasetsInput('with-datasets.json'), correlationId: '' },
      issues: [
        { field: 'correlationId', message: 'must be 1 to 256 characters long' },
      ],
    },
  ])('rejects $case', ({ input, issues }) => {
    // Act
    const error = rejectionOf(() => validateDatasetsRequest(input));

    // Assess
    expect(error.issues).toEqual(issues);
  });

  it('rejects a broken definition with an error naming the dataset and the field', () => {
    // Prepare
    const input = datasetsInput('with-datasets.json');
    const users = input.datasets[2] as {
      schema: { definition: { fields: { name: string }[] } };
    };
    users.schema.definition.fields.splice(0, 1);

    // Act
    const error = rejectionOf(() => validateDatasetsRequest(input));

    // Assess
    expect(error).toBeInstanceOf(FieldIssuesError);
    expect(error).not.toBeInstanceOf(InvalidDatasetGroupRequestError);
    expect(error.name).toBe('InvalidDatasetsRequestError');
    expect(error.issues).toEqual([
      {
        field: 'datasets[2].schema.definition',
        message:
          'Users dataset: field USER_ID is required for Users (type "string")',
      },
    ]);
    expect(error.message).toBe(
      'Invalid datasets request: datasets[2].schema.definition: Users dataset: field USER_ID is required for Users (type "string")',
    );
  });
});

describe('validateDatasetsForGroup', () => {
  it('returns the request for a custom group', () => {
    // Prepare
    const request = validateDatasetsRequest(
      datasetsInput('with-datasets.json'),
    );

    // Act
    const validated = validateDatasetsForGroup(request, undefined);

    // Assess
    expect(validated).toBe(request);
  });

  it('rejects what the group’s domain does not take', () => {
    // Prepare
    const request = validateDatasetsRequest({
      name: 'shop',
      datasets: [
        ...datasetsInput('with-datasets.json').datasets,
        { datasetType: 'actions', schema: { definition: actionsDefinition } },
      ],
    });

    // Act
    const error = rejectionOf(() =>
      validateDatasetsForGroup(request, 'ECOMMERCE'),
    );

    // Assess
    expect(error.issues).toEqual([
      {
        field: 'datasets[1].schema.definition',
        message:
          'Items dataset: field PRICE is required for Items in a group of domain ECOMMERCE (type "float")',
      },
      {
        field: 'datasets[1].schema.definition',
        message:
          'Items dataset: field CATEGORY_L1 is required for Items in a group of domain ECOMMERCE (type "string" with "categorical": true)',
      },
      {
        field: 'datasets[3].datasetType',
        message:
          'Actions dataset: a group of domain ECOMMERCE takes only Interactions, Items and Users datasets',
      },
    ]);
  });
});
