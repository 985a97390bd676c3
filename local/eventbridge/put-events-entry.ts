import type { BusEvent } from '../runtime/event-bus.ts';

/** A PutEvents request entry as it arrives (members unchecked). */
export interface PutEventsRequestEntry {
  Time?: unknown;
  Source?: unknown;
  Resources?: unknown;
  DetailType?: unknown;
  Detail?: unknown;
  EventBusName?: unknown;
  TraceHeader?: unknown;
}

/** The per-entry failure EventBridge reports in the response. */
export interface EntryFailure {
  ErrorCode: string;
  ErrorMessage: string;
}

export type EntryResult =
  | { accepted: true; eventBusName: string; event: BusEvent }
  | { accepted: false; failure: EntryFailure };

export interface EnvelopeContext {
  region: string;
  account: string;
  now: () => Date;
  newId: () => string;
}

const missing = (member: string): EntryResult => ({
  accepted: false,
  failure: {
    ErrorCode: 'InvalidArgument',
    ErrorMessage: `Parameter ${member} is not valid. Reason: ${member} is a required argument.`,
  },
});

const malformedDetail: EntryResult = {
  accepted: false,
  failure: {
    ErrorCode: 'MalformedDetail',
    ErrorMessage: 'Detail is malformed.',
  },
};

const isPresentString = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0;

/** `name` or `arn:…:event-bus/name` → name; absent → the default bus. */
export const eventBusNameOf = (value: unknown): string => {
  if (!isPresentString(value)) return 'default';
  const match = value.match(
    /^arn:aws[a-z-]*:events:[^:]*:\d{12}:event-bus\/(.+)$/,
  );
  return match?.[1] ?? value;
};

/** EventBridge's `time`: ISO 8601 to the second. */
export const envelopeTime = (date: Date): string =>
  date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const parseDetail = (detail: string): Record<string, unknown> | undefined => {
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === 'object' &&
      parsed !== null &&
      !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

const timeOf = (time: unknown, now: () => Date): Date => {
  if (typeof time === 'number' && Number.isFinite(time)) {
    return new Date(time * 1000);
  }
  return now();
};

/**
 * Validates one entry like the service (Source, DetailType and Detail
 * required; Detail a JSON object) and builds the envelope targets get:
 * version 0, a new id, the entry's Time or now, resources, parsed detail.
 */
export const toBusEvent = (
  entry: PutEventsRequestEntry,
  context: EnvelopeContext,
): EntryResult => {
  if (!isPresentString(entry.Source)) return missing('Source');
  if (!isPresentString(entry.DetailType)) return missing('DetailType');
  if (!isPresentString(entry.Detail)) return missing('Detail');
  const detail = parseDetail(entry.Detail);
  if (detail === undefined) return malformedDetail;
  const resources = Array.isArray(entry.Resources)
    ? entry.Resources.filter((item): item is string => typeof item === 'string')
    : [];
  return {
    accepted: true,
    eventBusName: eventBusNameOf(entry.EventBusName),
    event: {
      version: '0',
      id: context.newId(),
      'detail-type': entry.DetailType,
      source: entry.Source,
      account: context.account,
      time: envelopeTime(timeOf(entry.Time, context.now)),
      region: context.region,
      resources,
      detail,
    },
  };
};
