import type { GroupChildPersistence } from '#local/personalize/child-persistence.ts';
import type {
  DatasetPersistence,
  RecordPersistence,
} from '#local/personalize/dataset-persistence.ts';
import type { StackDatabase } from './stack-database.ts';

/** One row per record, as JSON, keyed by its ARN in `keyColumn`. */
const jsonRows = <T>(
  database: StackDatabase,
  table: string,
  keyColumn: string,
  keyOf: (record: T) => string,
): RecordPersistence<T> => {
  const db = database.connection;
  const upsert = db.prepare(
    `INSERT INTO ${table} (${keyColumn}, record) VALUES (?, ?)
     ON CONFLICT (${keyColumn}) DO UPDATE SET record = excluded.record`,
  );
  const remove = db.prepare(`DELETE FROM ${table} WHERE ${keyColumn} = ?`);
  return {
    load: () =>
      (
        db.prepare(`SELECT record FROM ${table}`).all() as Array<{
          record: string;
        }>
      ).map((row) => JSON.parse(row.record) as T),
    save: (record) => {
      upsert.run(keyOf(record), JSON.stringify(record));
    },
    remove: (arn) => {
      remove.run(arn);
    },
    clear: () => {
      db.exec(`DELETE FROM ${table}`);
    },
  };
};

/** The emulator's schemas, datasets and dataset import jobs. */
export const datasetRows = (database: StackDatabase): DatasetPersistence => ({
  schemas: jsonRows(
    database,
    'schemas',
    'schema_arn',
    (schema) => schema.schemaArn,
  ),
  datasets: jsonRows(
    database,
    'datasets',
    'dataset_arn',
    (dataset) => dataset.datasetArn,
  ),
  importJobs: jsonRows(
    database,
    'dataset_import_jobs',
    'dataset_import_job_arn',
    (job) => job.datasetImportJobArn,
  ),
});

/** The resources of the emulator's dataset groups, a table per kind. */
export const groupChildRows = (
  database: StackDatabase,
): GroupChildPersistence => {
  const rows = <T extends { arn: string }>(table: string) =>
    jsonRows<T>(database, table, 'arn', (record) => record.arn);
  return {
    eventTracker: rows('event_trackers'),
    filter: rows('filters'),
    solution: rows('solutions'),
    solutionVersion: rows('solution_versions'),
    campaign: rows('campaigns'),
    recommender: rows('recommenders'),
    metricAttribution: rows('metric_attributions'),
  };
};
