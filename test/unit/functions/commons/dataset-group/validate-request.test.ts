import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDatasetGroupRequest } from '#commons/dataset-group/validate-request.ts';
import { InvalidDatasetGroupRequestError } from '#commons/errors.ts';

const kmsKeyArn = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd';
const roleArn = 'arn:aws:iam::123456789012:role/personalize-kms';

/** `prefix` padded with `fill` to exactly `length` characters. */
const ofLength = (prefix: string, length: number, fill = 'x'): string =>
  prefix + fill.repeat(length - prefix.length);

const tag = (tagKey: string, tagValue = '') => ({ tagKey, tagValue });
const manyTags = (count: number) =>
  Array.from({ length: count }, (_, index) => tag(`key-${index}`, 'value'));

/** The error the validator throws, or a failed assertion. */
const rejectionOf = (input: unknown): InvalidDatasetGroupRequestError => {
  try {
    validateDatasetGroupRequest(input);
  } catch (error) {
    if (error instanceof InvalidDatasetGroupRequestError) return error;
    throw error;
  }
  throw new Error(`Expected ${JSON.stringify(input)} to be rejected`);
};

describe('validateDatasetGroupRequest', () => {
  it.each<{ case: string; request: Record<string, unknown> }>([
    { case: 'a 1-character name', request: { name: 'a' } },
    { case: 'a 63-character name', request: { name: ofLength('a', 63) } },
    { case: 'a name starting with a digit', request: { name: '0acme' } },
    { case: 'a name with - and _', request: { name: 'Acme-prod_2' } },
    { case: 'domain ECOMMERCE', request: { name: 'a', domain: 'ECOMMERCE' } },
    {
      case: 'domain VIDEO_ON_DEMAND',
      request: { name: 'a', domain: 'VIDEO_ON_DEMAND' },
    },
    {
      case: 'a KMS key with its role',
      request: { name: 'a', kmsKeyArn, roleArn },
    },
    {
      case: 'a 2048-character KMS key ARN',
      request: { name: 'a', kmsKeyArn: ofLength(kmsKeyArn, 2048), roleArn },
    },
    {
      case: 'a KMS key ARN in another partition',
      request: {
        name: 'a',
        kmsKeyArn: 'arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/k',
        roleArn: 'arn:aws-us-gov:iam::123456789012:role/r',
      },
    },
    {
      case: 'a 256-character role ARN',
      request: { name: 'a', kmsKeyArn, roleArn: ofLength(roleArn, 256) },
    },
    {
      case: 'a role ARN with a path and every allowed character',
      request: {
        name: 'a',
        kmsKeyArn,
        roleArn: 'arn:aws:iam::123456789012:role/service-role/a_Z0+=,.@-',
      },
    },
    { case: 'no tags', request: { name: 'a', tags: [] } },
    { case: '50 tags', request: { name: 'a', tags: manyTags(50) } },
    { case: 'a 1-character tag key', request: { name: 'a', tags: [tag('k')] } },
    {
      case: 'a 128-character tag key',
      request: { name: 'a', tags: [tag(ofLength('k', 128))] },
    },
    {
      case: 'an empty tag value',
      request: { name: 'a', tags: [tag('k', '')] },
    },
    {
      case: 'a 256-character tag value',
      request: { name: 'a', tags: [tag('k', ofLength('v', 256))] },
    },
    {
      case: 'tags in Unicode letters, digits and spaces',
      request: {
        name: 'a',
        tags: [tag('Équipe', 'données clients'), tag('チーム', '٣ نجوم')],
      },
    },
    {
      case: 'tags with every allowed punctuation',
      request: { name: 'a', tags: [tag('a_.:/=+-@', 'b_.:/=+-@')] },
    },
    {
      case: 'a tag key containing aws: after its start',
      request: { name: 'a', tags: [tag('my-aws:key'), tag('awsome')] },
    },
    {
      case: 'tag keys that differ only in case',
      request: { name: 'a', tags: [tag('team'), tag('Team')] },
    },
    {
      case: 'a 1-character correlationId',
      request: { name: 'a', correlationId: 'c' },
    },
    {
      case: 'a 256-character correlationId',
      request: { name: 'a', correlationId: ofLength('c', 256) },
    },
  ])('accepts $case', ({ request }) => {
    // Act
    const validated = validateDatasetGroupRequest(request);

    // Assess
    expect(validated).toEqual(request);
  });

  it.each<{ case: string; input: unknown; field: string; rule: RegExp }>([
    // name
    { case: 'a missing name', input: {}, field: 'name', rule: /is required/ },
    {
      case: 'a name that is not a string',
      input: { name: 42 },
      field: 'name',
      rule: /string/,
    },
    { case: 'an empty name', input: { name: '' }, field: 'name', rule: /63/ },
    {
      case: 'a 64-character name',
      input: { name: ofLength('a', 64) },
      field: 'name',
      rule: /63/,
    },
    {
      case: 'a name starting with -',
      input: { name: '-acme' },
      field: 'name',
      rule: /pattern/,
    },
    {
      case: 'a name starting with _',
      input: { name: '_acme' },
      field: 'name',
      rule: /pattern/,
    },
    {
      case: 'a name with a dot',
      input: { name: 'acme.prod' },
      field: 'name',
      rule: /pattern/,
    },
    {
      case: 'a name with a space',
      input: { name: 'acme prod' },
      field: 'name',
      rule: /pattern/,
    },
    {
      case: 'a name with a non-ASCII letter',
      input: { name: 'café' },
      field: 'name',
      rule: /pattern/,
    },
    {
      case: 'a name with a trailing newline',
      input: { name: 'acme\n' },
      field: 'name',
      rule: /pattern/,
    },
    {
      case: 'a name with a leading newline',
      input: { name: '\nacme' },
      field: 'name',
      rule: /pattern/,
    },
    // domain
    {
      case: 'an unknown domain',
      input: { name: 'a', domain: 'RETAIL' },
      field: 'domain',
      rule: /ECOMMERCE, VIDEO_ON_DEMAND/,
    },
    {
      case: 'a lower-case domain',
      input: { name: 'a', domain: 'ecommerce' },
      field: 'domain',
      rule: /ECOMMERCE, VIDEO_ON_DEMAND/,
    },
    // kmsKeyArn
    {
      case: 'a KMS key ARN of another service',
      input: { name: 'a', kmsKeyArn: 'arn:aws:s3:::bucket/key', roleArn },
      field: 'kmsKeyArn',
      rule: /pattern/,
    },
    {
      case: 'a KMS key ARN with an 11-digit account',
      input: {
        name: 'a',
        kmsKeyArn: 'arn:aws:kms:us-east-1:12345678901:key/k',
        roleArn,
      },
      field: 'kmsKeyArn',
      rule: /pattern/,
    },
    {
      case: 'a KMS key alias instead of a key',
      input: {
        name: 'a',
        kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:alias/k',
        roleArn,
      },
      field: 'kmsKeyArn',
      rule: /pattern/,
    },
    {
      case: 'a 2049-character KMS key ARN',
      input: { name: 'a', kmsKeyArn: ofLength(kmsKeyArn, 2049), roleArn },
      field: 'kmsKeyArn',
      rule: /2048/,
    },
    // roleArn
    {
      case: 'a user ARN instead of a role',
      input: {
        name: 'a',
        kmsKeyArn,
        roleArn: 'arn:aws:iam::123456789012:user/bob',
      },
      field: 'roleArn',
      rule: /pattern/,
    },
    {
      case: 'a role ARN with a region',
      input: {
        name: 'a',
        kmsKeyArn,
        roleArn: 'arn:aws:iam:us-east-1:123456789012:role/r',
      },
      field: 'roleArn',
      rule: /pattern/,
    },
    {
      case: 'a role ARN with a space',
      input: { name: 'a', kmsKeyArn, roleArn: `${roleArn} x` },
      field: 'roleArn',
      rule: /pattern/,
    },
    {
      case: 'a role ARN with a trailing newline',
      input: { name: 'a', kmsKeyArn, roleArn: `${roleArn}\n` },
      field: 'roleArn',
      rule: /pattern/,
    },
    {
      case: 'a 257-character role ARN',
      input: { name: 'a', kmsKeyArn, roleArn: ofLength(roleArn, 257) },
      field: 'roleArn',
      rule: /256/,
    },
    // kmsKeyArn and roleArn together
    {
      case: 'a KMS key without a role',
      input: { name: 'a', kmsKeyArn },
      field: 'roleArn',
      rule: /required when kmsKeyArn is given/,
    },
    {
      case: 'a role without a KMS key',
      input: { name: 'a', roleArn },
      field: 'roleArn',
      rule: /only allowed together with kmsKeyArn/,
    },
    // tags
    {
      case: 'a tag that is not an object',
      input: { name: 'a', tags: [null] },
      field: 'tags[0]',
      rule: /must be an object/,
    },
    {
      case: 'tags that are not an array',
      input: { name: 'a', tags: {} },
      field: 'tags',
      rule: /array/,
    },
    {
      case: '51 tags',
      input: { name: 'a', tags: manyTags(51) },
      field: 'tags',
      rule: /50/,
    },
    {
      case: 'an empty tag key',
      input: { name: 'a', tags: [tag('')] },
      field: 'tags[0].tagKey',
      rule: /128/,
    },
    {
      case: 'a 129-character tag key',
      input: { name: 'a', tags: [tag(ofLength('k', 129))] },
      field: 'tags[0].tagKey',
      rule: /128/,
    },
    {
      case: 'a 257-character tag value',
      input: { name: 'a', tags: [tag('k', ofLength('v', 257))] },
      field: 'tags[0].tagValue',
      rule: /256/,
    },
    {
      case: 'a tag key with #',
      input: { name: 'a', tags: [tag('a#b')] },
      field: 'tags[0].tagKey',
      rule: /may contain only/,
    },
    {
      case: 'a tag key with an emoji',
      input: { name: 'a', tags: [tag('🙂')] },
      field: 'tags[0].tagKey',
      rule: /may contain only/,
    },
    {
      case: 'a tag key with a newline',
      input: { name: 'a', tags: [tag('team\n')] },
      field: 'tags[0].tagKey',
      rule: /may contain only/,
    },
    {
      case: 'a tag value with a comma',
      input: { name: 'a', tags: [tag('k', 'a,b')] },
      field: 'tags[0].tagValue',
      rule: /may contain only/,
    },
    {
      case: 'a tag value with *',
      input: { name: 'a', tags: [tag('k', 'a*')] },
      field: 'tags[0].tagValue',
      rule: /may contain only/,
    },
    {
      case: 'a tag key starting with aws:',
      input: { name: 'a', tags: [tag('aws:team')] },
      field: 'tags[0].tagKey',
      rule: /reserved prefix "aws:"/,
    },
    {
      case: 'a tag key starting with AWS:',
      input: { name: 'a', tags: [tag('AWS:team')] },
      field: 'tags[0].tagKey',
      rule: /reserved prefix "aws:"/,
    },
    {
      case: 'a tag key starting with Aws:',
      input: { name: 'a', tags: [tag('Aws:team')] },
      field: 'tags[0].tagKey',
      rule: /reserved prefix "aws:"/,
    },
    {
      case: 'the tag key aws:',
      input: { name: 'a', tags: [tag('aws:')] },
      field: 'tags[0].tagKey',
      rule: /reserved prefix "aws:"/,
    },
    {
      case: 'a duplicate tag key',
      input: {
        name: 'a',
        tags: [tag('team', 'a'), tag('env'), tag('team', 'b')],
      },
      field: 'tags[2].tagKey',
      rule: /unique/,
    },
    {
      case: 'a tag without a value',
      input: { name: 'a', tags: [{ tagKey: 'team' }] },
      field: 'tags[0].tagValue',
      rule: /is required/,
    },
    {
      case: 'a tag without a key',
      input: { name: 'a', tags: [{ tagValue: 'ml' }] },
      field: 'tags[0].tagKey',
      rule: /is required/,
    },
    // unknown fields
    {
      case: 'an unknown top-level field',
      input: { name: 'a', owner: 'me' },
      field: 'owner',
      rule: /not a known field/,
    },
    {
      case: 'a top-level field named __proto__',
      input: JSON.parse('{"name":"a","__proto__":{"admin":true}}'),
      field: '__proto__',
      rule: /not a known field/,
    },
    {
      case: 'an unknown field inside a tag',
      input: { name: 'a', tags: [{ tagKey: 'k', tagValue: 'v', owner: 'me' }] },
      field: 'tags[0].owner',
      rule: /not a known field/,
    },
    // not an object
    { case: 'null', input: null, field: '(request)', rule: /JSON object/ },
    {
      case: 'undefined',
      input: undefined,
      field: '(request)',
      rule: /JSON object/,
    },
    {
      case: 'a string',
      input: 'acme',
      field: '(request)',
      rule: /JSON object/,
    },
    {
      case: 'an array',
      input: [{ name: 'a' }],
      field: '(request)',
      rule: /JSON object/,
    },
    { case: 'a number', input: 42, field: '(request)', rule: /JSON object/ },
    // correlationId
    {
      case: 'an empty correlationId',
      input: { name: 'a', correlationId: '' },
      field: 'correlationId',
      rule: /256/,
    },
    {
      case: 'a 257-character correlationId',
      input: { name: 'a', correlationId: ofLength('c', 257) },
      field: 'correlationId',
      rule: /256/,
    },
    {
      case: 'a numeric correlationId',
      input: { name: 'a', correlationId: 42 },
      field: 'correlationId',
      rule: /string/,
    },
  ])(
    'rejects $case, naming the field and the rule',
    ({ input, field, rule }) => {
      // Act
      const error = rejectionOf(input);

      // Assess
      expect(new Set(error.issues.map((issue) => issue.field))).toEqual(
        new Set([field]),
      );
      expect(error.issues.some((issue) => rule.test(issue.message))).toBe(true);
      expect(error.message).toContain(`${field}: `);
      expect(error.name).toBe('InvalidDatasetGroupRequestError');
    },
  );

  it('reports every broken field when several fields break a rule', () => {
    // Prepare
    const input = {
      name: '-acme',
      domain: 'RETAIL',
      tags: [tag('a#'), tag('aws:x')],
      owner: 'me',
    };

    // Act
    const error = rejectionOf(input);

    // Assess
    expect(error.issues.map((issue) => issue.field).sort()).toEqual([
      'domain',
      'name',
      'owner',
      'tags[0].tagKey',
      'tags[1].tagKey',
    ]);
  });

  it('reports the cross-field rules too when other fields break a format rule', () => {
    // Prepare
    const input = {
      name: '-acme',
      kmsKeyArn,
      tags: [tag('k'), tag('k')],
    };

    // Act
    const error = rejectionOf(input);

    // Assess
    expect(error.issues.map((issue) => issue.field).sort()).toEqual([
      'name',
      'roleArn',
      'tags[1].tagKey',
    ]);
  });

  it('reports the cross-field rules too when another field has the wrong type', () => {
    // Prepare
    const input = {
      name: 42,
      roleArn,
      tags: [tag('k'), { tagKey: 'k', tagValue: 7 }],
    };

    // Act
    const error = rejectionOf(input);

    // Assess
    expect(error.issues.map((issue) => issue.field).sort()).toEqual([
      'name',
      'roleArn',
      'tags[1].tagKey',
      'tags[1].tagValue',
    ]);
  });

  it('returns the request without adding fields when it is valid', () => {
    // Prepare
    const request = { name: 'acme', correlationId: 'c-1' };

    // Act
    const validated = validateDatasetGroupRequest(request);

    // Assess
    expect(Object.keys(validated)).toEqual(['name', 'correlationId']);
  });
});

