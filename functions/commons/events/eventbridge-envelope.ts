import * as z from 'zod/mini';
import { parseOrThrow } from '../dataset-group/validate-request.ts';
import { InvalidEventEnvelopeError } from '../errors.ts';

/** `is required` when absent, `must be …` when of another kind. */
const must = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? 'is required' : `must be ${what}`,
});

const text = () => z.string(must('a string'));

/**
 * The EventBridge event envelope, field for field as the Powertools
 * parser's EventBridgeSchema has it, in zod/mini: the parser's
 * `import { z }` pulls the whole of zod (about 360 KiB and 35 ms of cold
 * start) into the trigger functions. zod/mini carries no message texts,
 * so each field says its own.
 */
export const eventBridgeEnvelopeSchema = z.object(
  {
    version: text(),
    id: z
      .string(must('a non-empty string'))
      .check(z.minLength(1, { error: 'must be a non-empty string' })),
    source: text(),
    account: text(),
    time: z.iso.datetime(must('an ISO-8601 timestamp')),
    region: text(),
    resources: z.array(text(), must('an array of strings')),
    'detail-type': text(),
    detail: z.unknown(),
    'replay-name': z.optional(text()),
  },
  must('an EventBridge event (a JSON object)'),
);

export type EventBridgeEnvelope = z.infer<typeof eventBridgeEnvelopeSchema>;

/** The envelope, or InvalidEventEnvelopeError naming each bad field. */
export const parseEventBridgeEnvelope = (event: unknown): EventBridgeEnvelope =>
  parseOrThrow(
    eventBridgeEnvelopeSchema,
    event,
    (issues) => new InvalidEventEnvelopeError(issues),
    '(event)',
  );
