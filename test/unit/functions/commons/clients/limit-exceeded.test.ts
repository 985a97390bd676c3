import { describe, expect, it } from 'vitest';
import {
  classifyLimitExceeded,
  limitExceededAfterRetries,
  retriesAsRateLimit,
  unrecognisedLimitRetries,
} from '#commons/clients/limit-exceeded.ts';
import {
  PersonalizeLimitExceededError,
  PersonalizeThrottledError,
} from '#commons/errors.ts';

const modelMessage =
  'The limit on the number of requests per second has been exceeded.';
const emulatorQuota =
  'You have reached the limit of 5 dataset groups in us-east-1';

describe('classifyLimitExceeded', () => {
  it.each([
    ['the service model’s sentence', modelMessage],
    ['"Rate exceeded"', 'Rate exceeded'],
    ['a request rate', 'Request rate is too high for this account'],
    ['too many requests', 'Too many requests, slow down'],
    ['throttling', 'Request was throttled'],
    ['a rate and a quota at once', 'The request rate quota was exceeded'],
  ])('takes %s on CreateDatasetGroup for a rate limit', (_case, message) => {
    // Act
    const kind = classifyLimitExceeded('CreateDatasetGroup', message);

    // Assess
    expect(kind).toBe('rate');
  });

  it.each([
    ['the emulator’s quota message', emulatorQuota],
    [
      'the guide’s import-job message',
      'More than 5 resources with PENDING or IN_PROGRESS status',
    ],
    ['the word quota', 'Service quota exceeded for dataset groups'],
    ['a maximum number', 'You have the maximum number of dataset groups'],
  ])('takes %s on CreateDatasetGroup for the quota', (_case, message) => {
    // Act
    const kind = classifyLimitExceeded('CreateDatasetGroup', message);

    // Assess
    expect(kind).toBe('quota');
  });

  it.each([
    'DescribeDatasetGroup',
    'ListDatasetGroups',
    'ListTagsForResource',
    'DeleteDatasetGroup',
  ])(
    'takes any message on %s for a rate limit: only a create can breach a resource-count quota',
    (operation) => {
      // Act
      const kinds = [modelMessage, emulatorQuota, 'Limit exceeded', ''].map(
        (message) => classifyLimitExceeded(operation, message),
      );

      // Assess
      expect(kinds).toEqual(['rate', 'rate', 'rate', 'rate']);
    },
  );

  it.each(['Limit exceeded', '', 'Unknown'])(
    'cannot tell "%s" on CreateDatasetGroup apart',
    (message) => {
      // Act
      const kind = classifyLimitExceeded('CreateDatasetGroup', message);

      // Assess
      expect(kind).toBe('unrecognised');
    },
  );
});

describe('retriesAsRateLimit', () => {
  it('retries a rate limit whatever the retries so far', () => {
    // Act
    const retried = [0, unrecognisedLimitRetries, 100].map((count) =>
      retriesAsRateLimit('rate', count),
    );

    // Assess
    expect(retried).toEqual([true, true, true]);
  });

  it('never retries a recognised quota', () => {
    // Act
    const retried = retriesAsRateLimit('quota', 0);

    // Assess
    expect(retried).toBe(false);
  });

  it('retries an unrecognised one only while the task has had fewer retries than the bound', () => {
    // Act
    const retried = Array.from(
      { length: unrecognisedLimitRetries + 2 },
      (_, count) => retriesAsRateLimit('unrecognised', count),
    );

    // Assess
    expect(retried.filter(Boolean)).toHaveLength(unrecognisedLimitRetries);
    expect(retried.indexOf(false)).toBe(unrecognisedLimitRetries);
  });
});

describe('limitExceededAfterRetries', () => {
  const service = new Error('Limit exceeded');
  const unrecognised = new PersonalizeLimitExceededError(
    'CreateDatasetGroup failed: LimitExceededException: Limit exceeded',
    { cause: service, recognised: false },
  );

  it('throws an unrecognised one as throttling while retries remain, keeping the service error as cause', () => {
    // Act
    const error = limitExceededAfterRetries(unrecognised, 0);

    // Assess
    expect(error).toBeInstanceOf(PersonalizeThrottledError);
    expect(error).toMatchObject({
      cause: service,
      message: expect.stringContaining(
        `Limit exceeded (its message names neither a request rate nor a quota: retried as rate-limited, retry 1 of ${unrecognisedLimitRetries}`,
      ),
    });
  });

  it('lets an unrecognised one end the run as the quota once the retries are spent', () => {
    // Act
    const error = limitExceededAfterRetries(
      unrecognised,
      unrecognisedLimitRetries,
    );

    // Assess
    expect(error).toBe(unrecognised);
  });

  it('leaves a recognised quota and any other error as they are', () => {
    // Prepare
    const quota = new PersonalizeLimitExceededError('quota');
    const other = new TypeError('boom');

    // Act
    const errors = [quota, other].map((error) =>
      limitExceededAfterRetries(error, 0),
    );

    // Assess
    expect(errors).toEqual([quota, other]);
    expect(errors[0]).toBe(quota);
  });
});
