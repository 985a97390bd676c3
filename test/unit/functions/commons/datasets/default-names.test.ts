import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nameMaxLength,
  namePattern,
} from '#commons/dataset-group/constraints.ts';
import { datasetTypes } from '#commons/datasets/dataset-types.ts';
import {
  defaultDatasetName,
  defaultImportJobName,
  defaultSchemaName,
} from '#commons/datasets/default-names.ts';

const defaults = [defaultSchemaName, defaultDatasetName, defaultImportJobName];

const nameCharacters = fc.constantFrom(...'abcXYZ019-_'.split(''));
/** Group names the name rules allow, `min` to `max` characters long. */
const groupNamesOf = (min: number, max: number) =>
  fc
    .integer({ min, max })
    .chain((length) =>
      fc.tuple(
        fc.constantFrom(...'aZ0'.split('')),
        fc.string({
          unit: nameCharacters,
          minLength: length - 1,
          maxLength: length - 1,
        }),
      ),
    )
    .map(([first, rest]) => `${first}${rest}`);
/** Any length from 1 to 63. */
const groupNames = groupNamesOf(1, nameMaxLength);
/** Too long for some suffix: those defaults are cut and hashed. */
const longGroupNames = groupNamesOf(38, nameMaxLength);

describe('default names', () => {
  it.each<{ type: (typeof datasetTypes)[number]; schema: string; job: string }>(
    [
      {
        type: 'Interactions',
        schema: 'acme-interactions',
        job: 'acme-interactions-import',
      },
      { type: 'Items', schema: 'acme-items', job: 'acme-items-import' },
      { type: 'Users', schema: 'acme-users', job: 'acme-users-import' },
      { type: 'Actions', schema: 'acme-actions', job: 'acme-actions-import' },
      {
        type: 'Action_Interactions',
        schema: 'acme-action-interactions',
        job: 'acme-action-interactions-import',
      },
    ],
  )(
    'name the $type schema, dataset and import after the group',
    ({ type, schema, job }) => {
      // Act
      const names = [
        defaultSchemaName('acme', type),
        defaultDatasetName('acme', type),
        defaultImportJobName('acme', type),
      ];

      // Assess
      expect(names).toEqual([schema, schema, job]);
    },
  );

  it('keep a name of exactly 63 characters whole', () => {
    // Prepare: 57 + '-items' = 63.
    const group = 'g'.repeat(57);

    // Act
    const name = defaultSchemaName(group, 'Items');

    // Assess
    expect(name).toBe(`${group}-items`);
  });

  it('cut a longer group name and add 6 hex digits of its sha256', () => {
    // Prepare
    const group = `acme-${'x'.repeat(58)}`;
    const hash = createHash('sha256').update(group).digest('hex').slice(0, 6);

    // Act
    const name = defaultImportJobName(group, 'Action_Interactions');

    // Assess
    expect(name).toBe(
      `${group.slice(0, 29)}-${hash}-action-interactions-import`,
    );
    expect(name).toHaveLength(nameMaxLength);
  });

  it('keep the name rules and 63 characters for any group name', () => {
    fc.assert(
      fc.property(
        groupNames,
        fc.constantFrom(...datasetTypes),
        (group, type) => {
          const slug = type.toLowerCase().replaceAll('_', '-');
          for (const [name, suffix] of [
            [defaultSchemaName(group, type), slug],
            [defaultDatasetName(group, type), slug],
            [defaultImportJobName(group, type), `${slug}-import`],
          ] as const) {
            expect(name).toMatch(namePattern);
            expect(name.length).toBeLessThanOrEqual(nameMaxLength);
            expect(name.endsWith(`-${suffix}`)).toBe(true);
            const whole = `${group}-${suffix}`;
            if (whole.length <= nameMaxLength) expect(name).toBe(whole);
            else expect(name).toHaveLength(nameMaxLength);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('give distinct long group names distinct names', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(longGroupNames, { minLength: 2, maxLength: 2 }),
        fc.constantFrom(...datasetTypes),
        fc.constantFrom(...defaults),
        ([first, second], type, defaultName) => {
          if (first === undefined || second === undefined) return;
          expect(defaultName(first, type)).not.toBe(defaultName(second, type));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('give long group names that share their first 40 characters distinct names', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.string({
            unit: fc.constantFrom(...'ab-_'.split('')),
            minLength: 1,
            maxLength: nameMaxLength - 40,
          }),
          { minLength: 2, maxLength: 2 },
        ),
        fc.constantFrom(...datasetTypes),
        ([first, second], type) => {
          const prefix = `acme-${'p'.repeat(35)}`;
          const one = defaultSchemaName(`${prefix}${first}`, type);
          const other = defaultSchemaName(`${prefix}${second}`, type);
          expect(one).not.toBe(other);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('give the types of one group distinct names', () => {
    fc.assert(
      fc.property(groupNames, fc.constantFrom(...defaults), (group, name) => {
        const names = datasetTypes.map((type) => name(group, type));
        expect(new Set(names).size).toBe(datasetTypes.length);
      }),
      { numRuns: 500 },
    );
  });
});
