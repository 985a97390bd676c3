import { createHash, randomUUID } from 'node:crypto';

/** Step Functions execution names: 1–80 of these characters. */
export const executionNamePattern = /^[A-Za-z0-9_-]{1,80}$/;

export const isValidExecutionName = (name: string): boolean =>
  executionNamePattern.test(name);

/**
 * The same Idempotency-Key always names the same execution, so a retried
 * request cannot start a second workflow.
 */
export const executionNameFromIdempotencyKey = (key: string): string =>
  `api-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 40)}`;

/** A delivery of the same event (same id) names the same execution. */
export const executionNameFromEventId = (eventId: string): string =>
  `event-${eventId.replace(/[^A-Za-z0-9_-]/g, '-')}`.slice(0, 80);

export const randomExecutionName = (prefix: 'api' | 'delete'): string =>
  `${prefix}-${randomUUID()}`;

/** Idempotency-Key header: 1–255 printable ASCII characters. */
export const isValidIdempotencyKey = (key: string): boolean =>
  /^[\x20-\x7e]{1,255}$/.test(key);
