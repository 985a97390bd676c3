import { describe, expect, it } from 'vitest';
import { describeUnexpected, reasonOf } from '#cli/cli-errors.ts';

const systemError = (message: string, code: string) =>
  Object.assign(new Error(message), { code });

describe('reasonOf', () => {
  it('keeps a system error message that names its code', () => {
    // Act
    const reason = reasonOf(
      systemError('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'),
    );

    // Assess
    expect(reason).toBe('connect ECONNREFUSED 127.0.0.1:1');
  });

  it('reads the deepest cause when errors are wrapped, as fetch does', () => {
    // Act
    const reason = reasonOf(
      new TypeError('fetch failed', {
        cause: systemError('getaddrinfo ENOTFOUND x.invalid', 'ENOTFOUND'),
      }),
    );

    // Assess
    expect(reason).toBe('getaddrinfo ENOTFOUND x.invalid');
  });

  it('names the code when the message does not', () => {
    // Act
    const reason = reasonOf(systemError('no answer for 30 s', 'ETIMEDOUT'));

    // Assess
    expect(reason).toBe('ETIMEDOUT (no answer for 30 s)');
  });

  it('reads the first attempt when every address failed (AggregateError)', () => {
    // Prepare
    const aggregate = Object.assign(
      new AggregateError([
        systemError('connect ECONNREFUSED ::1:3000', 'ECONNREFUSED'),
        systemError('connect ECONNREFUSED 127.0.0.1:3000', 'ECONNREFUSED'),
      ]),
      { code: 'ECONNREFUSED' },
    );

    // Act
    const reason = reasonOf(aggregate);

    // Assess
    expect(reason).toBe('connect ECONNREFUSED ::1:3000');
  });
});

describe('describeUnexpected', () => {
  it('gives the name, the message and the cause in one line when there is a cause', () => {
    // Act
    const line = describeUnexpected(
      new SyntaxError('Unexpected token', {
        cause: systemError('read EIO', 'EIO'),
      }),
    );

    // Assess
    expect(line).toBe('SyntaxError: Unexpected token (read EIO)');
    expect(line).not.toContain('\n');
  });
});
