import { describe, expect, it } from 'vitest';
import {
  DatasetGroupNotFoundError,
  InvalidDatasetGroupRequestError,
  PersonalizeThrottledError,
} from '#commons/errors.ts';
import { HttpProblemError } from '#commons/http/http-problem-error.ts';
import { httpProblems, toHttpProblem } from '#commons/http/http-problems.ts';

const throttlingException = () => {
  const error = new Error('Rate exceeded');
  error.name = 'ThrottlingException';
  return error;
};

describe('toHttpProblem', () => {
  it('answers a request that broke rules with 400 and one error per field', () => {
    // Prepare
    const issues = [
      { field: 'name', message: 'is required' },
      { field: 'extra', message: 'is not a known field' },
    ];

    // Act
    const problem = toHttpProblem(new InvalidDatasetGroupRequestError(issues));

    // Assess
    expect(problem?.statusCode).toBe(400);
    expect(JSON.parse(problem?.message ?? '')).toEqual({
      message: 'Invalid dataset group request',
      errors: issues,
    });
  });

  it('answers a missing dataset group with 404 and its message', () => {
    // Act
    const problem = toHttpProblem(
      new DatasetGroupNotFoundError('Dataset group ghost does not exist'),
    );

    // Assess
    expect(problem?.statusCode).toBe(404);
    expect(problem?.problem).toEqual({
      message: 'Dataset group ghost does not exist',
    });
  });

  it.each([
    ['PersonalizeThrottledError', new PersonalizeThrottledError('slow')],
    ['a Step Functions ThrottlingException', throttlingException()],
  ])('answers %s with 429 and retry-after', (_, error) => {
    // Act
    const problem = toHttpProblem(error);

    // Assess
    expect(problem?.statusCode).toBe(429);
    expect(problem?.headers).toEqual({ 'retry-after': '1' });
    expect(problem?.problem).toEqual({
      message: 'Too many requests; retry later',
    });
    expect(problem?.cause).toBe(error);
  });

  it('keeps an HttpProblemError as it is', () => {
    // Prepare
    const error = new HttpProblemError(409, 'taken');

    // Act
    const problem = toHttpProblem(error);

    // Assess
    expect(problem).toBe(error);
  });

  it.each([
    ['a TypeError', new TypeError('a bug')],
    ['a string', 'not an error'],
    ['undefined', undefined],
  ])('has no answer for %s, which is a 500', (_, error) => {
    // Act
    const problem = toHttpProblem(error);

    // Assess
    expect(problem).toBeUndefined();
  });
});

describe('httpProblems', () => {
  const run = (error: unknown) => {
    let rejected = 0;
    const middleware = httpProblems({ onRejected: () => rejected++ });
    const request = { error } as Parameters<
      NonNullable<typeof middleware.onError>
    >[0];
    middleware.onError?.(request);
    return { error: request.error, rejected };
  };

  it('replaces a known error by its HttpProblemError and counts a rejected request', () => {
    // Act
    const outcome = run(new InvalidDatasetGroupRequestError([]));

    // Assess
    expect(outcome.error).toBeInstanceOf(HttpProblemError);
    expect(outcome.rejected).toBe(1);
  });

  it('leaves an unknown error for the error handler, counting nothing', () => {
    // Prepare
    const bug = new TypeError('a bug');

    // Act
    const outcome = run(bug);

    // Assess
    expect(outcome.error).toBe(bug);
    expect(outcome.rejected).toBe(0);
  });
});

describe('HttpProblemError', () => {
  it('carries the JSON body as its message, and exposes only answers below 500', () => {
    // Act
    const notFound = new HttpProblemError(404, 'gone');
    const failed = new HttpProblemError(502, 'upstream');

    // Assess
    expect(notFound).toMatchObject({
      name: 'HttpProblemError',
      statusCode: 404,
      expose: true,
      message: '{"message":"gone"}',
      headers: {},
    });
    expect(failed.expose).toBe(false);
  });
});
