import {
  CreateDatasetGroupCommand,
  DescribeDatasetGroupCommand,
  LimitExceededException,
  ListDatasetGroupsCommand,
  ListTagsForResourceCommand,
  PersonalizeClient,
  PersonalizeServiceException,
  ResourceAlreadyExistsException,
} from '@aws-sdk/client-personalize';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unrecognisedLimitRetries } from '#commons/clients/limit-exceeded.ts';
import { metrics } from '#commons/powertools/metrics.ts';
import { handler } from '#functions/create-dataset-group.ts';
import { lambdaContext } from '#test/helpers/lambda-context.ts';

const arn = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme';
const taskInput = (request: unknown) => ({
  request,
  executionName: 'execution-1',
  executionStartTime: new Date().toISOString(),
});
const serviceError = (name: string, status: number) =>
  new PersonalizeServiceException({
    name,
    message: `${name} from the service`,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });

describe('create-dataset-group handler', () => {
  const personalize = mockClient(PersonalizeClient);

  afterEach(() => {
    personalize.reset();
    vi.clearAllMocks();
  });

  it('creates the group and schedules the first poll when the request is valid', async () => {
    // Prepare
    personalize
      .on(CreateDatasetGroupCommand)
      .resolves({ datasetGroupArn: arn });

    // Act
    const output = await handler(
      taskInput({ name: 'acme', domain: 'ECOMMERCE', correlationId: 'c' }),
      lambdaContext,
    );

    // Assess
    expect(personalize).toHaveReceivedCommandWith(CreateDatasetGroupCommand, {
      name: 'acme',
      domain: 'ECOMMERCE',
    });
    expect(
      personalize.commandCalls(CreateDatasetGroupCommand)[0]?.args[0].input,
    ).not.toHaveProperty('correlationId');
    expect(output).toMatchObject({
      correlationId: 'c',
      alreadyExisted: false,
      progress: {
        outcome: 'IN_PROGRESS',
        attempt: 0,
        waitSeconds: 2,
        datasetGroup: {
          name: 'acme',
          datasetGroupArn: arn,
          status: 'CREATE PENDING',
        },
      },
    });
  });

  it('rejects an invalid request without calling Personalize', async () => {
    // Act
    const attempt = handler(taskInput({ name: 'bad name!' }), lambdaContext);

    // Assess
    await expect(attempt).rejects.toMatchObject({
      name: 'InvalidDatasetGroupRequestError',
      issues: [{ field: 'name', message: expect.stringContaining('pattern') }],
    });
    expect(personalize).not.toHaveReceivedAnyCommand();
  });

  it('adopts an identical existing group when the name is taken', async () => {
    // Prepare
    personalize
      .on(CreateDatasetGroupCommand)
      .rejects(
        new ResourceAlreadyExistsException({
          message: 'exists',
          $metadata: {},
        }),
      )
      .on(ListDatasetGroupsCommand)
      .resolves({ datasetGroups: [{ name: 'acme', datasetGroupArn: arn }] })
      .on(DescribeDatasetGroupCommand)
      .resolves({
        datasetGroup: {
          name: 'acme',
          datasetGroupArn: arn,
          status: 'ACTIVE',
          creationDateTime: new Date('2026-11-24T10:00:00Z'),
        },
      })
      .on(ListTagsForResourceCommand)
      .resolves({ tags: [] });

    // Act
    const output = await handler(taskInput({ name: 'acme' }), lambdaContext);

    // Assess
    expect(output).toMatchObject({
      correlationId: 'execution-1',
      alreadyExisted: true,
      progress: {
        outcome: 'ACTIVE',
        waitSeconds: 0,
        datasetGroup: {
          status: 'ACTIVE',
          creationDateTime: '2026-11-24T10:00:00.000Z',
        },
      },
    });
  });

  it('refuses an existing group with another domain', async () => {
    // Prepare
    personalize
      .on(CreateDatasetGroupCommand)
      .rejects(
        new ResourceAlreadyExistsException({
          message: 'exists',
          $metadata: {},
        }),
      )
      .on(ListDatasetGroupsCommand)
      .resolves({ datasetGroups: [{ name: 'acme', datasetGroupArn: arn }] })
      .on(DescribeDatasetGroupCommand)
      .resolves({
        datasetGroup: {
          name: 'acme',
          datasetGroupArn: arn,
          status: 'ACTIVE',
          domain: 'VIDEO_ON_DEMAND',
        },
      })
      .on(ListTagsForResourceCommand)
      .resolves({ tags: [] });

    // Act
    const attempt = handler(taskInput({ name: 'acme' }), lambdaContext);

    // Assess
    await expect(attempt).rejects.toMatchObject({
      name: 'DatasetGroupConfigurationMismatchError',
      message: expect.stringContaining('domain is "VIDEO_ON_DEMAND"'),
    });
  });

  it.each([
    [serviceError('ThrottlingException', 400), 'PersonalizeThrottledError'],
    [serviceError('InternalFailure', 500), 'PersonalizeUnavailableError'],
    [serviceError('ServiceUnavailable', 503), 'PersonalizeUnavailableError'],
    [
      new LimitExceededException({
        message: 'quota',
        $metadata: { httpStatusCode: 400 },
      }),
      'PersonalizeLimitExceededError',
    ],
  ])('maps %s to %s so the state machine can decide', async (error, name) => {
    // Prepare
    personalize.on(CreateDatasetGroupCommand).rejects(error);

    // Act
    const attempt = handler(taskInput({ name: 'acme' }), lambdaContext);

    // Assess
    await expect(attempt).rejects.toMatchObject({ name, cause: error });
  });

  it.each([
    [0, 'PersonalizeThrottledError'],
    [unrecognisedLimitRetries - 1, 'PersonalizeThrottledError'],
    [unrecognisedLimitRetries, 'PersonalizeLimitExceededError'],
  ])(
    'throws a LimitExceededException it cannot classify, after %i retries, as %s',
    async (retryCount, name) => {
      // Prepare
      const error = new LimitExceededException({
        message: 'Limit exceeded',
        $metadata: { httpStatusCode: 400 },
      });
      personalize.on(CreateDatasetGroupCommand).rejects(error);

      // Act
      const attempt = handler(
        { ...taskInput({ name: 'acme' }), retryCount },
        lambdaContext,
      );

      // Assess
      await expect(attempt).rejects.toMatchObject({ name, cause: error });
    },
  );

  it('fails loudly when the state machine passes a malformed task input', async () => {
    // Act
    const attempt = handler({ request: { name: 'acme' } }, lambdaContext);

    // Assess
    await expect(attempt).rejects.toMatchObject({
      name: 'InvalidTaskInputError',
      message:
        'Invalid CreateDatasetGroup task input: executionName must be a non-empty string; executionStartTime must be an ISO-8601 timestamp',
    });
    expect(personalize).not.toHaveReceivedAnyCommand();
  });

  it('records the rejected request and the failed creation as metrics', async () => {
    // Prepare
    const addMetric = vi.spyOn(metrics, 'addMetric');

    // Act
    const attempt = handler(taskInput({ name: '' }), lambdaContext);

    // Assess
    await expect(attempt).rejects.toThrow('name');
    expect(addMetric.mock.calls).toEqual([
      ['DatasetGroupCreationRequested', 'Count', 1],
      ['RequestRejected', 'Count', 1],
      ['DatasetGroupCreationFailed', 'Count', 1],
    ]);
  });
});
