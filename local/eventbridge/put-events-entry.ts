import {
  maxJsonNestingDepth,
  nestsTooDeep,
} from '#commons/http/json-nesting.ts';
import { type BusEvent, envelopeTime } from '../runtime/event-bus.ts';

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

const invalidArgument = (member: string, reason: string): EntryResult => ({
  accepted: false,
  failure: {
    ErrorCode: 'InvalidArgument',
    ErrorMessage: `Parameter ${member} is not valid. Reason: ${reason}`,
  },
});

const missing = (member: string): EntryResult =>
  invalidArgument(member, `${member} is a required argument.`);

/** "Free-form string, with a maximum of 128 characters" (API reference,
 * PutEventsRequestEntry). */
export const maxDetailTypeLength = 128;

const malformedDetail = (reason?: string): EntryResult => ({
  accepted: false,
  failure: {
    ErrorCode: 'MalformedDetail',
    ErrorMessage:
      reason === undefined
        ? 'Detail is malformed.'
        : `Detail is malformed: ${reason}.`,
  },
});

/**
 * The earliest and latest instants an envelope's `time` can say in
 * RFC 3339 (a four-digit year), in epoch milliseconds.
 */
const earliestTime = Date.parse('0000-01-01T00:00:00.000Z');
const latestTime = Date.parse('9999-12-31T23:59:59.999Z');

const invalidTime: EntryResult = {
  accepted: false,
  failure: {
    ErrorCode: 'InvalidArgument',
    ErrorMessage:
      'Parameter Time is not valid. Reason: Time must be a timestamp in epoch seconds between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z.',
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

/**
 * The entry's Time (epoch seconds, as awsJson1_1 carries a timestamp), or
 * now when it has none; undefined when it is not a time the envelope can
 * hold. The service documents Time only as "the time stamp of the event,
 * per RFC3339": a value outside RFC 3339's years 0000–9999 (1e300, 9e12)
 * or not a number is a parameter that is not valid, which PutEvents
 * reports on the entry as InvalidArgument ("A specified parameter is not
 * valid", PutEventsResultEntry) rather than failing the other entries.
 */
const timeOf = (time: unknown, now: () => Date): Date | undefined => {
  if (time === undefined || time === null) return now();
  if (typeof time !== 'number' || !Number.isFinite(time)) return undefined;
  const milliseconds = time * 1000;
  return milliseconds >= earliestTime && milliseconds <= latestTime
    ? new Date(milliseconds)
    : undefined;
};

/**
 * Validates one entry like the service (Source, DetailType and Detail
 * required; DetailType at most 128 characters; Detail a JSON object; Time
 * a timestamp) and builds the
 * envelope targets get: version 0, a new id, the entry's Time or now,
 * resources, parsed detail. A Detail nested deeper than
 * maxJsonNestingDepth is MalformedDetail: the service documents no
 * nesting limit, this is the local stack's own.
 */
export const toBusEvent = (
  entry: PutEventsRequestEntry,
  context: EnvelopeContext,
): EntryResult => {
  if (!isPresentString(entry.Source)) return missing('Source');
  if (!isPresentString(entry.DetailType)) return missing('DetailType');
  if (entry.DetailType.length > maxDetailTypeLength) {
    return invalidArgument(
      'DetailType',
      `DetailType is longer than ${maxDetailTypeLength} characters.`,
    );
  }
  if (!isPresentString(entry.Detail)) return missing('Detail');
  if (nestsTooDeep(entry.Detail)) {
    return malformedDetail(
      `it nests deeper than ${maxJsonNestingDepth} levels, the local stack's limit`,
    );
  }
  const detail = parseDetail(entry.Detail);
  if (detail === undefined) return malformedDetail();
  const time = timeOf(entry.Time, context.now);
  if (time === undefined) return invalidTime;
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
      time: envelopeTime(time),
      region: context.region,
      resources,
      detail,
    },
  };
};
