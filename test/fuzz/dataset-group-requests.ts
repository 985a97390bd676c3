import fc from 'fast-check';
import { oddNumber, oddString, valueText } from './wire-arbitraries.ts';

/**
 * Dataset group requests as the contract has them, then broken: names
 * from a small pool (so creations meet, adopt and conflict), and every
 * field sometimes of the wrong type, out of range or unknown.
 */

/** Names shared by all endpoints' requests: groups meet one another. */
export const poolName = fc.integer({ min: 0, max: 40 }).map((n) => `fz-${n}`);

const validName = fc.oneof(
  { weight: 4, arbitrary: poolName },
  {
    weight: 1,
    arbitrary: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/),
  },
);

const validTag = fc.record({
  tagKey: fc.stringMatching(/^[a-zA-Z0-9 _.:/=+@-]{1,20}$/),
  tagValue: fc.stringMatching(/^[a-zA-Z0-9 _.:/=+@-]{0,20}$/),
});

const kms = {
  kmsKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/fuzz',
  roleArn: 'arn:aws:iam::000000000000:role/fuzz',
};

/** A request the contract takes. */
export const validRequest: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      name: validName,
      domain: fc.constantFrom('ECOMMERCE', 'VIDEO_ON_DEMAND'),
      tags: fc.uniqueArray(validTag, {
        maxLength: 3,
        selector: (tag) => tag.tagKey,
      }),
      correlationId: fc.stringMatching(/^[a-zA-Z0-9-]{1,40}$/),
      encrypted: fc.constant(true),
    },
    { requiredKeys: ['name'] },
  )
  .map(({ encrypted, ...request }) =>
    encrypted === true ? { ...request, ...kms } : request,
  );

/** A value of the wrong kind for any field. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  oddNumber,
  fc.constantFrom(null, true, false, [], {}, [null], { name: 'x' }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** One way to break a valid request. */
const breakRequest = (
  request: Record<string, unknown>,
): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc
      .tuple(
        fc.constantFrom(
          'name',
          'domain',
          'tags',
          'correlationId',
          'kmsKeyArn',
          'roleArn',
        ),
        wrongValue,
      )
      .map(([field, value]) => ({ ...request, [field]: value })),
    fc
      .tuple(oddString, wrongValue)
      .map(([field, value]) => ({ ...request, [field]: value })),
    fc.constant({ ...request, name: 'x'.repeat(64) }),
    fc.constant({ ...request, correlationId: '' }),
    fc.constant({
      ...request,
      tags: [{ tagKey: 'aws:reserved', tagValue: '' }],
    }),
    fc.constant({ ...request, kmsKeyArn: kms.kmsKeyArn, roleArn: undefined }),
    fc.constant(
      Object.fromEntries(
        Object.entries(request).filter(([key]) => key !== 'name'),
      ),
    ),
    wrongValue,
  );

/** A request as JSON text: valid, broken, or not a request at all. */
export const requestText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: validRequest.map((request) => JSON.stringify(request)),
  },
  {
    weight: 4,
    arbitrary: validRequest
      .chain(breakRequest)
      .map((request) => JSON.stringify(request) ?? 'null'),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(validName, oddString, valueText)
      .map(
        ([name, field, value]) =>
          `{"name":${JSON.stringify(name)},${JSON.stringify(field)}:${value}}`,
      ),
  },
  { weight: 1, arbitrary: valueText },
);
