import type { BusEvent } from '../runtime/event-bus.ts';
import { entriesOverLimit, entriesOverLimitMessage } from './entry-size.ts';
import { EventBridgeValidationError } from './eventbridge-error.ts';
import {
  type EntryFailure,
  type EnvelopeContext,
  type PutEventsRequestEntry,
  toBusEvent,
} from './put-events-entry.ts';
import type { RequestBody } from './wire.ts';

export const maxEntriesPerCall = 10;

export interface PutEventsOutput {
  FailedEntryCount: number;
  Entries: Array<{ EventId: string } | EntryFailure>;
}

const entriesViolation = (value: string, rule: string) =>
  new EventBridgeValidationError(
    `1 validation error detected: Value ${value} at 'entries' failed to satisfy constraint: Member ${rule}`,
  );

const checkedEntries = (body: RequestBody): PutEventsRequestEntry[] => {
  const entries = body.Entries;
  if (entries === undefined || entries === null) {
    throw entriesViolation('null', 'must not be null');
  }
  if (!Array.isArray(entries)) {
    throw entriesViolation(`'${String(entries)}'`, 'must be a list');
  }
  if (entries.length < 1) {
    throw entriesViolation(
      "'[]'",
      'must have length greater than or equal to 1',
    );
  }
  if (entries.length > maxEntriesPerCall) {
    throw entriesViolation(
      `'[${entries.map(() => 'PutEventsRequestEntry').join(', ')}]'`,
      `must have length less than or equal to ${maxEntriesPerCall}`,
    );
  }
  const checked: PutEventsRequestEntry[] = entries.map((entry) =>
    typeof entry === 'object' && entry !== null ? entry : {},
  );
  if (entriesOverLimit(checked)) {
    throw new EventBridgeValidationError(entriesOverLimitMessage);
  }
  return checked;
};

/**
 * PutEvents: checks the request (1–10 entries of at most 256 KB in all,
 * else ValidationException),
 * turns each valid entry into an event and hands it to `publish`; an
 * invalid entry gets its ErrorCode and counts in FailedEntryCount.
 */
export const putEvents = (
  body: RequestBody,
  context: EnvelopeContext,
  publish: (eventBusName: string, event: BusEvent) => void,
): PutEventsOutput => {
  const results = checkedEntries(body).map((entry) =>
    toBusEvent(entry, context),
  );
  const output: PutEventsOutput = { FailedEntryCount: 0, Entries: [] };
  for (const result of results) {
    if (result.accepted) {
      publish(result.eventBusName, result.event);
      output.Entries.push({ EventId: result.event.id });
    } else {
      output.FailedEntryCount += 1;
      output.Entries.push(result.failure);
    }
  }
  return output;
};
