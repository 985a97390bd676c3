import { describe, expect, it } from 'vitest';
import { HttpProblemError } from '#commons/http/http-problem-error.ts';
import { maxJsonNestingDepth } from '#commons/http/json-nesting.ts';
import { maxBodyBytes, readJsonBody } from '#commons/http/read-json-body.ts';
import { httpApiEvent } from '#test/helpers/http-api-event.ts';

const problemOf = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    if (error instanceof HttpProblemError) return error;
    throw error;
  }
  throw new Error('readJsonBody returned a body');
};

const event = (body: string | undefined, contentType?: string) =>
  httpApiEvent('POST /dataset-groups', {
    ...(body === undefined ? {} : { body }),
    headers: contentType === undefined ? {} : { 'content-type': contentType },
  });

describe('readJsonBody', () => {
  it('reads the JSON of an application/json body, parameters allowed', () => {
    // Act
    const body = readJsonBody(
      event('{"name":"acme"}', 'Application/JSON; charset=utf-8'),
    );

    // Assess
    expect(body).toEqual({ name: 'acme' });
  });

  it('decodes a base64 body', () => {
    // Prepare
    const base64 = {
      ...event(
        Buffer.from('{"name":"acme"}').toString('base64'),
        'application/json',
      ),
      isBase64Encoded: true,
    };

    // Act
    const body = readJsonBody(base64);

    // Assess
    expect(body).toEqual({ name: 'acme' });
  });

  it('answers 415 for another content type before looking at the size', () => {
    // Act
    const problem = problemOf(() =>
      readJsonBody(event('x'.repeat(maxBodyBytes + 1), 'text/plain')),
    );

    // Assess
    expect(problem.statusCode).toBe(415);
    expect(problem.problem.message).toBe(
      'content-type must be application/json, got "text/plain"',
    );
  });

  it('answers 413 for a body over 64 KiB before parsing it', () => {
    // Act
    const problem = problemOf(() =>
      readJsonBody(event(`{${' '.repeat(maxBodyBytes)}`, 'application/json')),
    );

    // Assess
    expect(problem.statusCode).toBe(413);
    expect(problem.problem.message).toBe(
      'The body must be at most 65536 bytes',
    );
  });

  it.each([
    ['malformed JSON', '{"name":'],
    ['no body', undefined],
  ])('answers 400 naming (body) for %s', (_, body) => {
    // Act
    const problem = problemOf(() =>
      readJsonBody(event(body, 'application/json')),
    );

    // Assess
    expect(problem.statusCode).toBe(400);
    expect(problem.problem).toEqual({
      message: 'The body is not valid JSON',
      errors: [{ field: '(body)', message: expect.any(String) }],
    });
  });

  it('reads a body nested as deep as the limit', () => {
    // Prepare
    const levels = maxJsonNestingDepth;
    const body = `${'['.repeat(levels)}${']'.repeat(levels)}`;

    // Act
    const read = readJsonBody(event(body, 'application/json'));

    // Assess
    expect(Array.isArray(read)).toBe(true);
  });

  it('answers 400 naming the body when it nests deeper than the limit', () => {
    // Prepare
    const levels = 5_000;
    const body = `{"name":"acme","extra":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;

    // Act
    const problem = problemOf(() =>
      readJsonBody(event(body, 'application/json')),
    );

    // Assess
    expect(problem.statusCode).toBe(400);
    expect(problem.problem).toEqual({
      message: `The body nests deeper than ${maxJsonNestingDepth} levels`,
      errors: [
        {
          field: '(body)',
          message: `must not nest arrays and objects more than ${maxJsonNestingDepth} levels deep`,
        },
      ],
    });
  });
});
