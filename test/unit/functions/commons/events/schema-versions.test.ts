import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajv2020 from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { eventSchemaDirectory } from '#commons/events/json-schema.ts';
import {
  eventContractList,
  eventContracts,
  kebabCaseOf,
} from '#commons/events/registry.ts';
import {
  getTestEvent,
  jsonSchemaAccepts,
  readCommittedJsonSchema,
  repositoryRoot,
  setAt,
  testEventPaths,
  zodAccepts,
} from './event-contract-helpers.ts';

/**
 * Versions side by side: a minor version only adds optional fields, so
 * what the previous version accepted the new one accepts, and a consumer
 * that validates strictly with the previous file sees what is new.
 */

const ajv = new ajv2020.default({ allErrors: true, strict: true });
ajvFormats.default(ajv);

const compiled = new Map<string, (detail: unknown) => boolean>();
/** The committed file's validator, compiled once. */
const validatorOf = (fileName: string) => {
  let validate = compiled.get(fileName);
  if (validate === undefined) {
    validate = ajv.compile<unknown>(readFile(fileName));
    compiled.set(fileName, validate);
  }
  return validate;
};

const directory = join(repositoryRoot, eventSchemaDirectory);
const committedFiles = readdirSync(directory).filter((file) =>
  file.endsWith('.json'),
);
const readFile = (fileName: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(directory, fileName), 'utf8'));

/** Every committed file of a detail-type other than its current one. */
const earlierFilesOf = (detailType: string, current: string): string[] =>
  committedFiles.filter(
    (file) =>
      file !== current &&
      file.startsWith(`${kebabCaseOf(detailType)}.v`) &&
      /^\.v\d+\.\d+\.\d+\.json$/.test(
        file.slice(kebabCaseOf(detailType).length),
      ),
  );

const versionPairs = eventContractList.flatMap((contract) =>
  earlierFilesOf(contract.detailType, contract.fileName).map((earlier) => ({
    detailType: contract.detailType,
    current: contract.fileName,
    earlier,
  })),
);

/**
 * The fields each 1.1.0 added: `datasets` to the details that embed the
 * create request; the cascade delete's fields to the deletion details.
 */
const addedFields: Readonly<Record<string, readonly string[]>> = {
  'Dataset Group Create Requested': ['datasets'],
  'Dataset Group Creation Started': ['datasets'],
  'Dataset Group Created': ['datasets'],
  'Dataset Group Delete Requested': ['cascade', 'deleteSchemas'],
  'Dataset Group Deletion Started': ['cascade', 'deleteSchemas', 'inventory'],
  'Dataset Group Deleted': [
    'cascade',
    'deleteSchemas',
    'deleted',
    'keptSchemas',
  ],
  'Dataset Group Deletion Failed': ['remaining'],
};
const addedTo = (detailType: string) => addedFields[detailType] ?? [];

/** A JSON Schema without the given fields wherever an object declares them. */
const withoutFields = (node: unknown, fields: readonly string[]): unknown => {
  if (Array.isArray(node))
    return node.map((item) => withoutFields(item, fields));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== '$id' && key !== 'description')
      .map(([key, child]) => {
        if (
          key !== 'properties' ||
          child === null ||
          typeof child !== 'object'
        ) {
          return [key, withoutFields(child, fields)];
        }
        const others = Object.fromEntries(
          Object.entries(child as Record<string, unknown>).filter(
            ([name]) => !fields.includes(name),
          ),
        );
        return [key, withoutFields(others, fields)];
      }),
  );
};

const fixtureDeclares = (detail: unknown, fields: readonly string[]): boolean =>
  fields.some((field) => JSON.stringify(detail).includes(`"${field}":`));

describe('event schema versions', () => {
  it('keeps the 1.0.0 file of every detail a 1.1.0 added fields to', () => {
    // Act
    const bumped = Object.keys(addedFields).map(
      (detailType) => eventContracts[detailType as keyof typeof eventContracts],
    );

    // Assess
    for (const contract of bumped) {
      expect(contract.version).toBe('1.1.0');
      expect(earlierFilesOf(contract.detailType, contract.fileName)).toEqual([
        `${kebabCaseOf(contract.detailType)}.v1.0.0.json`,
      ]);
    }
  });

  it.each(versionPairs)(
    '$current is $earlier plus its optional new fields',
    ({ detailType, current, earlier }) => {
      // Act
      const now = readFile(current);
      const before = readFile(earlier);
      const fields = addedTo(detailType);

      // Assess
      expect(withoutFields(now, fields)).toEqual(withoutFields(before, fields));
      for (const field of fields) {
        expect(JSON.stringify(now)).toContain(`"${field}"`);
        expect(JSON.stringify(before)).not.toContain(`"${field}"`);
      }
    },
  );

  it.each(
    testEventPaths().flatMap((path) => {
      const event = getTestEvent(path);
      const contract = eventContractList.find(
        (candidate) => candidate.detailType === event['detail-type'],
      );
      if (contract === undefined) return [];
      return earlierFilesOf(contract.detailType, contract.fileName).map(
        (earlier) => ({ path, earlier }),
      );
    }),
  )(
    '$earlier accepts $path exactly when it has none of the new fields',
    ({ path, earlier }) => {
      // Prepare
      const { detail } = getTestEvent(path);
      const validate = validatorOf(earlier);

      // Act
      const accepted = validate(detail);

      // Assess
      expect(accepted).toBe(
        !fixtureDeclares(detail, addedTo(getTestEvent(path)['detail-type'])),
      );
    },
  );
});

