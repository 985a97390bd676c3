import { describe, expect, it } from 'vitest';
import {
  decodeListToken,
  encodeListToken,
} from '#local/personalize/list-token.ts';

const cursor = {
  region: 'us-east-1',
  createdAtMs: 1_700_000_000_123,
  sequence: 7,
};

describe('list token', () => {
  it('decodes to the cursor it was encoded from when the region matches', () => {
    // Prepare
    const token = encodeListToken(cursor);

    // Act
    const decoded = decodeListToken(token, 'us-east-1');

    // Assess
    expect(decoded).toEqual(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['garbage', 'not-a-token'],
    ['non-base64 characters', 'abc$%^'],
    ['an empty string', ''],
    [
      'valid base64 of something else',
      Buffer.from('{"x":1}').toString('base64url'),
    ],
    ['a JSON number', Buffer.from('42').toString('base64url')],
  ])('rejects %s with InvalidNextTokenException', (_what, token) => {
    // Act
    const decode = () => decodeListToken(token, 'us-east-1');

    // Assess
    expect(decode).toThrow(
      expect.objectContaining({ name: 'InvalidNextTokenException' }),
    );
  });

  it('rejects a token issued for another region', () => {
    // Prepare
    const token = encodeListToken(cursor);

    // Act
    const decode = () => decodeListToken(token, 'eu-west-1');

    // Assess
    expect(decode).toThrow(
      expect.objectContaining({ name: 'InvalidNextTokenException' }),
    );
  });
});