describe('validateDatasetGroupRequest with datasets', () => {
  const samples = join(import.meta.dirname, '../../../../../samples');
  const withDatasets = (): {
    name: string;
    domain?: string;
    datasets: {
      datasetType: string;
      schema: { definition: { fields: { name: string; type: unknown }[] } };
    }[];
  } =>
    JSON.parse(
      readFileSync(
        join(samples, 'execution-inputs/with-datasets.json'),
        'utf8',
      ),
    );

  it('accepts the datasets the request declares', () => {
    // Prepare
    const request = withDatasets();

    // Act
    const validated = validateDatasetGroupRequest(request);

    // Assess
    expect(validated).toEqual(request);
  });

  it('rejects a broken Avro definition before anything is created, naming the dataset and the field', () => {
    // Prepare
    const request = withDatasets();
    const items = request.datasets[1];
    if (items === undefined) throw new Error('The sample has no Items');
    items.schema.definition.fields = items.schema.definition.fields.filter(
      ({ name }) => name !== 'ITEM_ID',
    );

    // Act
    const error = rejectionOf(request);

    // Assess
    expect(error.name).toBe('InvalidDatasetGroupRequestError');
    expect(error.issues).toEqual([
      {
        field: 'datasets[1].schema.definition',
        message:
          'Items dataset: field ITEM_ID is required for Items (type "string")',
      },
    ]);
  });

  it('checks the datasets against the group’s domain', () => {
    // Prepare
    const request = { ...withDatasets(), domain: 'VIDEO_ON_DEMAND' };

    // Act
    const error = rejectionOf(request);

    // Assess
    expect(
      error.issues.map(({ field, message }) => `${field}: ${message}`),
    ).toEqual([
      'datasets[1].schema.definition: Items dataset: field GENRES is required for Items in a group of domain VIDEO_ON_DEMAND (type "string" with "categorical": true)',
    ]);
  });

  it('reports the datasets’ rules beside the group’s', () => {
    // Prepare
    const request = {
      ...withDatasets(),
      name: '-acme',
      datasets: [
        ...withDatasets().datasets,
        { datasetType: 'users', schema: { schemaArn: 'x' } },
      ],
    };

    // Act
    const error = rejectionOf(request);

    // Assess
    expect(error.issues.map(({ field }) => field)).toEqual([
      'name',
      'datasets[3].schema.schemaArn',
      'datasets[3].datasetType',
    ]);
  });
});
