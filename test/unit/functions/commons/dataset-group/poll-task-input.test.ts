import { describe, expect, it } from 'vitest';
import {
  InvalidTaskInputError,
  parseDescribeDeletionTaskInput,
  parseDescribeTaskInput,
} from '#commons/dataset-group/poll-task-input.ts';

const valid = {
  name: 'acme',
  datasetGroupArn:
    'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
  attempt: 0,
  elapsedSeconds: 2,
  executionStartTime: '2026-11-25T10:00:00.123Z',
  retryCount: 0,
  pollRetry: {
    intervalSeconds: 15,
    backoffRate: 1.1,
    maxDelaySeconds: 300,
    maxAttempts: 100,
  },
};

describe('parseDescribeTaskInput', () => {
  it('returns the input the state machine passes', () => {
    expect(parseDescribeTaskInput(valid)).toEqual(valid);
  });

  it.each([
    ['name', { name: '' }],
    ['datasetGroupArn', { datasetGroupArn: 7 }],
    ['attempt', { attempt: 1.5 }],
    ['attempt', { attempt: -1 }],
    ['elapsedSeconds', { elapsedSeconds: '2' }],
    ['executionStartTime', { executionStartTime: 'yesterday' }],
    ['executionStartTime', { executionStartTime: '2026-13-45T99:00:00Z' }],
    ['retryCount', { retryCount: -1 }],
    [
      'pollRetry.intervalSeconds',
      { pollRetry: { ...valid.pollRetry, intervalSeconds: 0 } },
    ],
    [
      'pollRetry.backoffRate',
      { pollRetry: { ...valid.pollRetry, backoffRate: 0.5 } },
    ],
    ['pollRetry.maxAttempts', { pollRetry: undefined }],
  ])('names %s when it is wrong', (field, change) => {
    // Act
    const parse = () => parseDescribeTaskInput({ ...valid, ...change });

    // Assess
    expect(parse).toThrow(InvalidTaskInputError);
    expect(parse).toThrow(field);
  });

  it('names every missing field of an empty input', () => {
    expect(() => parseDescribeTaskInput(undefined)).toThrow(
      /name.*datasetGroupArn.*attempt.*elapsedSeconds.*executionStartTime.*retryCount.*pollRetry/,
    );
  });
});

describe('parseDescribeDeletionTaskInput', () => {
  const deletion = {
    datasetGroup: {
      name: 'acme',
      datasetGroupArn:
        'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
      status: 'DELETE PENDING',
    },
    attempt: 2,
    elapsedSeconds: 6,
    executionStartTime: '2026-11-25T10:00:00Z',
  };

  it('returns the input with the last seen group', () => {
    expect(parseDescribeDeletionTaskInput(deletion)).toEqual(deletion);
  });

  it('rejects a group without its ARN', () => {
    expect(() =>
      parseDescribeDeletionTaskInput({
        ...deletion,
        datasetGroup: { name: 'acme' },
      }),
    ).toThrow(/datasetGroupArn/);
  });
});
