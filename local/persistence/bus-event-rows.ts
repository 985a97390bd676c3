import type { BusEvent, BusEventStore } from '#local/runtime/event-bus.ts';
import type { StackDatabase } from './stack-database.ts';

/** One bus's events, in the order they were published, as JSON. */
export const busEventRows = (
  database: StackDatabase,
  busName: string,
): BusEventStore => {
  const db = database.connection;
  const insert = db.prepare(
    'INSERT INTO bus_events (bus_name, event) VALUES (?, ?)',
  );
  return {
    load: () =>
      (
        db
          .prepare(
            'SELECT event FROM bus_events WHERE bus_name = ? ORDER BY sequence',
          )
          .all(busName) as Array<{ event: string }>
      ).map((row) => JSON.parse(row.event) as BusEvent),
    append: (event) => {
      insert.run(busName, JSON.stringify(event));
    },
  };
};

/** An event read back from the database, with its place in the log. */
export interface LoggedBusEvent {
  sequence: number;
  busName: string;
  event: BusEvent;
}

/**
 * Every bus's events after `afterSequence`, oldest first (at most `limit`
 * of them): for readers (the CLI, the console) that follow the log.
 */
export const readBusEvents = (
  database: StackDatabase,
  afterSequence = 0,
  limit = -1,
): LoggedBusEvent[] =>
  (
    database.connection
      .prepare(
        'SELECT sequence, bus_name, event FROM bus_events WHERE sequence > ? ORDER BY sequence LIMIT ?',
      )
      .all(afterSequence, limit) as Array<{
      sequence: number;
      bus_name: string;
      event: string;
    }>
  ).map((row) => ({
    sequence: row.sequence,
    busName: row.bus_name,
    event: JSON.parse(row.event) as BusEvent,
  }));
