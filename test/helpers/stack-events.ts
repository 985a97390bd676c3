import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busEventRows } from '#local/persistence/bus-event-rows.ts';
import { StackDatabase } from '#local/persistence/stack-database.ts';
import { type BusEvent, LocalEventBus } from '#local/runtime/event-bus.ts';

export const stackBusName = 'personalize-dataset-groups';

let sequence = 0;

/** A lifecycle event as the stack bus keeps it, at a fixed time. */
export const lifecycleEvent = (
  detailType: string,
  name: string,
  error?: { code: string; message: string },
): BusEvent => ({
  version: '0',
  id: `event-${++sequence}`,
  'detail-type': detailType,
  source: 'personalize.dataset-groups',
  account: '000000000000',
  time: '2026-11-25T10:00:00.000Z',
  region: 'us-east-1',
  resources: [],
  detail: {
    datasetGroup: { name },
    ...(error === undefined ? {} : { error }),
  },
});

/**
 * A local stack database in a new directory, with the stack bus and the
 * default bus writing to it, as `npm run local` has them.
 */
export const stackEventDatabase = (...events: BusEvent[]) => {
  const file = join(mkdtempSync(join(tmpdir(), 'stack-events-')), 'stack.db');
  const database = new StackDatabase(file);
  const bus = new LocalEventBus({
    name: stackBusName,
    store: busEventRows(database, stackBusName),
  });
  const defaultBus = new LocalEventBus({
    name: 'default',
    store: busEventRows(database, 'default'),
  });
  for (const event of events) bus.publishEvent(event);
  return {
    file,
    publish: (event: BusEvent) => bus.publishEvent(event),
    publishOnDefaultBus: (event: BusEvent) => defaultBus.publishEvent(event),
    close: () => database.close(),
  };
};
