import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  eventJsonSchemaFiles,
  eventSchemaDirectory,
  eventSchemaIdOf,
  renderJsonSchema,
  toEventJsonSchema,
} from '#commons/events/json-schema.ts';
import { eventContractList } from '#commons/events/registry.ts';
import {
  readCommittedJsonSchema,
  repositoryRoot,
} from './event-contract-helpers.ts';

const runGenerator = (...args: string[]) =>
  spawnSync(
    join(repositoryRoot, 'node_modules/.bin/node'),
    [join(repositoryRoot, 'scripts/generate-event-schemas.ts'), ...args],
    { cwd: repositoryRoot, encoding: 'utf8' },
  );

describe('eventJsonSchemaFiles', () => {
  it.each(eventJsonSchemaFiles())(
    'matches the committed $fileName when generated',
    ({ fileName, content }) => {
      // Act
      const committed = readFileSync(
        join(repositoryRoot, eventSchemaDirectory, fileName),
        'utf8',
      );

      // Assess
      expect(committed).toBe(content);
    },
  );

  it('generates the same text when run twice', () => {
    // Act
    const first = eventJsonSchemaFiles();
    const second = eventJsonSchemaFiles();

    // Assess
    expect(second).toEqual(first);
  });
});

describe('toEventJsonSchema', () => {
  it.each(eventContractList)(
    'identifies the $detailType schema by $id, title and description',
    (contract) => {
      // Act
      const schema = readCommittedJsonSchema(contract);

      // Assess
      expect(schema).toMatchObject({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: eventSchemaIdOf(contract),
        title: contract.detailType,
        type: 'object',
        additionalProperties: false,
      });
      expect(schema.description).toContain(contract.description);
      expect(schema.description).toContain(`version ${contract.version}`);
      expect(Object.keys(schema).slice(0, 4)).toEqual([
        '$schema',
        '$id',
        'title',
        'description',
      ]);
    },
  );

  it('gives every schema a distinct $id', () => {
    // Act
    const ids = eventContractList.map(eventSchemaIdOf);

    // Assess
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('states the KMS key and role dependency and the aws: prefix ban when zod refines them', () => {
    // Prepare
    const contract = eventContractList.find(
      (candidate) => candidate.detailType === 'Dataset Group Create Requested',
    );
    if (contract === undefined) throw new Error('No Create Requested contract');

    // Act
    const schema = toEventJsonSchema(contract);

    // Assess
    expect(schema).toMatchObject({
      dependentRequired: { kmsKeyArn: ['roleArn'], roleArn: ['kmsKeyArn'] },
      properties: {
        tags: {
          items: {
            properties: {
              tagKey: { not: { pattern: '^[aA][wW][sS]:' } },
            },
          },
        },
      },
    });
  });
});

describe('renderJsonSchema', () => {
  it('puts an array of scalars on one line when it fits in 80 columns', () => {
    // Act
    const text = renderJsonSchema({
      required: ['name', 'status'],
      type: 'object',
    });

    // Assess
    expect(text).toBe(
      '{\n  "required": ["name", "status"],\n  "type": "object"\n}\n',
    );
  });

  it('puts one item a line when the array does not fit in 80 columns', () => {
    // Prepare
    const items = ['a'.repeat(30), 'b'.repeat(30)];

    // Act
    const text = renderJsonSchema({ required: items, type: 'object' });

    // Assess
    expect(text).toBe(
      `{\n  "required": [\n    "${items[0]}",\n    "${items[1]}"\n  ],\n  "type": "object"\n}\n`,
    );
  });

  it('writes empty objects and arrays inline', () => {
    // Act
    const text = renderJsonSchema({ a: {}, b: [] });

    // Assess
    expect(text).toBe('{\n  "a": {},\n  "b": []\n}\n');
  });
});

describe('scripts/generate-event-schemas.ts', () => {
  it('exits 0 with --check when the committed files are current', () => {
    // Act
    const result = runGenerator('--check');

    // Assess
    expect(result.stdout).toContain(
      `${eventContractList.length} event schemas are up to date`,
    );
    expect(result.status).toBe(0);
  });

  it('exits 2 when given an unknown argument', () => {
    // Act
    const result = runGenerator('--chekc');

    // Assess
    expect(result.stdout).toContain('Unknown argument(s): --chekc');
    expect(result.status).toBe(2);
  });
});
