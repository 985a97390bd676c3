import { describe, expect, it } from 'vitest';
import { maxJsonNestingDepth } from '#commons/http/json-nesting.ts';
import { readJsonBody } from '#commons/http/read-json-body.ts';
import { httpApiEvent } from '#test/helpers/http-api-event.ts';

const postWith = (body: string) =>
  httpApiEvent('POST /dataset-groups', {
    headers: { 'content-type': 'application/json' },
    body,
  });

describe('readJsonBody', () => {
  it('reads a body nested as deep as the limit', () => {
    // Prepare
    const levels = maxJsonNestingDepth;
    const body = `${'['.repeat(levels)}${']'.repeat(levels)}`;

    // Act
    const result = readJsonBody(postWith(body));

    // Assess
    expect(result.ok).toBe(true);
  });

  it('answers 400 naming the body when it nests deeper than the limit', () => {
    // Prepare
    const levels = 5_000;
    const body = `{"name":"acme","extra":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;

    // Act
    const result = readJsonBody(postWith(body));

    // Assess
    expect(result).toEqual({
      ok: false,
      status: 400,
      message: `The body nests deeper than ${maxJsonNestingDepth} levels`,
      errors: [
        {
          field: '(body)',
          message: `must not nest arrays and objects more than ${maxJsonNestingDepth} levels deep`,
        },
      ],
    });
  });

  it('answers 400 naming the body when it is not JSON', () => {
    // Act
    const result = readJsonBody(postWith('{"name":'));

    // Assess
    expect(result).toMatchObject({
      ok: false,
      status: 400,
      errors: [{ field: '(body)' }],
    });
  });
});
