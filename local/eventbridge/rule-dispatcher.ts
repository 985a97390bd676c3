import type { BusEvent } from '../runtime/event-bus.ts';
import {
  assertValidEventPattern,
  type EventPattern,
  matchesEventPattern,
} from './event-pattern.ts';

/** What a rule invokes with each matching event (e.g. a Lambda handler). */
export type RuleTarget = (event: BusEvent) => Promise<unknown>;

/** A rule on a local bus with its one target. */
export interface LocalRule {
  name: string;
  /** The bus the rule listens on (its name). */
  eventBusName: string;
  eventPattern: EventPattern;
  target: RuleTarget;
}

/** How often a failing target is tried again, and after how long. */
export interface RetryPolicy {
  /** Tries after the first; default 2 (Lambda's asynchronous invocation). */
  maxRetries: number;
  /** Milliseconds before each retry; default 50. */
  delayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 2, delayMs: 50 };

/** An event whose target failed every try (the rule's dead-letter queue). */
export interface DeadLetter {
  ruleName: string;
  eventBusName: string;
  event: BusEvent;
  attempts: number;
  error: { name: string; message: string };
  failedAt: Date;
}

export interface DeliveryCounts {
  /** Rule matches, i.e. deliveries begun. */
  matched: number;
  succeeded: number;
  /** Tries after a failure. */
  retried: number;
  deadLettered: number;
  /** Deliveries dropped by close() while waiting to retry. */
  abandoned: number;
}

const asError = (error: unknown) =>
  error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };

/**
 * Matches events against the rules of their bus and invokes each matching
 * rule's target asynchronously, after the publisher got its answer, as
 * EventBridge does. A target that throws is tried again (bounded), then
 * the event is dead-lettered.
 */
export class RuleDispatcher {
  readonly deadLetters: DeadLetter[] = [];
  readonly #rules: readonly LocalRule[];
  readonly #retry: RetryPolicy;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #pendingRetries = new Map<NodeJS.Timeout, () => void>();
  readonly #counts: DeliveryCounts = {
    matched: 0,
    succeeded: 0,
    retried: 0,
    deadLettered: 0,
    abandoned: 0,
  };
  #closed = false;

  constructor(rules: readonly LocalRule[], retry: Partial<RetryPolicy> = {}) {
    const names = new Set<string>();
    for (const rule of rules) {
      assertValidEventPattern(rule.eventPattern);
      const key = `${rule.eventBusName}/${rule.name}`;
      if (names.has(key)) throw new RangeError(`Duplicate rule ${key}`);
      names.add(key);
    }
    this.#rules = rules;
    this.#retry = { ...defaultRetryPolicy, ...retry };
  }

  get deliveries(): DeliveryCounts {
    return { ...this.#counts };
  }

  /** Starts a delivery per matching rule; returns how many matched. */
  dispatch(eventBusName: string, event: BusEvent): number {
    if (this.#closed) return 0;
    const matching = this.#rules.filter(
      (rule) =>
        rule.eventBusName === eventBusName &&
        matchesEventPattern(rule.eventPattern, event),
    );
    for (const rule of matching) {
      this.#counts.matched += 1;
      const delivery = this.#deliver(rule, event).finally(() =>
        this.#inFlight.delete(delivery),
      );
      this.#inFlight.add(delivery);
    }
    return matching.length;
  }

  /** Resolves when no delivery is under way (retries included). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) {
      await Promise.all(this.#inFlight);
    }
  }

  /** Takes no more events and drops the deliveries waiting to retry. */
  close(): void {
    this.#closed = true;
    for (const [timer, wake] of this.#pendingRetries) {
      clearTimeout(timer);
      wake();
    }
    this.#pendingRetries.clear();
  }

  async #deliver(rule: LocalRule, event: BusEvent): Promise<void> {
    // The publisher is answered before any target runs.
    await new Promise((resolve) => setImmediate(resolve));
    for (let attempt = 1; ; attempt += 1) {
      try {
        await rule.target(structuredClone(event));
        this.#counts.succeeded += 1;
        return;
      } catch (error) {
        if (attempt > this.#retry.maxRetries) {
          this.#counts.deadLettered += 1;
          this.deadLetters.push({
            ruleName: rule.name,
            eventBusName: rule.eventBusName,
            event,
            attempts: attempt,
            error: asError(error),
            failedAt: new Date(),
          });
          return;
        }
      }
      await this.#sleep(this.#retry.delayMs);
      if (this.#closed) {
        this.#counts.abandoned += 1;
        return;
      }
      this.#counts.retried += 1;
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pendingRetries.delete(timer);
        resolve();
      }, ms);
      this.#pendingRetries.set(timer, resolve);
    });
  }
}
