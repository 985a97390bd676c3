import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

interface Timer {
  at: number;
  order: number;
  resolve: () => void;
}

/** How long the simulation may see no timer and no answer before it gives up. */
const stallLimitMs = 10_000;

/**
 * Virtual time for concurrent work: a discrete-event clock. `sleep`
 * registers a timer and nothing moves until `drive` finds the process
 * quiet: no HTTP request in flight (counted through node:http's
 * diagnostics channels, so the emulator's calls are seen whoever makes
 * them), and no sleep, timer or request started or ended for a few turns
 * of the event loop. Then time jumps to the earliest timer and every
 * timer due at that instant wakes, in the order it was set. Concurrent
 * sleepers (the iterations of a Map, the branches of a Parallel) thus
 * sleep side by side, as they do on AWS, where a clock that each sleep
 * advances would add their waits up.
 *
 * Written by hand: the fake timers of test runners (@sinonjs/fake-timers)
 * move only when a test ticks them, and cannot tell when the work in
 * flight waits on nothing but them; this clock is handed only to the code
 * under test (useClock, the emulator's clock, the virtual Wait states) and
 * leaves the global timers alone.
 */
export class SimulatedClock {
  #now: number;
  #timers: Timer[] = [];
  #order = 0;
  #activity = 0;
  #inFlight = 0;
  #advances = 0;

  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.#now = startMs;
  }

  now = (): number => this.#now;

  sleep = (ms: number): Promise<void> => {
    if (!(ms >= 0)) throw new RangeError(`cannot sleep ${ms} ms`);
    this.#activity += 1;
    return new Promise((resolve) => {
      this.#timers.push({ at: this.#now + ms, order: this.#order++, resolve });
    });
  };

  /** Times the clock jumped, since it was made. */
  get advances(): number {
    return this.#advances;
  }

  /** Marks work happening now (a task starting or ending). */
  touch(): void {
    this.#activity += 1;
  }

  /**
   * Settles `work`, moving time whenever everything left to do is a timer.
   * Only one drive at a time: run concurrent work as one Promise.all.
   */
  async drive<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const done = work.finally(() => {
      settled = true;
    });
    done.catch(() => undefined);
    const stopTracking = this.#trackHttp();
    try {
      let stalledSince: number | undefined;
      while (!settled) {
        await this.#quiet();
        if (settled) break;
        if (this.#timers.length === 0) {
          // Waiting on something that is not a timer of this clock.
          stalledSince ??= performance.now();
          if (performance.now() - stalledSince > stallLimitMs) {
            throw new Error(
              `the simulation made no progress for ${stallLimitMs / 1000} s: no timer is set and ${this.#inFlight} HTTP request(s) are in flight`,
            );
          }
          await new Promise((resolve) => setTimeout(resolve, 1));
          continue;
        }
        stalledSince = undefined;
        this.#wakeEarliest();
      }
      return await done;
    } finally {
      stopTracking();
    }
  }

  #wakeEarliest(): void {
    this.#timers.sort((a, b) => a.at - b.at || a.order - b.order);
    const at = this.#timers[0]?.at ?? this.#now;
    this.#now = Math.max(this.#now, at);
    this.#advances += 1;
    const due = this.#timers.filter((timer) => timer.at <= this.#now);
    this.#timers = this.#timers.filter((timer) => timer.at > this.#now);
    this.#activity += 1;
    for (const timer of due) timer.resolve();
  }

  /** Resolves once two turns of the event loop in a row saw nothing new. */
  async #quiet(): Promise<void> {
    let calmTurns = 0;
    while (calmTurns < 2) {
      const before = this.#activity;
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      calmTurns =
        this.#inFlight === 0 && this.#activity === before ? calmTurns + 1 : 0;
    }
  }

  #trackHttp(): () => void {
    // A request is in flight from its start to the end of its response,
    // or to its error when it fails before any response.
    const open = new Set<ClientRequest>();
    const close = (request: ClientRequest) => {
      if (!open.delete(request)) return;
      this.#inFlight = open.size;
      this.#activity += 1;
    };
    const onStart = (message: unknown) => {
      open.add((message as { request: ClientRequest }).request);
      this.#inFlight = open.size;
      this.#activity += 1;
    };
    const onResponse = (message: unknown) => {
      const { request, response } = message as {
        request: ClientRequest;
        response: IncomingMessage;
      };
      const end = () => close(request);
      response.once('end', end);
      response.once('close', end);
      response.once('error', end);
    };
    const onError = (message: unknown) => {
      close((message as { request: ClientRequest }).request);
    };
    const onServer = () => {
      this.#activity += 1;
    };
    subscribe('http.client.request.start', onStart);
    subscribe('http.client.response.finish', onResponse);
    subscribe('http.client.request.error', onError);
    subscribe('http.server.request.start', onServer);
    subscribe('http.server.response.finish', onServer);
    return () => {
      unsubscribe('http.client.request.start', onStart);
      unsubscribe('http.client.response.finish', onResponse);
      unsubscribe('http.client.request.error', onError);
      unsubscribe('http.server.request.start', onServer);
      unsubscribe('http.server.response.finish', onServer);
    };
  }
}
