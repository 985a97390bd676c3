import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  jsonNestingDepth,
  maxJsonNestingDepth,
  nestsTooDeep,
} from '#commons/http/json-nesting.ts';

/** How deep a parsed value nests, counted the plain recursive way. */
const depthOf = (value: unknown): number => {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (typeof value === 'object' && value !== null) {
    return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  }
  return 0;
};

describe('jsonNestingDepth', () => {
  it('counts a scalar as 0 and each array or object as a level', () => {
    // Assess
    expect(jsonNestingDepth('"text"')).toBe(0);
    expect(jsonNestingDepth('{}')).toBe(1);
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}')).toBe(4);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    // Assess
    expect(jsonNestingDepth('{"a":"[[[{{{\\"]]]"}')).toBe(1);
    expect(jsonNestingDepth('["\\\\",[]]')).toBe(2);
  });

  it('agrees with the depth of the parsed value for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        // Act
        const text = JSON.stringify(value);

        // Assess
        expect(jsonNestingDepth(text)).toBe(depthOf(JSON.parse(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a text far deeper than JSON.stringify can nest without a stack overflow', () => {
    // Prepare
    const text = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;

    // Act
    const depth = jsonNestingDepth(text);

    // Assess
    expect(depth).toBe(1_000_000);
  });
});

describe('nestsTooDeep', () => {
  it('takes the limit itself and refuses one level more', () => {
    // Prepare
    const nested = (levels: number) =>
      `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

    // Assess
    expect(nestsTooDeep(nested(maxJsonNestingDepth))).toBe(false);
    expect(nestsTooDeep(nested(maxJsonNestingDepth + 1))).toBe(true);
  });
});
