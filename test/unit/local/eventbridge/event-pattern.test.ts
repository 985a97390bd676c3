import { describe, expect, it } from 'vitest';
import {
  assertValidEventPattern,
  InvalidEventPatternError,
  matchesEventPattern,
} from '#local/eventbridge/index.ts';

const event = {
  version: '0',
  id: '5f0c6a0e-2b1f-4c59-9d1e-0c7d3f1b9a42',
  'detail-type': 'Dataset Group Create Requested',
  source: 'com.example.tenant-onboarding',
  account: '123456789012',
  time: '2025-06-02T10:03:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:states:us-east-1:123456789012:execution:x:y'],
  detail: {
    name: 'acme-prod',
    domain: 'ECOMMERCE',
    attempt: 3,
    dryRun: false,
    note: null,
    tags: [
      { tagKey: 'tenant', tagValue: 'acme' },
      { tagKey: 'env', tagValue: 'prod' },
    ],
    labels: ['blue', 'green'],
    owner: { team: 'ml', email: 'ml@example.com' },
  },
};

describe('matchesEventPattern', () => {
  it.each([
    ['an exact source', { source: ['com.example.tenant-onboarding'] }],
    [
      'one of several sources',
      { source: ['other', 'com.example.tenant-onboarding'] },
    ],
    [
      'source and detail-type together',
      {
        source: ['com.example.tenant-onboarding'],
        'detail-type': ['Dataset Group Create Requested'],
      },
    ],
    ['a nested detail field', { detail: { domain: ['ECOMMERCE'] } }],
    ['a deeper nested field', { detail: { owner: { team: ['ml'] } } }],
    ['a number', { detail: { attempt: [3] } }],
    ['a boolean', { detail: { dryRun: [false] } }],
    ['null', { detail: { note: [null] } }],
    ['any element of an array field', { detail: { labels: ['green'] } }],
    [
      'an element of the resources array',
      { resources: [{ prefix: 'arn:aws:states:' }] },
    ],
    ['a prefix', { source: [{ prefix: 'com.example.' }] }],
    [
      'a prefix ignoring case',
      { source: [{ prefix: { 'equals-ignore-case': 'COM.EXAMPLE' } }] },
    ],
    ['a suffix', { source: [{ suffix: '-onboarding' }] }],
    [
      'equals-ignore-case',
      { detail: { domain: [{ 'equals-ignore-case': 'ecommerce' }] } },
    ],
    ['a wildcard', { source: [{ wildcard: 'com.*.tenant-*' }] }],
    [
      'anything-but a value',
      { detail: { domain: [{ 'anything-but': 'VIDEO_ON_DEMAND' }] } },
    ],
    ['anything-but a list', { source: [{ 'anything-but': ['a', 'b'] }] }],
    [
      'anything-but a prefix',
      { source: [{ 'anything-but': { prefix: 'aws.' } }] },
    ],
    [
      'anything-but a suffix',
      { source: [{ 'anything-but': { suffix: '.test' } }] },
    ],
    [
      'anything-but ignoring case',
      {
        detail: {
          domain: [
            { 'anything-but': { 'equals-ignore-case': ['video_on_demand'] } },
          ],
        },
      },
    ],
    ['exists: true on a leaf', { detail: { name: [{ exists: true }] } }],
    [
      'exists: false on an absent field',
      { detail: { kmsKeyArn: [{ exists: false }] } },
    ],
    [
      'exists: false under an absent object',
      { detail: { missing: { deep: [{ exists: false }] } } },
    ],
    [
      'a numeric range',
      { detail: { attempt: [{ numeric: ['>', 0, '<=', 3] }] } },
    ],
    ['numeric equality', { detail: { attempt: [{ numeric: ['=', 3] }] } }],
    [
      'a field of an element of an array of objects',
      { detail: { tags: { tagKey: ['env'] } } },
    ],
    [
      '$or when one branch matches',
      { $or: [{ source: ['nope'] }, { detail: { domain: ['ECOMMERCE'] } }] },
    ],
    ['one matcher of several', { source: ['nope', { prefix: 'com.' }] }],
  ])('matches %s', (_, pattern) => {
    // Prepare
    assertValidEventPattern(pattern);

    // Act
    const matched = matchesEventPattern(pattern, event);

    // Assess
    expect(matched).toBe(true);
  });

  it.each([
    ['another source', { source: ['personalize.dataset-groups'] }],
    [
      'a matching source with another detail-type',
      {
        source: ['com.example.tenant-onboarding'],
        'detail-type': ['Dataset Group Delete Requested'],
      },
    ],
    [
      'a value that differs only by case',
      { detail: { domain: ['ecommerce'] } },
    ],
    ['a number written as a string', { detail: { attempt: ['3'] } }],
    ['a string written as a number', { detail: { name: [3] } }],
    ['false against null', { detail: { note: [false] } }],
    ['an absent field', { detail: { kmsKeyArn: ['x'] } }],
    ['an absent object', { detail: { missing: { deep: ['x'] } } }],
    ['no element of an array field', { detail: { labels: ['red'] } }],
    ['a prefix of a number', { detail: { attempt: [{ prefix: '3' }] } }],
    ['a wrong prefix', { source: [{ prefix: 'aws.' }] }],
    ['a wrong suffix', { source: [{ suffix: '.test' }] }],
    [
      'a wildcard that must span the whole value',
      { source: [{ wildcard: 'com.example' }] },
    ],
    [
      'anything-but the value itself',
      { detail: { domain: [{ 'anything-but': 'ECOMMERCE' }] } },
    ],
    [
      'anything-but on an absent field',
      { detail: { kmsKeyArn: [{ 'anything-but': 'x' }] } },
    ],
    [
      'anything-but the prefix it has',
      { source: [{ 'anything-but': { prefix: 'com.' } }] },
    ],
    [
      'exists: true on an absent field',
      { detail: { kmsKeyArn: [{ exists: true }] } },
    ],
    ['exists: true on an object', { detail: { owner: [{ exists: true }] } }],
    [
      'exists: false on a present field',
      { detail: { name: [{ exists: false }] } },
    ],
    [
      'a numeric range that excludes it',
      { detail: { attempt: [{ numeric: ['>', 3] }] } },
    ],
    [
      'a numeric test on a string',
      { detail: { name: [{ numeric: ['>', 0] }] } },
    ],
    [
      'a field of no element of an array of objects',
      { detail: { tags: { tagKey: ['team'] } } },
    ],
    [
      '$or when no branch matches',
      { $or: [{ source: ['a'] }, { source: ['b'] }] },
    ],
    [
      'one matching field and one not',
      {
        source: ['com.example.tenant-onboarding'],
        detail: { domain: ['VIDEO_ON_DEMAND'] },
      },
    ],
  ])('does not match %s', (_, pattern) => {
    // Prepare
    assertValidEventPattern(pattern);

    // Act
    const matched = matchesEventPattern(pattern, event);

    // Assess
    expect(matched).toBe(false);
  });
});

