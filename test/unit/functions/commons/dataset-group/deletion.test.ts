import { describe, expect, it } from 'vitest';
import type { DatasetGroup } from '#commons/dataset-group/dataset-group.ts';
import { decideDeletionProgress } from '#commons/dataset-group/deletion-progress.ts';
import { defaultPollSchedule } from '#commons/dataset-group/poll-schedule.ts';
import { startDatasetGroupDeletion } from '#commons/dataset-group/start-deletion.ts';
import {
  DatasetGroupInUseError,
  DatasetGroupNotFoundError,
} from '#commons/errors.ts';
import { InMemoryDatasetGroupApi } from '#test/helpers/in-memory-dataset-group-api.ts';

const group = (status: string): DatasetGroup => ({
  name: 'acme',
  datasetGroupArn:
    'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
  status,
});

describe('decideDeletionProgress', () => {
  it('settles as DELETED once the group is gone', () => {
    // Act
    const progress = decideDeletionProgress(
      group('DELETE PENDING'),
      true,
      { attempt: 3, elapsedSeconds: 6 },
      6,
      defaultPollSchedule,
    );

    // Assess
    expect(progress).toMatchObject({ outcome: 'DELETED', waitSeconds: 0 });
  });

  it.each(['DELETE PENDING', 'DELETE IN_PROGRESS'])(
    'waits again while the group is %s',
    (status) => {
      // Act
      const progress = decideDeletionProgress(
        group(status),
        false,
        { attempt: 1, elapsedSeconds: 2 },
        2,
        defaultPollSchedule,
      );

      // Assess
      expect(progress).toMatchObject({
        outcome: 'IN_PROGRESS',
        waitSeconds: 2,
        elapsedSeconds: 4,
      });
    },
  );

  it('fails with DatasetGroupDeletionTimedOut at the deadline', () => {
    // Act
    const progress = decideDeletionProgress(
      group('DELETE PENDING'),
      false,
      { attempt: 70, elapsedSeconds: 7_200 },
      100,
      defaultPollSchedule,
    );

    // Assess
    expect(progress.outcome).toBe('FAILED');
    expect(progress.error?.code).toBe('DatasetGroupDeletionTimedOut');
  });

  it('fails with DatasetGroupDeletionFailed when the group leaves deletion', () => {
    // Act
    const progress = decideDeletionProgress(
      { ...group('ACTIVE'), failureReason: 'datasets were added' },
      false,
      { attempt: 2, elapsedSeconds: 4 },
      4,
      defaultPollSchedule,
    );

    // Assess
    expect(progress.error).toEqual({
      code: 'DatasetGroupDeletionFailed',
      message:
        'Dataset group acme left deletion in status ACTIVE: datasets were added',
    });
  });
});

describe('startDatasetGroupDeletion', () => {
  it('deletes an ACTIVE group and reports it DELETE PENDING', async () => {
    // Prepare
    const api = new InMemoryDatasetGroupApi();
    api.seed(group('ACTIVE'));

    // Act
    const result = await startDatasetGroupDeletion({ name: 'acme' }, api);

    // Assess
    expect(result).toMatchObject({
      alreadyDeleting: false,
      datasetGroup: { status: 'DELETE PENDING' },
    });
    expect(api.deleteCalls).toBe(1);
  });

  it('joins a deletion already underway without deleting again', async () => {
    // Prepare
    const api = new InMemoryDatasetGroupApi();
    api.seed(group('DELETE PENDING'));

    // Act
    const result = await startDatasetGroupDeletion({ name: 'acme' }, api);

    // Assess
    expect(result.alreadyDeleting).toBe(true);
    expect(api.deleteCalls).toBe(0);
  });

  it('throws DatasetGroupNotFoundError for a group that does not exist', async () => {
    // Act
    const attempt = startDatasetGroupDeletion(
      { name: 'acme' },
      new InMemoryDatasetGroupApi(),
    );

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(DatasetGroupNotFoundError);
  });

  it('reports a group gone when a repeated attempt no longer finds it', async () => {
    // Prepare
    const api = new InMemoryDatasetGroupApi();

    // Act
    const result = await startDatasetGroupDeletion({ name: 'acme' }, api, {
      repeated: true,
    });

    // Assess
    expect(result).toEqual({
      datasetGroup: { name: 'acme' },
      alreadyDeleting: true,
      gone: true,
    });
    expect(api.deleteCalls).toBe(0);
  });

  it('throws DatasetGroupInUseError with the service message when refused', async () => {
    // Prepare
    const api = new InMemoryDatasetGroupApi();
    api.seed(group('ACTIVE'));
    api.inUse.add('acme');

    // Act
    const attempt = startDatasetGroupDeletion({ name: 'acme' }, api);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(DatasetGroupInUseError);
    await expect(attempt).rejects.toThrow(
      'Personalize refused to delete dataset group acme (status ACTIVE): Dataset group acme still contains datasets',
    );
  });
});
