import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Domain, domains } from '#commons/dataset-group/constraints.ts';
import { validateDatasetGroupRequest } from '#commons/dataset-group/validate-request.ts';
import {
  type DatasetType,
  datasetTypes,
  datasetTypesOf,
} from '#commons/datasets/dataset-types.ts';
import {
  type RequiredField,
  requiredFieldsOf,
} from '#commons/datasets/schema-requirements.ts';
import { validateDatasetsRequest } from '#commons/datasets/validate-request.ts';
import {
  type FieldIssue,
  InvalidDatasetGroupRequestError,
  InvalidDatasetsRequestError,
} from '#commons/errors.ts';

/**
 * Properties of dataset declarations over generated Avro definitions:
 * every record that holds its type's (and domain's) required fields is
 * accepted, whatever else it holds; every definition with one thing broken
 * is rejected with an issue that names the dataset and the field, in the
 * group request and in the create-datasets input alike.
 */

type AvroField = Record<string, unknown> & { name: string; type: unknown };
type AvroRecord = Record<string, unknown> & {
  type: 'record';
  name?: string;
  fields: AvroField[];
};

const primitives = [
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'bytes',
  'string',
] as const;
const primitive = fc.constantFrom(...primitives);

const avroName = fc
  .tuple(
    fc.constantFrom(...'abcXYZ_'.split('')),
    fc.string({
      unit: fc.constantFrom(...'abcXYZ019_'.split('')),
      maxLength: 12,
    }),
  )
  .map(([first, rest]) => `${first}${rest}`);

/** Any Avro type a field may have that needs no name of its own. */
const extraType = fc.oneof(
  primitive,
  primitive.map((type) => ['null', type]),
  fc.constant({ type: 'long', logicalType: 'timestamp-millis' }),
  fc.constant({ type: 'int', logicalType: 'date' }),
  primitive.map((items) => ({ type: 'array', items })),
  primitive.map((values) => ({ type: 'map', values })),
);

const allRequiredNames = new Set(
  datasetTypes
    .flatMap((type) => [
      ...requiredFieldsOf(type, undefined),
      ...domains.flatMap((domain) => requiredFieldsOf(type, domain)),
    ])
    .map(({ name }) => name),
);

const extraField: fc.Arbitrary<AvroField> = fc
  .record({
    name: avroName.filter((name) => !allRequiredNames.has(name)),
    type: extraType,
    categorical: fc.boolean(),
    doc: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
  })
  .map(({ name, type, categorical, doc }) => ({
    name,
    type,
    ...(categorical && (type === 'string' || Array.isArray(type))
      ? { categorical: true }
      : {}),
    ...(doc === undefined ? {} : { doc }),
  }));

const requiredAvroField = (required: RequiredField): AvroField => ({
  name: required.name,
  type: required.type,
  ...(required.categorical ? { categorical: true } : {}),
});

/** A valid record for the type: required fields among random extras. */
const validRecord = (
  datasetType: DatasetType,
  domain: Domain | undefined,
): fc.Arbitrary<AvroRecord> =>
  fc
    .record({
      name: avroName,
      namespace: fc.option(fc.constant('com.amazonaws.personalize.schema'), {
        nil: undefined,
      }),
      extras: fc.uniqueArray(extraField, {
        selector: (field) => field.name,
        maxLength: 12,
      }),
    })
    .chain(({ name, namespace, extras }) =>
      fc
        .shuffledSubarray(
          [
            ...requiredFieldsOf(datasetType, domain).map(requiredAvroField),
            ...extras,
          ],
          {
            minLength:
              extras.length + requiredFieldsOf(datasetType, domain).length,
          },
        )
        .map((fields) => ({
          type: 'record' as const,
          name,
          ...(namespace === undefined ? {} : { namespace }),
          fields,
          version: '1.0',
        })),
    );

/** The type in a random mix of cases. */
const anyCase = (datasetType: DatasetType) =>
  fc
    .array(fc.boolean(), {
      minLength: datasetType.length,
      maxLength: datasetType.length,
    })
    .map((upper) =>
      [...datasetType]
        .map((character, index) =>
          upper[index] ? character.toUpperCase() : character.toLowerCase(),
        )
        .join(''),
    );

interface Group {
  domain: Domain | undefined;
  types: DatasetType[];
}

