import {
  CreateDatasetGroupCommand,
  DeleteDatasetGroupCommand,
  DescribeDatasetGroupCommand,
  InvalidInputException,
  InvalidNextTokenException,
  LimitExceededException,
  ListDatasetGroupsCommand,
  ListTagsForResourceCommand,
  PersonalizeClient,
  PersonalizeServiceException,
  paginateListDatasetGroups,
  ResourceAlreadyExistsException,
  ResourceInUseException,
  ResourceNotFoundException,
  TagResourceCommand,
  TooManyTagKeysException,
  TooManyTagsException,
  UntagResourceCommand,
} from '@aws-sdk/client-personalize';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createManualClock,
  type ManualClock,
  type RunningPersonalizeEmulator,
  requestRateMessage,
  smithyErrorStatuses,
  startPersonalizeEmulator,
} from '#local/personalize/index.ts';

/**
 * The emulator as the real @aws-sdk/client-personalize sees it: every
 * operation, every modelled error class, pagination and dates. Time is a
 * manual clock, so the lifecycle is exact.
 */
const arnOf = (name: string, region = 'us-east-1') =>
  `arn:aws:personalize:${region}:000000000000:dataset-group/${name}`;

const clientFor = (endpoint: string, region = 'us-east-1') =>
  new PersonalizeClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });

const lifecycle = { pendingMs: 1_000, inProgressMs: 4_000, deleteMs: 2_000 };