describe('assertValidEventPattern', () => {
  it.each([
    ['an array', []],
    ['an empty object', {}],
    ['null', null],
    ['a bare value', { source: 'com.example' }],
    ['an empty array of values', { source: [] }],
    ['an object value in a list', { source: [{ prefix: 'a', suffix: 'b' }] }],
    ['an unknown operator', { source: [{ regex: '.*' }] }],
    ['a numeric prefix', { source: [{ prefix: 1 }] }],
    ['exists with a string', { detail: { x: [{ exists: 'yes' }] } }],
    ['numeric without a bound', { detail: { x: [{ numeric: ['>'] }] } }],
    [
      'numeric with an unknown operator',
      { detail: { x: [{ numeric: ['!=', 1] }] } },
    ],
    ['anything-but an empty list', { source: [{ 'anything-but': [] }] }],
    [
      'anything-but with exists',
      { source: [{ 'anything-but': { exists: true } }] },
    ],
    ['$or with one branch', { $or: [{ source: ['a'] }] }],
    [
      '$or with an invalid branch',
      { $or: [{ source: ['a'] }, { source: 'b' }] },
    ],
  ])('rejects %s', (_, pattern) => {
    // Act
    const check = () => assertValidEventPattern(pattern);

    // Assess
    expect(check).toThrow(InvalidEventPatternError);
  });

  it('names the path of the problem', () => {
    // Act
    const check = () =>
      assertValidEventPattern({ detail: { owner: { team: [] } } });

    // Assess
    expect(check).toThrow(/detail\.owner\.team/);
  });
});