/** A domain (or none) and 1 to 5 distinct types that group takes. */
const groups: fc.Arbitrary<Group> = fc
  .option(fc.constantFrom(...domains), { nil: undefined })
  .chain((domain) =>
    fc
      .shuffledSubarray([...datasetTypesOf(domain)], { minLength: 1 })
      .map((types) => ({ domain, types })),
  );

interface Declared {
  datasetType: string;
  schema: { definition: AvroRecord | string };
}

const declarationsOf = ({ domain, types }: Group) =>
  fc.tuple(
    ...types.map((type) =>
      fc
        .record({
          datasetType: anyCase(type),
          definition: validRecord(type, domain),
          asString: fc.boolean(),
        })
        .map(
          ({ datasetType, definition, asString }): Declared => ({
            datasetType,
            schema: {
              definition: asString ? JSON.stringify(definition) : definition,
            },
          }),
        ),
    ),
  );

const requestOf = (domain: Domain | undefined, datasets: Declared[]) => ({
  name: 'acme-properties',
  ...(domain === undefined ? {} : { domain }),
  datasets,
});

const rejectionOf = (input: unknown): FieldIssue[] => {
  try {
    validateDatasetGroupRequest(input);
  } catch (error) {
    if (error instanceof InvalidDatasetGroupRequestError) return error.issues;
    throw error;
  }
  throw new Error(`Expected a rejection of ${JSON.stringify(input)}`);
};

