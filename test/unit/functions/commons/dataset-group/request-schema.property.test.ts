import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  domains,
  kmsKeyArnPattern,
  maxTagsPerResource,
  nameMaxLength,
  namePattern,
  roleArnPattern,
  tagKeyMaxLength,
  tagPattern,
  tagValueMaxLength,
} from '#commons/dataset-group/constraints.ts';
import { validateDatasetGroupRequest } from '#commons/dataset-group/validate-request.ts';
import { InvalidDatasetGroupRequestError } from '#commons/errors.ts';
import { EmulatorError } from '#local/personalize/emulator-error.ts';
import { parseCreateDatasetGroup } from '#local/personalize/parse-requests.ts';

/**
 * Properties of the request contract over generated inputs (10,000+ cases
 * in all): nothing crashes, every rejection names a field, nothing the
 * DatasetGroup constraints forbid is accepted, and the workflow and the
 * emulated service agree on what is valid.
 */

const outcomeOf = (input: unknown) => {
  try {
    return {
      accepted: true as const,
      request: validateDatasetGroupRequest(input),
    };
  } catch (error) {
    if (error instanceof InvalidDatasetGroupRequestError) {
      return { accepted: false as const, error };
    }
    throw error;
  }
};

const nameChars = fc.constantFrom(
  ...'abcXYZ019-_'.split(''),
  ' ',
  '!',
  'é',
  '.',
);
/** Lengths on both sides of a limit, and a few anywhere. */
const lengthsAround = (limit: number) =>
  fc.oneof(
    fc.constantFrom(0, 1, limit - 1, limit, limit + 1),
    fc.integer({ min: 0, max: limit + 2 }),
  );
/** A string of exactly the given length drawn from `unit`. */
const ofLength = (unit: fc.Arbitrary<string>, length: number) =>
  fc.string({ unit, minLength: length, maxLength: length });
const names = fc.oneof(
  fc.string({ unit: nameChars, minLength: 0, maxLength: 70 }),
  lengthsAround(nameMaxLength).chain((length) =>
    ofLength(fc.constantFrom(...'aZ0-_'.split('')), length).map((rest) =>
      `a${rest}`.slice(0, Math.max(length, 0)),
    ),
  ),
);
const tagChars = fc.constantFrom(
  ...'aZ9 _.:/=+-@'.split(''),
  'ü',
  '中',
  '#',
  '\n',
  '*',
);
const tagKeys = fc.oneof(
  fc.string({ unit: tagChars, minLength: 0, maxLength: 130 }),
  lengthsAround(tagKeyMaxLength).chain((length) =>
    ofLength(fc.constantFrom('k', '中', ' '), length),
  ),
  fc.string({ unit: tagChars, maxLength: 10 }).map((rest) => `aws:${rest}`),
  fc.string({ unit: tagChars, maxLength: 10 }).map((rest) => `AWS:${rest}`),
);
const tags = fc.record(
  {
    tagKey: fc.oneof(tagKeys, fc.constant(7)),
    tagValue: fc.oneof(
      fc.string({ unit: tagChars, maxLength: 260 }),
      lengthsAround(tagValueMaxLength).chain((length) =>
        ofLength(fc.constantFrom('v', 'ü'), length),
      ),
      fc.constant(null),
    ),
  },
  { requiredKeys: ['tagKey'] },
);
const kmsKeyArns = fc.constantFrom(
  'arn:aws:kms:us-east-1:123456789012:key/abc',
  'arn:aws-cn:kms:cn-north-1:123456789012:key/x',
  'arn:aws:kms:us-east-1:12345:key/abc',
  'kms-key',
  '',
);
const roleArns = fc.constantFrom(
  'arn:aws:iam::123456789012:role/personalize',
  'arn:aws:iam::123456789012:role/path/to/role+=,.@-_',
  'arn:aws:iam::123456789012:user/someone',
  'arn:aws:iam::123456789012:role/bad role',
  '',
);

