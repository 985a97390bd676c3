import fc from 'fast-check';

/**
 * The building blocks of malformed wire bodies, shared by the four
 * endpoints: odd strings and numbers, deep and huge values, JSON text
 * that is not quite JSON, and the bytes it is sent as.
 */

/** Strings that trip parsers, encoders and validators. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'nul\u0000inside',
    '\ud800',
    '\udfff',
    'half\ud83d',
    '\u202eRTL\u202c text',
    '\u200f\u05e9\u05dc\u05d5\u05dd',
    '😀',
    '👩‍👩‍👧‍👦',
    'e\u0301',
    '\ufeffbom',
    'line\u2028break',
    'null',
    'NaN',
    'Infinity',
    '-0',
    '1e300',
    '9e12',
    '__proto__',
    'constructor',
    '../../etc/passwd',
    '%00%zz',
    'arn:aws:states:us-east-1:000000000000:stateMachine:create-dataset-group',
  ),
);

/** Numbers at the edges of what JSON and dates can hold. */
export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    1e300,
    -1e300,
    9e12,
    -9e12,
    8.64e12,
    253402300799,
    253402300800,
    -62167219201,
    2 ** 53,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    0.1,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Number text JSON.parse rejects or turns into something odd. */
const oddNumberText = fc.constantFrom(
  '1e400',
  '-1e400',
  '1e-400',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '01',
  '1.',
  '.5',
  '0x10',
  '+1',
  '1_000',
);

/** `levels` arrays or objects nested in one another, as JSON text. */
export const nestedText = (levels: number, kind: 'array' | 'object') =>
  kind === 'array'
    ? `${'['.repeat(levels)}${']'.repeat(levels)}`
    : `${'{"a":'.repeat(levels)}0${'}'.repeat(levels)}`;

/** Deep values: most near the nesting limit, a few far beyond it. */
export const deepText: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: 490, max: 510 }),
      fc.integer({ min: 1, max: 2_000 }),
      fc.constantFrom(5_000, 20_000),
    ),
    fc.constantFrom('array' as const, 'object' as const),
  )
  .map(([levels, kind]) => nestedText(levels, kind));

/** A long string: mostly kilobytes, sometimes near the 256 KiB limits. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: 1_000, max: 20_000 }) },
      { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 270_000 }) },
    ),
    fc.constantFrom('x', 'é', '😀', '\u0000', '"'),
  )
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/** Any JSON value, as text, including number text JSON disallows. */
export const valueText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .jsonValue({ maxDepth: 3 })
      .map((value) => JSON.stringify(value) ?? 'null'),
  },
  { weight: 3, arbitrary: oddString.map((text) => JSON.stringify(text)) },
  { weight: 2, arbitrary: oddNumber.map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: oddNumberText },
  { weight: 1, arbitrary: deepText },
  { weight: 1, arbitrary: hugeString.map((text) => JSON.stringify(text)) },
);

/**
 * A JSON object as text from its members (each value already JSON text),
 * sometimes with a duplicate key, a trailing comma or a missing brace:
 * often at the top of a body, rarely when nested (one bad entry would
 * make every PutEvents body unreadable).
 */
export const objectText = (
  members: fc.Arbitrary<ReadonlyArray<readonly [string, string]>>,
  malformed: 'often' | 'rarely' = 'often',
): fc.Arbitrary<string> =>
  fc
    .tuple(
      members,
      fc.oneof(
        {
          weight: malformed === 'often' ? 7 : 60,
          arbitrary: fc.constant('plain'),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom('duplicate', 'trailing-comma', 'unclosed'),
        },
      ),
    )
    .map(([fields, shape]) => {
      const listed =
        shape === 'duplicate' && fields.length > 0
          ? [...fields, fields[0] as readonly [string, string]]
          : fields;
      const body = listed
        .map(([key, value]) => `${JSON.stringify(key)}:${value}`)
        .join(',');
      if (shape === 'trailing-comma') return `{${body},}`;
      if (shape === 'unclosed') return `{${body}`;
      return `{${body}}`;
    });

/** Text that is not a JSON object at all. */
export const notAnObjectText: fc.Arbitrary<string> = fc.oneof(
  valueText,
  fc.string({ maxLength: 60 }),
  fc.constantFrom('', '{', '}', '[]', '{"a"', '{"a":}', '{,}', 'null', '""'),
);

/** Bytes that are not valid UTF-8 (lone surrogates in CESU-8, overlongs). */
const invalidUtf8 = fc.constantFrom(
  [0xff],
  [0xc3, 0x28],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xc0, 0xaf],
  [0x80],
);

/** The bytes a text goes out as: UTF-8 mostly, sometimes broken. */
export const encoded = (text: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    { weight: 16, arbitrary: text.map((value) => Buffer.from(value, 'utf8')) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(text, invalidUtf8, fc.nat())
        .map(([value, bytes, at]) => {
          const utf8 = Buffer.from(value, 'utf8');
          const cut = utf8.length === 0 ? 0 : at % utf8.length;
          return Buffer.concat([
            utf8.subarray(0, cut),
            Buffer.from(bytes),
            utf8.subarray(cut),
          ]);
        }),
    },
    {
      weight: 1,
      arbitrary: text.map((value) => Buffer.from(value, 'utf16le')),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  );

/** Header values Node will send (no control characters, latin-1 only). */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({
    unit: fc.constantFrom(...'abcXYZ019 -_./:;=,()*é'),
    maxLength: 60,
  }),
  fc.constantFrom('', ' ', 'null', 'é', '\t'),
);

/** Authorization headers: none, junk, or SigV4 with odd scopes. */
export const authorization: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  headerValue,
  fc
    .tuple(
      fc.constantFrom('us-east-1', 'eu-west-1', 'xx', '', 'us-east-1 ', 'é'),
      fc.constantFrom('personalize', 'states', 'events', ''),
    )
    .map(
      ([region, service]) =>
        `AWS4-HMAC-SHA256 Credential=local/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=00`,
    ),
);

/** Methods: the endpoints' own mostly, all the others sometimes. */
export const method = (usual: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(usual) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'GET',
        'PUT',
        'DELETE',
        'PATCH',
        'OPTIONS',
        'HEAD',
        'POST',
      ),
    },
  );

/**
 * Odd request paths, all valid HTTP request targets: a raw non-ASCII
 * byte there makes Node's parser refuse the request line and drop the
 * connection before any endpoint sees it, as any HTTP server may.
 */
export const oddPath: fc.Arbitrary<string> = fc.constantFrom(
  '/x',
  '/?a=b',
  '//',
  '/%',
  '/%zz',
  '/%00',
  '/%E2%80%AE',
  '/..%2F..',
  '/dataset-groups?name=%ZZ',
  '/%C3%A9',
  '/*',
  `/${'a'.repeat(2_000)}`,
);

/** Drops the headers left undefined. */
export const definedHeaders = (
  headers: Readonly<Record<string, string | undefined>>,
): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