/** What broke, and the issue it must cause. */
interface Breakage {
  what: string;
  break: (record: AvroRecord) => unknown;
  message: (datasetType: DatasetType) => RegExp;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One way to break a valid record of the type, with its expected issue. */
const breakages = (
  datasetType: DatasetType,
  domain: Domain | undefined,
): fc.Arbitrary<Breakage> => {
  const required = requiredFieldsOf(datasetType, domain);
  const withoutField = fc.constantFrom(...required).map(
    (field): Breakage => ({
      what: `${field.name} removed`,
      break: (record) => ({
        ...record,
        fields: record.fields.filter(({ name }) => name !== field.name),
      }),
      message: () =>
        new RegExp(`field ${field.name} is required for ${datasetType}`),
    }),
  );
  const retyped = fc.constantFrom(...required).chain((field) =>
    fc
      .oneof(
        fc.constantFrom(...primitives.filter((type) => type !== field.type)),
        fc.constant(['null', field.type]),
      )
      .map(
        (type): Breakage => ({
          what: `${field.name} of type ${JSON.stringify(type)}`,
          break: (record) => ({
            ...record,
            fields: record.fields.map((candidate) =>
              candidate.name === field.name
                ? { ...candidate, type }
                : candidate,
            ),
          }),
          message: () =>
            new RegExp(`field ${field.name} must have type "${field.type}"`),
        }),
      ),
  );
  const unknownType = fc
    .constantFrom('strng', 'integer', 'timestamp', 'varchar', 'Long')
    .map(
      (type): Breakage => ({
        what: `a field of type ${type}`,
        break: (record) => ({
          ...record,
          fields: [...record.fields, { name: 'BROKEN_FIELD', type }],
        }),
        message: () =>
          new RegExp(
            `is not a valid Avro schema: undefined type name: (.+\\.)?${type}$`,
          ),
      }),
    );
  const unnamed = fc.constant<Breakage>({
    what: 'no record name',
    break: ({ name: _, ...record }) => record,
    message: () => /is not a valid Avro schema: missing name property/,
  });
  const notARecord = fc
    .constantFrom<[unknown, string]>(
      // A JSON string: the text of the Avro schema "string".
      ['"string"', 'string'],
      [{ type: 'array', items: 'string' }, 'array'],
      [{ type: 'enum', name: 'Kind', symbols: ['A', 'B'] }, 'enum'],
      // As text: a JSON array is not a definition at all (a zod issue).
      ['["null", "string"]', 'union ["null","string"]'],
    )
    .map(
      ([definition, typeName]): Breakage => ({
        what: `a ${typeName} instead of a record`,
        break: () => definition,
        message: () =>
          new RegExp(
            `must be an Avro record \\(type "record"\\), not ${escaped(typeName)}$`,
          ),
      }),
    );
  const oversized = fc.integer({ min: 1, max: 500 }).map(
    (excess): Breakage => ({
      what: `${excess} characters too long`,
      break: (record) => {
        const base = JSON.stringify({ ...record, doc: '' }).length;
        return { ...record, doc: 'd'.repeat(20_000 - base + excess) };
      },
      message: () =>
        /must be at most 20000 characters serialized \(is 2\d{4}\)/,
    }),
  );
  const notCategorical = required.some((field) => field.categorical)
    ? [
        fc.constant<Breakage>({
          what: 'categorical dropped',
          break: (record) => ({
            ...record,
            fields: record.fields.map(({ categorical: _, ...field }) => field),
          }),
          message: () => /must say "categorical": true/,
        }),
      ]
    : [];
  return fc.oneof(
    withoutField,
    retyped,
    unknownType,
    unnamed,
    notARecord,
    oversized,
    ...notCategorical,
  );
};

describe('dataset declaration properties', () => {
  it('accepts every definition that holds its type’s required fields', () => {
    fc.assert(
      fc.property(
        groups.chain((group) =>
          declarationsOf(group).map((datasets) => ({ group, datasets })),
        ),
        ({ group, datasets }) => {
          const request = requestOf(group.domain, datasets);
          expect(validateDatasetGroupRequest(request)).toEqual(request);
          expect(
            validateDatasetsRequest({ name: request.name, datasets }),
          ).toEqual({ name: request.name, datasets });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('rejects every broken definition, naming the dataset and the field', () => {
    fc.assert(
      fc.property(
        groups
          .chain((group) =>
            fc.record({
              group: fc.constant(group),
              datasets: declarationsOf(group),
              index: fc.nat({ max: group.types.length - 1 }),
              asString: fc.boolean(),
            }),
          )
          .chain(({ group, datasets, index, asString }) => {
            const type = group.types[index] as DatasetType;
            return breakages(type, group.domain).map((breakage) => ({
              group,
              datasets,
              index,
              asString,
              type,
              breakage,
            }));
          }),
        ({ group, datasets, index, asString, type, breakage }) => {
          // Prepare
          const broken = structuredClone(datasets);
          const target = broken[index] as Declared;
          const valid = target.schema.definition;
          const record: AvroRecord =
            typeof valid === 'string' ? JSON.parse(valid) : valid;
          const definition = breakage.break(record);
          target.schema.definition = (
            asString && typeof definition !== 'string'
              ? JSON.stringify(definition)
              : definition
          ) as AvroRecord;

          // Act
          const issues = rejectionOf(requestOf(group.domain, broken));

          // Assess
          expect(issues.length).toBeGreaterThan(0);
          for (const issue of issues) {
            expect(issue.field).toBe(`datasets[${index}].schema.definition`);
            expect(issue.message.startsWith(`${type} dataset: `)).toBe(true);
          }
          expect(issues.map(({ message }) => message).join('\n')).toMatch(
            breakage.message(type),
          );
        },
      ),
      { numRuns: 600 },
    );
  });

  it('rejects the same broken definitions in the create-datasets input', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...datasetTypes).chain((type) =>
          fc.record({
            type: fc.constant(type),
            record: validRecord(type, undefined),
            breakage: breakages(type, undefined),
          }),
        ),
        ({ type, record, breakage }) => {
          const input = {
            name: 'acme',
            datasets: [
              {
                datasetType: type,
                schema: { definition: breakage.break(record) },
              },
            ],
          };
          let issues: FieldIssue[] = [];
          try {
            validateDatasetsRequest(input);
          } catch (error) {
            if (!(error instanceof InvalidDatasetsRequestError)) throw error;
            issues = error.issues;
          }
          expect(issues.length).toBeGreaterThan(0);
          expect(issues[0]?.field).toBe('datasets[0].schema.definition');
          expect(issues[0]?.message).toMatch(
            new RegExp(`^${type} dataset: .*`),
          );
          expect(issues.map(({ message }) => message).join('\n')).toMatch(
            breakage.message(type),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never crashes on any JSON as datasets and names a field in every rejection', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (datasets, declaration) => {
        for (const input of [
          { name: 'acme', datasets },
          { name: 'acme', datasets: [declaration] },
          {
            name: 'acme',
            datasets: [{ datasetType: 'Items', schema: declaration }],
          },
          {
            name: 'acme',
            datasets: [
              { datasetType: 'Items', schema: { definition: declaration } },
            ],
          },
        ]) {
          try {
            validateDatasetGroupRequest(input);
          } catch (error) {
            if (!(error instanceof InvalidDatasetGroupRequestError)) {
              throw error;
            }
            for (const issue of error.issues) {
              expect(issue.field).toMatch(/^datasets/);
              expect(issue.message).not.toBe('');
            }
          }
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
