/**
 * The events of the stack's buses as the console lists them: pages read
 * from `GET /events?after=N` merged into one list, oldest first, each
 * event once, the newest `limit` kept. Pure.
 */

/**
 * @typedef {{
 *   'detail-type'?: string,
 *   time?: string,
 *   id?: string,
 *   source?: string,
 *   detail?: {
 *     datasetGroup?: { name?: unknown },
 *     dataset?: { name?: unknown, datasetName?: unknown },
 *     request?: { name?: unknown },
 *     error?: { code?: unknown, message?: unknown },
 *   },
 * }} BusEvent
 * @typedef {{ sequence: number, busName: string, event: BusEvent }} LoggedEvent
 * @typedef {{
 *   sequence: number,
 *   time: string,
 *   busName: string,
 *   detailType: string,
 *   group: string,
 *   error: string,
 * }} EventRow
 */

/** The cursor to ask the next page after: the last sequence seen, or 0. @param {readonly LoggedEvent[]} events */
export const eventCursor = (events) =>
  events.reduce((cursor, logged) => Math.max(cursor, logged.sequence), 0);

/**
 * @param {readonly LoggedEvent[]} current
 * @param {readonly LoggedEvent[]} incoming
 * @param {number} [limit]
 * @returns {LoggedEvent[]}
 */
export const mergeEvents = (current, incoming, limit = 500) => {
  const bySequence = new Map(
    current.map((logged) => [logged.sequence, logged]),
  );
  for (const logged of incoming) bySequence.set(logged.sequence, logged);
  return [...bySequence.values()]
    .sort((a, b) => a.sequence - b.sequence)
    .slice(-limit);
};

/** @param {unknown} value */
const text = (value) => (typeof value === 'string' ? value : '');

/**
 * One event as a row: its time, detail-type, the dataset group it is
 * about (from `detail.datasetGroup`, else the request) and its error.
 * @param {LoggedEvent} logged
 * @returns {EventRow}
 */
export const eventRow = ({ sequence, busName, event }) => {
  const detail = event.detail ?? {};
  const error = detail.error;
  return {
    sequence,
    time: text(event.time),
    busName,
    detailType: text(event['detail-type']),
    group: text(detail.datasetGroup?.name) || text(detail.request?.name),
    error:
      error === undefined
        ? ''
        : [text(error.code), text(error.message)]
            .filter((part) => part !== '')
            .join(': '),
  };
};