/** Requests near the boundaries of every rule, valid and not. */
const requests = fc.record(
  {
    name: fc.oneof(names, fc.constant(42)),
    domain: fc.oneof(
      fc.constantFrom(...domains),
      fc.constantFrom('RETAIL', ''),
    ),
    kmsKeyArn: kmsKeyArns,
    roleArn: roleArns,
    tags: fc.oneof(
      fc.array(tags, { maxLength: 5 }),
      lengthsAround(maxTagsPerResource).map((count) =>
        Array.from({ length: count }, (_, index) => ({
          tagKey: `key-${index}`,
          tagValue: 'v',
        })),
      ),
    ),
    correlationId: fc.string({ minLength: 0, maxLength: 3 }),
    unexpected: fc.string(),
  },
  { requiredKeys: [] },
);

const validNames = fc
  .integer({ min: 1, max: nameMaxLength })
  .chain((length) =>
    fc.oneof(fc.constant(length), fc.constant(nameMaxLength), fc.constant(1)),
  )
  .chain((length) =>
    ofLength(fc.constantFrom(...'aZ0-_'.split('')), length - 1).map(
      (rest) => `a${rest}`,
    ),
  );
const validTags = fc
  .oneof(
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom(maxTagsPerResource - 1, maxTagsPerResource),
  )
  .chain((count) =>
    fc
      .tuple(
        fc.constantFrom(1, tagKeyMaxLength - 5),
        fc.constantFrom(0, tagValueMaxLength),
      )
      .map(([keyLength, valueLength]) =>
        Array.from({ length: count }, (_, index) => ({
          tagKey: `${index}-${'k'.repeat(keyLength)}`.slice(0, tagKeyMaxLength),
          tagValue: 'v'.repeat(valueLength),
        })),
      ),
  );

/** Requests every rule allows, including every limit reached exactly. */
const validRequests = fc
  .record(
    {
      name: validNames,
      domain: fc.constantFrom(...domains),
      encryption: fc.constant({
        kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc',
        roleArn: 'arn:aws:iam::123456789012:role/personalize',
      }),
      tags: validTags,
      correlationId: fc.constantFrom('c', 'x'.repeat(256)),
    },
    { requiredKeys: ['name'] },
  )
  .map(({ encryption, ...rest }) => ({ ...rest, ...encryption }));

/** A valid request with exactly one rule broken (or pushed to its limit). */
const oneRuleBroken = fc
  .tuple(
    validRequests,
    fc.constantFrom(
      (r: Record<string, unknown>) => ({
        ...r,
        name: `a${'b'.repeat(nameMaxLength)}`,
      }),
      (r: Record<string, unknown>) => ({ ...r, name: '-starts-with-dash' }),
      (r: Record<string, unknown>) => ({ ...r, domain: 'RETAIL' }),
      (r: Record<string, unknown>) => {
        const { roleArn: _, ...rest } = r;
        return {
          ...rest,
          kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
        };
      },
      (r: Record<string, unknown>) => {
        const { kmsKeyArn: _, ...rest } = r;
        return { ...rest, roleArn: 'arn:aws:iam::123456789012:role/r' };
      },
      (r: Record<string, unknown>) => ({
        ...r,
        tags: [{ tagKey: 'k'.repeat(tagKeyMaxLength + 1), tagValue: '' }],
      }),
      (r: Record<string, unknown>) => ({
        ...r,
        tags: [{ tagKey: 'k', tagValue: 'v'.repeat(tagValueMaxLength + 1) }],
      }),
      (r: Record<string, unknown>) => ({
        ...r,
        tags: Array.from({ length: maxTagsPerResource + 1 }, (_, index) => ({
          tagKey: `k${index}`,
          tagValue: '',
        })),
      }),
      (r: Record<string, unknown>) => ({
        ...r,
        tags: [
          { tagKey: 'same', tagValue: '1' },
          { tagKey: 'same', tagValue: '2' },
        ],
      }),
      (r: Record<string, unknown>) => ({
        ...r,
        tags: [{ tagKey: 'Aws:owner', tagValue: '' }],
      }),
      (r: Record<string, unknown>) => ({ ...r, owner: 'me' }),
      (r: Record<string, unknown>) => ({ ...r, correlationId: '' }),
      (r: Record<string, unknown>) => ({
        ...r,
        correlationId: 'x'.repeat(257),
      }),
    ),
  )
  .map(([request, breakRule]) => breakRule(request));

