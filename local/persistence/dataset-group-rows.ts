import type {
  DatasetGroupPersistence,
  StoredDatasetGroup,
} from '#local/personalize/dataset-group-persistence.ts';
import type { StackDatabase } from './stack-database.ts';

/** The emulator's dataset groups, one row each, as JSON. */
export const datasetGroupRows = (
  database: StackDatabase,
): DatasetGroupPersistence => {
  const db = database.connection;
  const upsert = db.prepare(
    `INSERT INTO dataset_groups (dataset_group_arn, record) VALUES (?, ?)
     ON CONFLICT (dataset_group_arn) DO UPDATE SET record = excluded.record`,
  );
  const remove = db.prepare(
    'DELETE FROM dataset_groups WHERE dataset_group_arn = ?',
  );
  return {
    load: () =>
      (
        db.prepare('SELECT record FROM dataset_groups').all() as Array<{
          record: string;
        }>
      ).map((row) => JSON.parse(row.record) as StoredDatasetGroup),
    save: (group) => {
      upsert.run(group.datasetGroupArn, JSON.stringify(group));
    },
    remove: (datasetGroupArn) => {
      remove.run(datasetGroupArn);
    },
    clear: () => {
      db.exec('DELETE FROM dataset_groups');
    },
  };
};
