import { describe, expect, it } from 'vitest';
import { toDatasetGroup } from '#commons/dataset-group/dataset-group.ts';

const datasetGroupArn =
  'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme';

describe('toDatasetGroup', () => {
  it('converts every field, Dates to ISO-8601 strings, when all are present', () => {
    // Prepare
    const sdkGroup = {
      name: 'acme',
      datasetGroupArn,
      status: 'CREATE FAILED',
      domain: 'ECOMMERCE' as const,
      roleArn: 'arn:aws:iam::123456789012:role/personalize',
      kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
      creationDateTime: new Date(Date.UTC(2025, 5, 2, 10, 3, 1, 417)),
      lastUpdatedDateTime: new Date(Date.UTC(2025, 5, 2, 10, 4, 9, 882)),
      failureReason: 'KMS key is not accessible',
    };

    // Act
    const datasetGroup = toDatasetGroup(sdkGroup, 'fallback');

    // Assess
    expect(datasetGroup).toStrictEqual({
      name: 'acme',
      datasetGroupArn,
      status: 'CREATE FAILED',
      domain: 'ECOMMERCE',
      roleArn: 'arn:aws:iam::123456789012:role/personalize',
      kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
      creationDateTime: '2025-06-02T10:03:01.417Z',
      lastUpdatedDateTime: '2025-06-02T10:04:09.882Z',
      failureReason: 'KMS key is not accessible',
    });
  });

  it('leaves absent fields out rather than setting them to undefined', () => {
    // Prepare
    const sdkGroup = {
      name: 'acme',
      datasetGroupArn,
      status: 'CREATE PENDING',
      domain: undefined,
      creationDateTime: undefined,
    };

    // Act
    const datasetGroup = toDatasetGroup(sdkGroup, 'fallback');

    // Assess
    expect(datasetGroup).toStrictEqual({
      name: 'acme',
      datasetGroupArn,
      status: 'CREATE PENDING',
    });
    expect(Object.keys(datasetGroup)).toEqual([
      'name',
      'datasetGroupArn',
      'status',
    ]);
  });

  it('uses the fallback name when the SDK group has none', () => {
    // Act
    const datasetGroup = toDatasetGroup({}, 'acme');

    // Assess
    expect(datasetGroup).toStrictEqual({ name: 'acme' });
  });

  it('prefers the SDK name over the fallback when both are given', () => {
    // Act
    const datasetGroup = toDatasetGroup({ name: 'acme' }, 'other');

    // Assess
    expect(datasetGroup.name).toBe('acme');
  });

  it('keeps an empty failure reason, since only absent fields are left out', () => {
    // Act
    const datasetGroup = toDatasetGroup(
      { name: 'acme', failureReason: '' },
      'x',
    );

    // Assess
    expect(datasetGroup).toStrictEqual({ name: 'acme', failureReason: '' });
  });
});
