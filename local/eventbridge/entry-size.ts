/**
 * The size EventBridge gives the entries of one PutEvents request, and
 * the limit on it. Verified in the EventBridge user guide, "Calculating
 * PutEvents event entry size": Time counts 14 bytes if present; Source,
 * DetailType, Detail and each Resources entry count their UTF-8 bytes;
 * EventBusName and TraceHeader do not count; the total entry size must
 * stay within 256 KB. A request over it fails whole with a
 * ValidationException "Total size of the entries in the request is over
 * the limit." (the service's message, as reported in
 * awslabs/aws-service-catalog-puppet#563).
 */
export const maxPutEventsEntriesBytes = 256 * 1024;

export const entriesOverLimitMessage =
  'Total size of the entries in the request is over the limit.';

/** The members of an entry that count, as they arrive (unchecked). */
export interface SizedEntry {
  Time?: unknown;
  Source?: unknown;
  DetailType?: unknown;
  Detail?: unknown;
  Resources?: unknown;
}

const bytesOf = (value: unknown): number =>
  typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : 0;

/** One entry's size as EventBridge computes it. */
export const putEventsEntrySize = (entry: SizedEntry): number =>
  (entry.Time === undefined || entry.Time === null ? 0 : 14) +
  bytesOf(entry.Source) +
  bytesOf(entry.DetailType) +
  bytesOf(entry.Detail) +
  (Array.isArray(entry.Resources)
    ? entry.Resources.reduce<number>((sum, item) => sum + bytesOf(item), 0)
    : 0);

/** Whether the entries of one request are over the 256 KB limit. */
export const entriesOverLimit = (entries: readonly SizedEntry[]): boolean =>
  entries.reduce((sum, entry) => sum + putEventsEntrySize(entry), 0) >
  maxPutEventsEntriesBytes;
