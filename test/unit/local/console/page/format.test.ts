import { describe, expect, it } from 'vitest';
import { formatDuration, prettyJson } from '#local/console/page/format.js';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [849.6, '850 ms'],
    [1062, '1.06 s'],
    [125_000, '2 min 5 s'],
    [-1, ''],
    [Number.NaN, ''],
  ])('writes %d ms as "%s"', (ms, text) => {
    // Act
    const written = formatDuration(ms);

    // Assess
    expect(written).toBe(text);
  });
});

describe('prettyJson', () => {
  it('indents JSON text, and leaves other text as it is', () => {
    // Act
    const json = prettyJson('{"a":[1]}');
    const other = prettyJson('not json');

    // Assess
    expect(json).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(other).toBe('not json');
    expect(prettyJson(undefined)).toBe('');
  });
});