const withDatasets = {
  createRequested:
    'com.example.tenant-onboarding/dataset-group-create-requested-with-datasets.json',
  created:
    'personalize.dataset-groups/dataset-group-created-with-datasets.json',
} as const;

type Case = { case: string; path: (string | number)[]; value: unknown };

const verdicts = (fixture: string, mutation?: Case) => {
  const event = getTestEvent(fixture);
  if (mutation !== undefined)
    setAt(event.detail, mutation.path, mutation.value);
  const contract = eventContractList.find(
    (candidate) => candidate.detailType === event['detail-type'],
  );
  if (contract === undefined) throw new Error(`No contract for ${fixture}`);
  return {
    zod: zodAccepts(contract, event.detail),
    jsonSchema: jsonSchemaAccepts(contract, event.detail),
  };
};

describe('the datasets of version 1.1.0', () => {
  it('are in the JSON Schema of every detail that embeds the request', () => {
    // Act
    const schemas = [
      'Dataset Group Create Requested',
      'Dataset Group Creation Started',
      'Dataset Group Created',
    ].map((detailType) =>
      JSON.stringify(
        readCommittedJsonSchema(
          eventContracts[detailType as keyof typeof eventContracts],
        ),
      ),
    );

    // Assess
    for (const schema of schemas) {
      expect(schema).toContain('"datasets"');
    }
  });

  it.each<Case>([
    {
      case: 'a declaration with an unknown field',
      path: ['datasets', 0, 'owner'],
      value: 'data-team',
    },
    {
      case: 'an unknown dataset type',
      path: ['datasets', 0, 'datasetType'],
      value: 'Clicks',
    },
    {
      case: 'a schema with both a definition and an ARN',
      path: ['datasets', 0, 'schema', 'schemaArn'],
      value: 'arn:aws:personalize:us-east-1:123456789012:schema/acme',
    },
    {
      case: 'a schema ARN of another resource',
      path: ['datasets', 0, 'schema'],
      value: {
        schemaArn:
          'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
      },
    },
    {
      case: 'an import from HTTPS',
      path: ['datasets', 0, 'importJob', 'dataLocation'],
      value: 'https://example.com/interactions.csv',
    },
    {
      case: 'an unknown import mode',
      path: ['datasets', 0, 'importJob', 'importMode'],
      value: 'DELTA',
    },
    {
      case: 'no datasets',
      path: ['datasets'],
      value: [],
    },
  ])('are rejected by zod and the JSON Schema with $case', (mutation) => {
    // Act
    const result = verdicts(withDatasets.createRequested, mutation);

    // Assess
    expect(result).toEqual({ zod: false, jsonSchema: false });
  });

  it.each<Case>([
    {
      case: 'a second Interactions dataset in lower case',
      path: ['datasets', 1, 'datasetType'],
      value: 'interactions',
    },
    {
      case: 'a definition without a required field',
      path: ['datasets', 1, 'schema', 'definition', 'fields', 0, 'name'],
      value: 'ITEMID',
    },
    {
      case: 'an Avro definition with an unknown type',
      path: ['datasets', 2, 'schema', 'definition', 'fields', 1, 'type'],
      value: 'integer',
    },
    {
      case: 'a domain group with its domain fields missing',
      path: ['domain'],
      value: 'ECOMMERCE',
    },
  ])(
    'are rejected by zod only with $case, which JSON Schema cannot state',
    (mutation) => {
      // Act
      const result = verdicts(withDatasets.createRequested, mutation);

      // Assess
      expect(result).toEqual({ zod: false, jsonSchema: true });
    },
  );

  it('are checked in the request a Created event echoes', () => {
    // Act
    const result = verdicts(withDatasets.created, {
      case: 'a definition without a required field',
      path: ['request', 'datasets', 0, 'schema', 'definition', 'fields', 2],
      value: { name: 'TIMESTAMP', type: 'string' },
    });

    // Assess
    expect(result).toEqual({ zod: false, jsonSchema: true });
  });
});
