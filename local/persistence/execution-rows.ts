import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type {
  ExecutionPersistence,
  LoadedExecution,
  StoredExecution,
} from '#local/stepfunctions/execution-persistence.ts';
import type { StackDatabase } from './stack-database.ts';

/** A history event as JSON: its timestamp as epoch milliseconds. */
const toJson = (event: HistoryEvent): string =>
  JSON.stringify({ ...event, timestamp: event.timestamp?.getTime() });

const fromJson = (text: string): HistoryEvent => {
  const parsed = JSON.parse(text) as HistoryEvent & { timestamp?: number };
  return {
    ...parsed,
    ...(parsed.timestamp !== undefined && {
      timestamp: new Date(parsed.timestamp),
    }),
  };
};

/** Executions (one row each) and their history events (one row each). */
export const executionRows = (
  database: StackDatabase,
): ExecutionPersistence => {
  const db = database.connection;
  const upsert = db.prepare(
    `INSERT INTO executions (execution_arn, sequence, record) VALUES (?, ?, ?)
     ON CONFLICT (execution_arn) DO UPDATE SET record = excluded.record`,
  );
  const appendEvent = db.prepare(
    'INSERT OR REPLACE INTO history_events (execution_arn, id, event) VALUES (?, ?, ?)',
  );
  const findFact = db.prepare('SELECT value FROM stack_facts WHERE fact = ?');
  const insertFact = db.prepare(
    'INSERT INTO stack_facts (fact, value) VALUES (?, ?)',
  );
  return {
    load: (): LoadedExecution[] => {
      const events = new Map<string, HistoryEvent[]>();
      for (const row of db
        .prepare(
          'SELECT execution_arn, event FROM history_events ORDER BY execution_arn, id',
        )
        .all() as Array<{ execution_arn: string; event: string }>) {
        const list = events.get(row.execution_arn) ?? [];
        list.push(fromJson(row.event));
        events.set(row.execution_arn, list);
      }
      return (
        db
          .prepare('SELECT record FROM executions ORDER BY sequence')
          .all() as Array<{ record: string }>
      ).map((row) => {
        const execution = JSON.parse(row.record) as StoredExecution;
        return {
          execution,
          history: events.get(execution.executionArn) ?? [],
        };
      });
    },
    saveExecution: (execution) => {
      upsert.run(
        execution.executionArn,
        execution.sequence,
        JSON.stringify(execution),
      );
    },
    appendHistoryEvent: (executionArn, event) => {
      appendEvent.run(executionArn, event.id ?? 0, toJson(event));
    },
    stateMachinesCreationDate: (now) => {
      const fact = 'stateMachinesCreationDate';
      const row = findFact.get(fact) as { value: string } | undefined;
      if (row !== undefined) return new Date(row.value);
      insertFact.run(fact, now.toISOString());
      return now;
    },
  };
};
