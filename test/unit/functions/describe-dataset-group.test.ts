import {
  DescribeDatasetGroupCommand,
  PersonalizeClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-personalize';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { metrics } from '#commons/powertools/metrics.ts';
import { handler } from '#functions/describe-dataset-group.ts';
import { lambdaContext } from '#test/helpers/lambda-context.ts';

const arn = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme';
const taskInput = (attempt: number, elapsedSeconds: number) => ({
  name: 'acme',
  datasetGroupArn: arn,
  attempt,
  elapsedSeconds,
  executionStartTime: new Date().toISOString(),
});

describe('describe-dataset-group handler', () => {
  const personalize = mockClient(PersonalizeClient);

  afterEach(() => {
    personalize.reset();
    vi.clearAllMocks();
  });

  it('schedules the next poll when the group is still being created', async () => {
    // Prepare
    personalize.on(DescribeDatasetGroupCommand).resolves({
      datasetGroup: {
        name: 'acme',
        datasetGroupArn: arn,
        status: 'CREATE IN_PROGRESS',
      },
    });

    // Act
    const progress = await handler(taskInput(3, 60), lambdaContext);

    // Assess
    expect(personalize).toHaveReceivedCommandWith(DescribeDatasetGroupCommand, {
      datasetGroupArn: arn,
    });
    expect(progress).toMatchObject({
      outcome: 'IN_PROGRESS',
      attempt: 4,
      waitSeconds: 6,
      elapsedSeconds: 66,
    });
  });

  it('settles as ACTIVE with the dates as ISO strings', async () => {
    // Prepare
    personalize.on(DescribeDatasetGroupCommand).resolves({
      datasetGroup: {
        name: 'acme',
        datasetGroupArn: arn,
        status: 'ACTIVE',
        lastUpdatedDateTime: new Date('2026-11-24T10:00:05Z'),
      },
    });

    // Act
    const progress = await handler(taskInput(0, 2), lambdaContext);

    // Assess
    expect(progress).toEqual({
      outcome: 'ACTIVE',
      attempt: 1,
      elapsedSeconds: 2,
      waitSeconds: 0,
      datasetGroup: {
        name: 'acme',
        datasetGroupArn: arn,
        status: 'ACTIVE',
        lastUpdatedDateTime: '2026-11-24T10:00:05.000Z',
      },
    });
  });

  it('settles as FAILED with the failure reason when Personalize reports CREATE FAILED', async () => {
    // Prepare
    personalize.on(DescribeDatasetGroupCommand).resolves({
      datasetGroup: {
        name: 'acme',
        datasetGroupArn: arn,
        status: 'CREATE FAILED',
        failureReason: 'KMS key disabled',
      },
    });

    // Act
    const progress = await handler(taskInput(2, 10), lambdaContext);

    // Assess
    expect(progress).toMatchObject({
      outcome: 'FAILED',
      error: {
        code: 'DatasetGroupCreateFailed',
        message: expect.stringContaining('KMS key disabled'),
      },
    });
  });

  it('throws DatasetGroupNotFoundError when the group has disappeared', async () => {
    // Prepare
    personalize
      .on(DescribeDatasetGroupCommand)
      .rejects(
        new ResourceNotFoundException({ message: 'gone', $metadata: {} }),
      );

    // Act
    const attempt = handler(taskInput(1, 4), lambdaContext);

    // Assess
    await expect(attempt).rejects.toMatchObject({
      name: 'DatasetGroupNotFoundError',
    });
  });

  it('records the poll, DatasetGroupCreated and TimeToActive when the group is ACTIVE', async () => {
    // Prepare
    const addMetric = vi.spyOn(metrics, 'addMetric');
    personalize.on(DescribeDatasetGroupCommand).resolves({
      datasetGroup: {
        name: 'acme',
        datasetGroupArn: arn,
        status: 'ACTIVE',
        creationDateTime: new Date('2026-11-25T10:00:00Z'),
        lastUpdatedDateTime: new Date('2026-11-25T10:01:30Z'),
      },
    });

    // Act
    await handler(taskInput(3, 12), lambdaContext);

    // Assess
    expect(addMetric.mock.calls).toEqual([
      ['DatasetGroupPolled', 'Count', 1],
      ['DatasetGroupCreated', 'Count', 1],
      ['TimeToActive', 'Seconds', 90],
    ]);
  });
});
