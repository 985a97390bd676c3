import {
  LimitExceededException,
  PersonalizeServiceException,
} from '@aws-sdk/client-personalize';
import { describe, expect, it } from 'vitest';
import { unrecognisedLimitRetries } from '#commons/clients/limit-exceeded.ts';
import { toWorkflowError } from '#commons/clients/personalize-errors.ts';

const limitExceeded = (message: string) =>
  new LimitExceededException({
    message,
    $metadata: { httpStatusCode: 400 },
  });

const rateMessage =
  'The limit on the number of requests per second has been exceeded.';
const quotaMessage =
  'You have reached the limit of 5 dataset groups in us-east-1';

describe('toWorkflowError', () => {
  it.each([
    'CreateDatasetGroup',
    'DescribeDatasetGroup',
    'ListDatasetGroups',
    'ListTagsForResource',
    'DeleteDatasetGroup',
  ])(
    'maps a rate-limit LimitExceededException on %s to PersonalizeThrottledError',
    (operation) => {
      // Prepare
      const error = limitExceeded(rateMessage);

      // Act
      const mapped = toWorkflowError(error, operation);

      // Assess
      expect(mapped).toMatchObject({
        name: 'PersonalizeThrottledError',
        message: `${operation} failed: LimitExceededException: ${rateMessage} [a request-rate limit]`,
        cause: error,
      });
    },
  );

  it('maps a quota LimitExceededException on CreateDatasetGroup to PersonalizeLimitExceededError naming the quota and how to raise it', () => {
    // Prepare
    const error = limitExceeded(quotaMessage);

    // Act
    const mapped = toWorkflowError(error, 'CreateDatasetGroup');

    // Assess
    expect(mapped).toMatchObject({
      name: 'PersonalizeLimitExceededError',
      recognised: true,
      cause: error,
    });
    expect(mapped.message).toMatch(
      /^CreateDatasetGroup failed: LimitExceededException: You have reached the limit of 5 dataset groups in us-east-1\. /,
    );
    expect(mapped.message).toContain(
      'quota of active dataset groups per region (5 by default, adjustable)',
    );
    expect(mapped.message).toContain('Service Quotas console');
    expect(mapped.message).toContain(
      'aws service-quotas request-service-quota-increase --service-code personalize',
    );
    expect(mapped.message).toContain('delete dataset groups no longer needed');
  });

  it('marks an unrecognised LimitExceededException on CreateDatasetGroup as a quota it could not recognise', () => {
    // Prepare
    const error = limitExceeded('Limit exceeded');

    // Act
    const mapped = toWorkflowError(error, 'CreateDatasetGroup');

    // Assess
    expect(mapped).toMatchObject({
      name: 'PersonalizeLimitExceededError',
      recognised: false,
      cause: error,
    });
    expect(mapped.message).toContain(
      `names neither a request rate nor a quota, so the creation was retried as rate-limited ${unrecognisedLimitRetries} times`,
    );
    expect(mapped.message).toContain('active dataset groups per region');
  });

  it('maps ThrottlingException to PersonalizeThrottledError, as before', () => {
    // Prepare
    const error = new PersonalizeServiceException({
      name: 'ThrottlingException',
      message: 'Rate exceeded',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });

    // Act
    const mapped = toWorkflowError(error, 'CreateDatasetGroup');

    // Assess
    expect(mapped).toMatchObject({
      name: 'PersonalizeThrottledError',
      message: 'CreateDatasetGroup failed: ThrottlingException: Rate exceeded',
    });
  });
});
