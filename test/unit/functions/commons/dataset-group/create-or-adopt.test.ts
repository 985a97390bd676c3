import { describe, expect, it } from 'vitest';
import { createOrAdoptDatasetGroup } from '#commons/dataset-group/create-or-adopt.ts';
import {
  DatasetGroupConfigurationMismatchError,
  DatasetGroupNotAdoptableError,
} from '#commons/errors.ts';
import { InMemoryDatasetGroupApi } from '#test/helpers/in-memory-dataset-group-api.ts';

const arn = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme';
const kmsKeyArn = 'arn:aws:kms:us-east-1:123456789012:key/1234';
const roleArn = 'arn:aws:iam::123456789012:role/personalize-kms';

describe('createOrAdoptDatasetGroup', () => {
  it('creates a new group in CREATE PENDING when none has the name', async () => {
    // Prepare
    const api = new InMemoryDatasetGroupApi();

    // Act
    const result = await createOrAdoptDatasetGroup(
      { name: 'acme', domain: 'ECOMMERCE' },
      api,
    );

    // Assess
    expect(result).toEqual({
      alreadyExisted: false,
      datasetGroup: {
        name: 'acme',
        datasetGroupArn: arn,
        status: 'CREATE PENDING',
        domain: 'ECOMMERCE',
      },
    });
  });

  it('adopts an existing group when domain, key, role and tags match', async () => {
    // Prepare
    const api = new InMemoryDatasetGroupApi();
    const existing = {
      name: 'acme',
      datasetGroupArn: arn,
      status: 'CREATE IN_PROGRESS',
      kmsKeyArn,
      roleArn,
    };
    api.seed(existing, [
      { tagKey: 'team', tagValue: 'ml' },
      { tagKey: 'extra', tagValue: 'kept' },
    ]);

    // Act
    const result = await createOrAdoptDatasetGroup(
      {
        name: 'acme',
        kmsKeyArn,
        roleArn,
        tags: [{ tagKey: 'team', tagValue: 'ml' }],
      },
      api,
    );

    // Assess
    expect(result).toEqual({ alreadyExisted: true, datasetGroup: existing });
  });

  it.each([
    [
      { domain: 'VIDEO_ON_DEMAND' as const },
      'domain is none, the request asks for "VIDEO_ON_DEMAND"',
    ],
    [{ kmsKeyArn, roleArn }, 'kmsKeyArn is none'],
    [
      { tags: [{ tagKey: 'team', tagValue: 'other' }] },
      'tag "team" is "ml", the request asks for "other"',
    ],
  ])(
    'refuses to adopt a group whose configuration differs (%o)',
    async (difference, expected) => {
      // Prepare
      const api = new InMemoryDatasetGroupApi();
      api.seed({ name: 'acme', datasetGroupArn: arn, status: 'ACTIVE' }, [
        { tagKey: 'team', tagValue: 'ml' },
      ]);

      // Act
      const attempt = createOrAdoptDatasetGroup(
        { name: 'acme', ...difference },
        api,
      );

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(
        DatasetGroupConfigurationMismatchError,
      );
      await expect(attempt).rejects.toThrow(expected);
    },
  );

  it.each(['CREATE FAILED', 'DELETE PENDING'])(
    'refuses to adopt a group in %s',
    async (status) => {
      // Prepare
      const api = new InMemoryDatasetGroupApi();
      api.seed({
        name: 'acme',
        datasetGroupArn: arn,
        status,
        failureReason: 'KMS key unusable',
      });

      // Act
      const attempt = createOrAdoptDatasetGroup({ name: 'acme' }, api);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(
        DatasetGroupNotAdoptableError,
      );
      await expect(attempt).rejects.toThrow(status);
    },
  );
});