/** An oracle written from the constraints, apart from the zod schema. */
const allowedByConstraints = (input: Record<string, unknown>): boolean => {
  const { name, domain, kmsKeyArn, roleArn, tags: tagList } = input;
  const isTag = (tag: unknown) => {
    const { tagKey, tagValue } = tag as { tagKey: unknown; tagValue: unknown };
    return (
      typeof tagKey === 'string' &&
      tagKey.length >= 1 &&
      tagKey.length <= tagKeyMaxLength &&
      tagPattern.test(tagKey) &&
      !tagKey.toLowerCase().startsWith('aws:') &&
      typeof tagValue === 'string' &&
      tagValue.length <= tagValueMaxLength &&
      tagPattern.test(tagValue)
    );
  };
  return (
    typeof name === 'string' &&
    name.length >= 1 &&
    name.length <= nameMaxLength &&
    namePattern.test(name) &&
    (domain === undefined ||
      (domains as readonly unknown[]).includes(domain)) &&
    (kmsKeyArn === undefined) === (roleArn === undefined) &&
    (kmsKeyArn === undefined ||
      (typeof kmsKeyArn === 'string' && kmsKeyArnPattern.test(kmsKeyArn))) &&
    (roleArn === undefined ||
      (typeof roleArn === 'string' && roleArnPattern.test(roleArn))) &&
    (tagList === undefined ||
      (Array.isArray(tagList) &&
        tagList.length <= maxTagsPerResource &&
        tagList.every(isTag) &&
        new Set(tagList.map((tag) => (tag as { tagKey: string }).tagKey))
          .size === tagList.length)) &&
    Object.keys(input).every((key) =>
      [
        'name',
        'domain',
        'kmsKeyArn',
        'roleArn',
        'tags',
        'correlationId',
      ].includes(key),
    ) &&
    (input.correlationId === undefined ||
      (typeof input.correlationId === 'string' &&
        input.correlationId.length >= 1 &&
        input.correlationId.length <= 256))
  );
};

describe('request contract properties', () => {
  it('never crashes on any JSON value and names a field in every rejection', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const outcome = outcomeOf(input);
        if (!outcome.accepted) {
          expect(outcome.error.issues.length).toBeGreaterThan(0);
          for (const issue of outcome.error.issues) {
            expect(issue.field).not.toBe('');
            expect(issue.message).not.toBe('');
          }
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('accepts every request at the limits and refuses each broken rule', () => {
    fc.assert(
      fc.property(validRequests, oneRuleBroken, (valid, broken) => {
        expect(outcomeOf(valid).accepted).toBe(true);
        expect(outcomeOf(broken).accepted).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('accepts exactly what the DatasetGroup constraints allow', () => {
    fc.assert(
      fc.property(requests, (input) => {
        const outcome = outcomeOf(input);
        expect(outcome.accepted).toBe(allowedByConstraints(input));
        if (outcome.accepted) expect(outcome.request).toEqual(input);
      }),
      { numRuns: 4_000 },
    );
  });

  it('names a contract field or the unknown field in every rejection', () => {
    const contractFields = [
      'name',
      'domain',
      'kmsKeyArn',
      'roleArn',
      'tags',
      'correlationId',
    ];
    fc.assert(
      fc.property(requests, (input) => {
        const outcome = outcomeOf(input);
        if (outcome.accepted) return;
        for (const issue of outcome.error.issues) {
          const field = issue.field.split(/[.[]/)[0] ?? '';
          expect([...contractFields, ...Object.keys(input)]).toContain(field);
          if (!contractFields.includes(field)) {
            expect(issue.message).toBe('is not a known field');
          }
        }
      }),
      { numRuns: 1_500 },
    );
  });

  it('agrees with the emulated service on every create request', () => {
    fc.assert(
      fc.property(requests, (generated) => {
        const { correlationId: _, ...body } = generated;
        const workflow = outcomeOf(body).accepted;
        let service: boolean;
        try {
          parseCreateDatasetGroup(body);
          service =
            !('unexpected' in body) &&
            (body.tags ?? []).length <= maxTagsPerResource;
        } catch (error) {
          if (!(error instanceof EmulatorError)) throw error;
          expect(error.name).toBe('InvalidInputException');
          service = false;
        }
        expect(workflow).toBe(service);
      }),
      { numRuns: 2_000 },
    );
  });
});