describe('Personalize emulator through @aws-sdk/client-personalize', () => {
  let clock: ManualClock;
  let emulator: RunningPersonalizeEmulator;
  let client: PersonalizeClient;

  beforeAll(async () => {
    clock = createManualClock(Date.UTC(2026, 10, 25, 12));
    emulator = await startPersonalizeEmulator({ clock, lifecycle });
    client = clientFor(emulator.endpoint);
  });

  afterAll(async () => {
    client?.destroy();
    await emulator?.close();
  });

  beforeEach(() => {
    emulator.reset();
  });

  const create = (name: string, extra: Record<string, unknown> = {}) =>
    client.send(new CreateDatasetGroupCommand({ name, ...extra }));

  const describeGroup = async (name: string) => {
    const { datasetGroup } = await client.send(
      new DescribeDatasetGroupCommand({ datasetGroupArn: arnOf(name) }),
    );
    return datasetGroup;
  };

  describe('CreateDatasetGroup and DescribeDatasetGroup', () => {
    it('returns the ARN and the domain, and describes the group with dates', async () => {
      // Act
      const created = await create('shop', { domain: 'ECOMMERCE' });
      const group = await describeGroup('shop');

      // Assess
      expect(created).toMatchObject({
        datasetGroupArn: arnOf('shop'),
        domain: 'ECOMMERCE',
      });
      expect(group).toMatchObject({
        name: 'shop',
        datasetGroupArn: arnOf('shop'),
        status: 'CREATE PENDING',
        domain: 'ECOMMERCE',
      });
      expect(group?.creationDateTime).toBeInstanceOf(Date);
      expect(group?.lastUpdatedDateTime).toBeInstanceOf(Date);
      expect(group?.creationDateTime?.toISOString()).toBe(
        '2026-11-25T12:00:00.000Z',
      );
    });

    it('moves the group through CREATE PENDING and CREATE IN_PROGRESS to ACTIVE on the clock', async () => {
      // Prepare
      await create('timed');
      const statuses: Array<string | undefined> = [];

      // Act
      for (const advanceMs of [0, 999, 1, 3_999, 1]) {
        clock.advance(advanceMs);
        statuses.push((await describeGroup('timed'))?.status);
      }

      // Assess
      expect(statuses).toEqual([
        'CREATE PENDING',
        'CREATE PENDING',
        'CREATE IN_PROGRESS',
        'CREATE IN_PROGRESS',
        'ACTIVE',
      ]);
      const active = await describeGroup('timed');
      expect(active?.lastUpdatedDateTime?.getTime()).toBe(
        (active?.creationDateTime?.getTime() ?? 0) + 5_000,
      );
    });

    it('keeps the KMS key, the role and the tags of the request', async () => {
      // Act
      await create('secure', {
        kmsKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/abc',
        roleArn: 'arn:aws:iam::000000000000:role/personalize-kms',
        tags: [{ tagKey: 'team', tagValue: 'ml' }],
      });

      // Assess
      expect(await describeGroup('secure')).toMatchObject({
        kmsKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/abc',
        roleArn: 'arn:aws:iam::000000000000:role/personalize-kms',
      });
      const { tags } = await client.send(
        new ListTagsForResourceCommand({ resourceArn: arnOf('secure') }),
      );
      expect(tags).toEqual([{ tagKey: 'team', tagValue: 'ml' }]);
    });

    it.each([
      ['an empty name', { name: '' }, /name/],
      ['a name of 64 characters', { name: 'a'.repeat(64) }, /name/],
      ['a name that breaks the pattern', { name: 'bad name!' }, /name/],
      ['an unknown domain', { name: 'x', domain: 'RETAIL' }, /domain/],
      [
        'a KMS key without a role',
        { name: 'x', kmsKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/k' },
        /roleArn/,
      ],
      [
        'a role without a KMS key',
        { name: 'x', roleArn: 'arn:aws:iam::000000000000:role/r' },
        /roleArn/,
      ],
      [
        'a malformed role ARN',
        {
          name: 'x',
          kmsKeyArn: 'arn:aws:kms:us-east-1:000000000000:key/k',
          roleArn: 'not-an-arn',
        },
        /roleArn/,
      ],
      [
        'a reserved tag key',
        { name: 'x', tags: [{ tagKey: 'aws:owner', tagValue: 'me' }] },
        /aws:/,
      ],
      [
        'duplicate tag keys',
        {
          name: 'x',
          tags: [
            { tagKey: 'k', tagValue: '1' },
            { tagKey: 'k', tagValue: '2' },
          ],
        },
        /unique/,
      ],
    ])('rejects %s with InvalidInputException', async (_, input, message) => {
      // Act
      const attempt = client.send(
        new CreateDatasetGroupCommand(input as never),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputException);
      await expect(attempt).rejects.toThrow(message);
      expect(emulator.datasetGroups()).toEqual([]);
    });

    it('accepts a name of 63 characters, the longest allowed', async () => {
      // Act
      const created = await create('a'.repeat(63));

      // Assess
      expect(created.datasetGroupArn).toBe(arnOf('a'.repeat(63)));
    });

    it('refuses a second group of the same name with ResourceAlreadyExistsException', async () => {
      // Prepare
      await create('dup');

      // Act
      const attempt = create('dup');

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(
        ResourceAlreadyExistsException,
      );
    });

    it('enforces the quota of active groups with LimitExceededException naming the quota', async () => {
      // Prepare
      for (const index of [1, 2, 3, 4, 5]) await create(`q${index}`);

      // Act
      const attempt = create('q6');

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(LimitExceededException);
      await expect(attempt).rejects.toMatchObject({
        message: 'You have reached the limit of 5 dataset groups in us-east-1',
      });
      expect(emulator.datasetGroups()).toHaveLength(5);
    });

    it('does not count CREATE FAILED groups toward the quota', async () => {
      // Prepare
      emulator.faults.createFailed({ match: /^failed-/ });
      for (const index of [1, 2, 3, 4, 5]) await create(`failed-${index}`);
      clock.advance(5_000);

      // Act
      const created = await create('fits');

      // Assess
      expect(created.datasetGroupArn).toBe(arnOf('fits'));
    });

    it('refuses more than 50 tags with TooManyTagsException', async () => {
      // Prepare
      const tags = Array.from({ length: 51 }, (_, index) => ({
        tagKey: `k${index}`,
        tagValue: 'v',
      }));

      // Act
      const attempt = create('tagged', { tags });

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(TooManyTagsException);
    });

    it('answers ResourceNotFoundException for a group that does not exist', async () => {
      // Act
      const attempt = describeGroup('missing');

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceNotFoundException);
    });

    it('scopes groups to the region of the SigV4 credential', async () => {
      // Prepare
      const west = clientFor(emulator.endpoint, 'eu-west-1');

      // Act
      const created = await west.send(
        new CreateDatasetGroupCommand({ name: 'regional' }),
      );
      const inEast = await client.send(new ListDatasetGroupsCommand({}));
      west.destroy();

      // Assess
      expect(created.datasetGroupArn).toBe(arnOf('regional', 'eu-west-1'));
      expect(inEast.datasetGroups).toEqual([]);
    });
  });

  describe('fault injection', () => {
    it('ends a matching creation CREATE FAILED with its failureReason', async () => {
      // Prepare
      emulator.faults.createFailed({
        match: 'broken',
        failureReason: 'Role cannot use the key',
      });
      await create('broken');
      await create('fine');

      // Act
      clock.advance(5_000);

      // Assess
      expect(await describeGroup('broken')).toMatchObject({
        status: 'CREATE FAILED',
        failureReason: 'Role cannot use the key',
      });
      expect((await describeGroup('fine'))?.status).toBe('ACTIVE');
    });

    it('keeps a never-active group in CREATE IN_PROGRESS', async () => {
      // Prepare
      emulator.faults.neverActive({ match: 'stuck' });
      await create('stuck');

      // Act
      clock.advance(24 * 60 * 60 * 1_000);

      // Assess
      expect((await describeGroup('stuck'))?.status).toBe('CREATE IN_PROGRESS');
    });

    it('refuses the next calls with LimitExceededException and the model’s rate-limit message by default', async () => {
      // Prepare
      emulator.faults.throttle({ count: 2, operation: 'ListDatasetGroups' });

      // Act
      const first = await client
        .send(new ListDatasetGroupsCommand({}))
        .catch((error: unknown) => error);
      const second = await client
        .send(new ListDatasetGroupsCommand({}))
        .catch((error: unknown) => error);
      const third = await client.send(new ListDatasetGroupsCommand({}));

      // Assess
      expect(first).toBeInstanceOf(LimitExceededException);
      expect(second).toMatchObject({
        name: 'LimitExceededException',
        message: requestRateMessage,
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      });
      expect(requestRateMessage).toBe(
        'The limit on the number of requests per second has been exceeded.',
      );
      expect(third.datasetGroups).toEqual([]);
      expect(emulator.stats().faults.throttle).toBe(2);
    });

    it('throttles with the unmodelled ThrottlingException when asked to', async () => {
      // Prepare
      emulator.faults.throttle({
        count: 1,
        operation: 'ListDatasetGroups',
        error: 'ThrottlingException',
      });

      // Act
      const throttled = await client
        .send(new ListDatasetGroupsCommand({}))
        .catch((error: unknown) => error);

      // Assess
      expect(throttled).toBeInstanceOf(PersonalizeServiceException);
      expect(throttled).not.toBeInstanceOf(LimitExceededException);
      expect(throttled).toMatchObject({
        name: 'ThrottlingException',
        message: 'Rate exceeded',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      });
      expect(emulator.stats().faults.throttle).toBe(1);
    });

    it('answers a throttle with the message it is given', async () => {
      // Prepare
      emulator.faults.throttle({
        operation: 'CreateDatasetGroup',
        message: 'Something else was exceeded',
      });

      // Act
      const refused = await create('worded').catch((error: unknown) => error);

      // Assess
      expect(refused).toBeInstanceOf(LimitExceededException);
      expect(refused).toMatchObject({ message: 'Something else was exceeded' });
      expect(emulator.datasetGroups()).toEqual([]);
    });

    it('is retried by the SDK as throttling when it answers LimitExceededException', async () => {
      // Prepare: the SDK's standard mode retries LimitExceededException
      // (a THROTTLING_ERROR_CODES name), waiting up to 1 s before the
      // second attempt.
      const retrying = new PersonalizeClient({
        endpoint: emulator.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        maxAttempts: 2,
      });
      emulator.faults.throttle({ count: 1, operation: 'ListDatasetGroups' });

      try {
        // Act
        const listed = await retrying.send(new ListDatasetGroupsCommand({}));

        // Assess
        expect(listed.datasetGroups).toEqual([]);
        expect(listed.$metadata.attempts).toBe(2);
        expect(emulator.stats().calls.ListDatasetGroups).toBe(2);
        expect(emulator.stats().faults.throttle).toBe(1);
      } finally {
        retrying.destroy();
      }
    });

    it.each([
      [{ error: 'RequestLimitExceeded' }, /throttling error must be one of/],
      [{ message: 42 }, /throttling message must be a string/],
    ])('refuses a throttle set up with %o', (answer, problem) => {
      // Act
      const setUp = () => emulator.faults.throttle(answer as never);

      // Assess
      expect(setUp).toThrow(problem);
    });

    it('answers 5xx server faults', async () => {
      // Prepare
      emulator.faults.serverError({ status: 503 });

      // Act
      const error = await create('later').catch((caught: unknown) => caught);

      // Assess
      expect(error).toMatchObject({
        name: 'ServiceUnavailable',
        $fault: 'server',
        $metadata: { httpStatusCode: 503 },
      });
      expect(emulator.datasetGroups()).toEqual([]);
    });

    it('resets the connection, which the SDK reports as a network error', async () => {
      // Prepare
      emulator.faults.connectionReset({ operation: 'DescribeDatasetGroup' });
      await create('reset');

      // Act
      const error = await describeGroup('reset').catch(
        (caught: unknown) => caught,
      );

      // Assess
      expect(error).toMatchObject({ code: 'ECONNRESET' });
      expect((await describeGroup('reset'))?.name).toBe('reset');
    });

    it('limits the rate of an operation on the clock with LimitExceededException', async () => {
      // Prepare
      emulator.faults.rateLimit('DescribeDatasetGroup', { tps: 1, burst: 1 });
      await create('rated');

      // Act
      await describeGroup('rated');
      const limited = await describeGroup('rated').catch(
        (caught: unknown) => caught,
      );
      clock.advance(1_000);
      const later = await describeGroup('rated');

      // Assess
      expect(limited).toBeInstanceOf(LimitExceededException);
      expect(limited).toMatchObject({ message: requestRateMessage });
      expect(later?.name).toBe('rated');
      expect(emulator.stats().faults.rateLimit).toBe(1);
      expect(emulator.faults.errorCounts()).toEqual({
        LimitExceededException: 1,
      });
      emulator.faults.rateLimit('DescribeDatasetGroup', undefined);
    });

    it('limits the rate with ThrottlingException when asked to', async () => {
      // Prepare
      emulator.faults.rateLimit('ListDatasetGroups', {
        tps: 1,
        burst: 1,
        error: 'ThrottlingException',
      });

      // Act
      await client.send(new ListDatasetGroupsCommand({}));
      const limited = await client
        .send(new ListDatasetGroupsCommand({}))
        .catch((caught: unknown) => caught);

      // Assess
      expect(limited).toBeInstanceOf(PersonalizeServiceException);
      expect(limited).toMatchObject({
        name: 'ThrottlingException',
        message: 'Rate exceeded',
      });
      expect(emulator.stats().faults.rateLimit).toBe(1);
      expect(emulator.faults.errorCounts()).toEqual({
        ThrottlingException: 1,
      });
      emulator.faults.rateLimit('ListDatasetGroups', undefined);
    });
  });

  describe('ListDatasetGroups', () => {
    it('pages newest first through paginateListDatasetGroups', async () => {
      // Prepare
      const names = Array.from({ length: 5 }, (_, index) => `page-${index}`);
      for (const name of names) {
        await create(name);
        clock.advance(10);
      }

      // Act
      const pages = [];
      for await (const page of paginateListDatasetGroups(
        { client, pageSize: 2 },
        {},
      )) {
        pages.push(page);
      }

      // Assess
      expect(pages.map((page) => page.datasetGroups?.length)).toEqual([
        2, 2, 1,
      ]);
      expect(pages.at(-1)?.nextToken).toBeUndefined();
      const listed = pages.flatMap((page) => page.datasetGroups ?? []);
      expect(listed.map((summary) => summary.name)).toEqual(
        [...names].reverse(),
      );
      expect(listed[0]?.creationDateTime).toBeInstanceOf(Date);
      expect(listed[0]).toMatchObject({
        datasetGroupArn: arnOf('page-4'),
        status: 'CREATE PENDING',
      });
    });

    it('rejects a nextToken it did not issue with InvalidNextTokenException', async () => {
      // Act
      const attempt = client.send(
        new ListDatasetGroupsCommand({ nextToken: 'forged' }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidNextTokenException);
    });

    it('rejects maxResults above 100 with InvalidInputException', async () => {
      // Act
      const attempt = client.send(
        new ListDatasetGroupsCommand({ maxResults: 101 }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidInputException);
    });
  });

  describe('DeleteDatasetGroup', () => {
    it('moves an ACTIVE group to DELETE PENDING, then forgets it', async () => {
      // Prepare
      await create('doomed');
      clock.advance(5_000);

      // Act
      const output = await client.send(
        new DeleteDatasetGroupCommand({ datasetGroupArn: arnOf('doomed') }),
      );
      const pending = await describeGroup('doomed');
      clock.advance(2_000);
      const gone = describeGroup('doomed');

      // Assess
      expect(output.$metadata.httpStatusCode).toBe(200);
      expect(pending?.status).toBe('DELETE PENDING');
      await expect(gone).rejects.toBeInstanceOf(ResourceNotFoundException);
    });

    it('refuses with ResourceInUseException while the group is being created', async () => {
      // Prepare
      await create('young');

      // Act
      const attempt = client.send(
        new DeleteDatasetGroupCommand({ datasetGroupArn: arnOf('young') }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceInUseException);
    });

    it('refuses with ResourceInUseException while the group holds datasets', async () => {
      // Prepare
      await create('full');
      clock.advance(5_000);
      emulator.markHasDatasets('full', true);

      // Act
      const attempt = client.send(
        new DeleteDatasetGroupCommand({ datasetGroupArn: arnOf('full') }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceInUseException);
      await expect(attempt).rejects.toThrow(/datasets/);
    });

    it('answers ResourceNotFoundException for a group that does not exist', async () => {
      // Act
      const attempt = client.send(
        new DeleteDatasetGroupCommand({ datasetGroupArn: arnOf('nobody') }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceNotFoundException);
    });
  });

  describe('tags', () => {
    it('adds, lists and removes tags', async () => {
      // Prepare
      await create('tagged', { tags: [{ tagKey: 'a', tagValue: '1' }] });
      const resourceArn = arnOf('tagged');

      // Act
      await client.send(
        new TagResourceCommand({
          resourceArn,
          tags: [
            { tagKey: 'a', tagValue: '2' },
            { tagKey: 'b', tagValue: '3' },
          ],
        }),
      );
      const afterTag = await client.send(
        new ListTagsForResourceCommand({ resourceArn }),
      );
      await client.send(
        new UntagResourceCommand({ resourceArn, tagKeys: ['a'] }),
      );
      const afterUntag = await client.send(
        new ListTagsForResourceCommand({ resourceArn }),
      );

      // Assess
      expect(afterTag.tags).toEqual([
        { tagKey: 'a', tagValue: '2' },
        { tagKey: 'b', tagValue: '3' },
      ]);
      expect(afterUntag.tags).toEqual([{ tagKey: 'b', tagValue: '3' }]);
    });

    it('refuses tags that would exceed 50 with TooManyTagsException', async () => {
      // Prepare
      const tags = Array.from({ length: 50 }, (_, index) => ({
        tagKey: `k${index}`,
        tagValue: 'v',
      }));
      await create('crowded', { tags });

      // Act
      const attempt = client.send(
        new TagResourceCommand({
          resourceArn: arnOf('crowded'),
          tags: [{ tagKey: 'one-more', tagValue: 'v' }],
        }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(TooManyTagsException);
    });

    it('refuses more than 50 tag keys to remove with TooManyTagKeysException', async () => {
      // Prepare
      await create('untag');

      // Act
      const attempt = client.send(
        new UntagResourceCommand({
          resourceArn: arnOf('untag'),
          tagKeys: Array.from({ length: 51 }, (_, index) => `k${index}`),
        }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(TooManyTagKeysException);
    });

    it('answers ResourceNotFoundException for tags of a group that does not exist', async () => {
      // Act
      const attempt = client.send(
        new ListTagsForResourceCommand({ resourceArn: arnOf('ghost') }),
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ResourceNotFoundException);
    });
  });

  describe('wire protocol', () => {
    it('answers an unknown operation with UnknownOperationException', async () => {
      // Act
      const response = await fetch(emulator.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AmazonPersonalize.CreateBatchInferenceJob',
        },
        body: '{}',
      });

      // Assess
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        __type: 'UnknownOperationException',
      });
    });

    it('answers a body that is not JSON with SerializationException', async () => {
      // Act
      const response = await fetch(emulator.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AmazonPersonalize.ListDatasetGroups',
        },
        body: '{not json',
      });

      // Assess
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe(
        'SerializationException',
      );
    });

    it('counts calls per operation', async () => {
      // Prepare
      emulator.resetStats();

      // Act
      await create('counted');
      await describeGroup('counted');
      await describeGroup('counted');

      // Assess
      expect(emulator.stats().calls).toMatchObject({
        CreateDatasetGroup: 1,
        DescribeDatasetGroup: 2,
        ListDatasetGroups: 0,
      });
    });
  });
});

describe('Personalize emulator with the Smithy error statuses', () => {
  it('still maps every modelled error to its SDK class', async () => {
    // Prepare
    const emulator = await startPersonalizeEmulator({
      errorStatuses: smithyErrorStatuses,
      quota: 1,
    });
    const client = clientFor(emulator.endpoint);
    await client.send(new CreateDatasetGroupCommand({ name: 'one' }));

    try {
      // Act
      const duplicate = client.send(
        new CreateDatasetGroupCommand({ name: 'one' }),
      );
      const overQuota = client.send(
        new CreateDatasetGroupCommand({ name: 'two' }),
      );
      const missing = client.send(
        new DescribeDatasetGroupCommand({ datasetGroupArn: arnOf('none') }),
      );

      // Assess
      await expect(duplicate).rejects.toMatchObject({
        name: 'ResourceAlreadyExistsException',
        $metadata: { httpStatusCode: 403 },
      });
      await expect(overQuota).rejects.toBeInstanceOf(LimitExceededException);
      await expect(missing).rejects.toMatchObject({
        name: 'ResourceNotFoundException',
        $metadata: { httpStatusCode: 404 },
      });
    } finally {
      client.destroy();
      await emulator.close();
    }
  });
});
