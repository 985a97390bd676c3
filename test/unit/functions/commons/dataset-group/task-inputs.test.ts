import { describe, expect, it } from 'vitest';
import { InvalidTaskInputError } from '#commons/dataset-group/poll-task-input.ts';
import {
  correlationIdOf,
  parseCreateTaskInput,
  parseDeleteTaskInput,
} from '#commons/dataset-group/task-inputs.ts';

const valid = {
  request: { name: 'acme', surplus: 'checked later, by the handler' },
  executionName: 'order-42',
  executionStartTime: '2026-11-25T10:00:00.123Z',
};

describe.each([
  ['CreateDatasetGroup', parseCreateTaskInput],
  ['DeleteDatasetGroup', parseDeleteTaskInput],
])('the %s task input', (task, parse) => {
  it('passes the raw request through unchecked', () => {
    expect(parse(valid)).toEqual(valid);
  });

  it('passes the task’s retry count through', () => {
    const input = { ...valid, retryCount: 2 };

    expect(parse(input)).toEqual(input);
  });

  it('accepts a start time with an offset', () => {
    const input = { ...valid, executionStartTime: '2026-11-25T11:00:00+01:00' };

    expect(parse(input)).toEqual(input);
  });

  it.each([
    [
      'an empty executionName',
      { ...valid, executionName: '' },
      'executionName must be a non-empty string',
    ],
    [
      'a numeric executionName',
      { ...valid, executionName: 42 },
      'executionName must be a non-empty string',
    ],
    [
      'a start time that is not ISO-8601',
      { ...valid, executionStartTime: 'yesterday' },
      'executionStartTime must be an ISO-8601 timestamp',
    ],
    [
      'a negative retryCount',
      { ...valid, retryCount: -1 },
      'retryCount must be a whole number ≥ 0',
    ],
    [
      'a fractional retryCount',
      { ...valid, retryCount: 1.5 },
      'retryCount must be a whole number ≥ 0',
    ],
    [
      'no input at all',
      undefined,
      '(input) must be an object (the Parameters of the task)',
    ],
  ])('names the field of %s', (_case, input, problem) => {
    const attempt = () => parse(input);

    expect(attempt).toThrow(InvalidTaskInputError);
    expect(attempt).toThrow(`Invalid ${task} task input: ${problem}`);
  });
});

describe('correlationIdOf', () => {
  it.each([
    [
      'the request has a correlationId',
      { correlationId: 'order-42' },
      'order-42',
    ],
    ['it is a string, even an invalid one', { correlationId: '' }, ''],
    ['the request has none', { name: 'acme' }, 'execution-7'],
    ['it is not a string', { correlationId: 42 }, 'execution-7'],
    ['the request is an array', [{ correlationId: 'order-42' }], 'execution-7'],
    ['the request is a string', 'order-42', 'execution-7'],
    ['the request is null', null, 'execution-7'],
  ])('picks the right one when %s', (_case, request, expected) => {
    expect(correlationIdOf(request, 'execution-7')).toBe(expected);
  });
});
