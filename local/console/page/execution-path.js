/**
 * An execution's history (GetExecutionHistory's events, as the wire
 * carries them: timestamps in epoch seconds) read the way the console
 * shows it: the states it went through, in order, and for each state its
 * visits, time spent, task attempts and retries, polls, last input and
 * output, and error. A state inside a Map sums its iterations. Pure.
 */

/**
 * @typedef {'running' | 'succeeded' | 'caught' | 'failed'} StateStatus
 * @typedef {{ error: string, cause: string }} StateError
 * @typedef {{
 *   name: string,
 *   status: StateStatus,
 *   visits: number,
 *   durationMs: number,
 *   attempts: number,
 *   retries: number,
 *   polls: number | undefined,
 *   input: string | undefined,
 *   output: string | undefined,
 *   error: StateError | undefined,
 * }} StateRun
 * @typedef {{ from: string, to: string, caught: boolean }} Transition
 * @typedef {{
 *   status: string,
 *   path: string[],
 *   states: Record<string, StateRun>,
 *   transitions: Transition[],
 *   failedState: string | undefined,
 *   error: StateError | undefined,
 *   startedAt: number | undefined,
 *   stoppedAt: number | undefined,
 * }} ExecutionPath
 * @typedef {Record<string, unknown> & {
 *   id: number,
 *   previousEventId?: number,
 *   type: string,
 *   timestamp: number,
 * }} HistoryEvent
 */

/** The start marker (same id as the graph's). */
const startId = '(start)';

/** Execution-level event types and the status each one ends in. */
const terminalStatuses = /** @type {Record<string, string>} */ ({
  ExecutionSucceeded: 'SUCCEEDED',
  ExecutionFailed: 'FAILED',
  ExecutionAborted: 'ABORTED',
  ExecutionTimedOut: 'TIMED_OUT',
});

/** Task attempt events: a Lambda function or an integration called. */
const attemptStarts = new Set(['LambdaFunctionScheduled', 'TaskScheduled']);
const attemptSuccesses = new Set(['LambdaFunctionSucceeded', 'TaskSucceeded']);
/** @param {string} type */
const isAttemptFailure = (type) =>
  (type.startsWith('LambdaFunction') || type.startsWith('Task')) &&
  (type.endsWith('Failed') || type.endsWith('TimedOut'));

/** @param {HistoryEvent} event @returns {Record<string, unknown>} */
const detailsOf = (event) => {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && typeof value === 'object' && value) {
      return /** @type {Record<string, unknown>} */ (value);
    }
  }
  return {};
};

/** @param {Record<string, unknown>} details @returns {StateError} */
const errorOf = (details) => ({
  error: String(details.error ?? ''),
  cause: String(details.cause ?? ''),
});

/** `progress.attempt` of a state's output, when it has one. @param {unknown} output */
const pollsOf = (output) => {
  if (typeof output !== 'string') return undefined;
  try {
    const attempt = JSON.parse(output)?.progress?.attempt;
    return typeof attempt === 'number' ? attempt : undefined;
  } catch {
    return undefined;
  }
};

/**
 * @param {readonly HistoryEvent[]} events oldest first
 * @param {number} [nowMs] the time a running state has run until
 * @returns {ExecutionPath}
 */
export const executionPath = (events, nowMs = Date.now()) => {
  /** @type {Record<string, StateRun>} */
  const states = {};
  /** @type {string[]} */
  const path = [];
  /** @type {Map<string, Transition>} */
  const transitions = new Map();
  /** The state that owns each event (its nearest StateEntered before it). */
  /** @type {Map<number, string>} */
  const ownerOf = new Map();
  /** Entry times of each state's visits that have not exited yet. */
  /** @type {Map<string, number[]>} */
  const openEntries = new Map();
  /** Whether each state's latest attempt failed (a Catch then takes it). */
  /** @type {Map<string, StateError | undefined>} */
  const pendingFailure = new Map();
  /** @type {Map<number, { from: string, caught: boolean }>} */
  const exits = new Map();
  let status = 'RUNNING';
  /** @type {StateError | undefined} */
  let error;
  /** @type {number | undefined} */
  let startedAt;
  /** @type {number | undefined} */
  let stoppedAt;
  /** @type {string | undefined} */
  let lastOwner;
  const byId = new Map(events.map((event) => [event.id, event]));
  /** States that call a Lambda function (the ones that poll). */
  /** @type {Set<string>} */
  const lambdaStates = new Set();

  /** @param {string} name @returns {StateRun} */
  const stateOf = (name) => {
    let run = states[name];
    if (run === undefined) {
      run = {
        name,
        status: 'running',
        visits: 0,
        durationMs: 0,
        attempts: 0,
        retries: 0,
        polls: undefined,
        input: undefined,
        output: undefined,
        error: undefined,
      };
      states[name] = run;
      path.push(name);
    }
    return run;
  };

  for (const event of events) {
    const at = event.timestamp * 1000;
    const details = detailsOf(event);
    const name = typeof details.name === 'string' ? details.name : undefined;
    const previous =
      event.previousEventId === undefined ? undefined : event.previousEventId;
    if (event.type === 'ExecutionStarted') {
      startedAt = at;
      ownerOf.set(event.id, startId);
      exits.set(event.id, { from: startId, caught: false });
      continue;
    }
    if (event.type in terminalStatuses) {
      status = terminalStatuses[event.type] ?? status;
      stoppedAt = at;
      if (event.type !== 'ExecutionSucceeded') error = errorOf(details);
      continue;
    }
    if (event.type.endsWith('StateEntered') && name !== undefined) {
      const run = stateOf(name);
      run.visits += 1;
      run.status = 'running';
      run.input = typeof details.input === 'string' ? details.input : run.input;
      openEntries.set(name, [...(openEntries.get(name) ?? []), at]);
      pendingFailure.set(name, undefined);
      ownerOf.set(event.id, name);
      lastOwner = name;
      // The transition that led here: from Start for the first state,
      // else from the nearest state exit before it.
      if (path.length === 1 && run.visits === 1) {
        transitions.set(`${startId}→${name}→false`, {
          from: startId,
          to: name,
          caught: false,
        });
      }
      let cursor = previous;
      while (cursor !== undefined && cursor > 0) {
        const exit = exits.get(cursor);
        if (exit !== undefined) {
          const key = `${exit.from}→${name}→${exit.caught}`;
          transitions.set(key, {
            from: exit.from,
            to: name,
            caught: exit.caught,
          });
          break;
        }
        cursor = byId.get(cursor)?.previousEventId;
      }
      continue;
    }
    if (event.type.endsWith('StateExited') && name !== undefined) {
      const run = stateOf(name);
      const entries = openEntries.get(name) ?? [];
      const enteredAt = entries.shift();
      if (enteredAt !== undefined) run.durationMs += at - enteredAt;
      if (typeof details.output === 'string') run.output = details.output;
      // Polls are a polling function's: its result's progress.attempt.
      if (lambdaStates.has(name)) {
        run.polls = pollsOf(details.output) ?? run.polls;
      }
      const failure = pendingFailure.get(name);
      run.status =
        entries.length > 0 ? 'running' : failure ? 'caught' : 'succeeded';
      exits.set(event.id, { from: name, caught: failure !== undefined });
      ownerOf.set(event.id, name);
      lastOwner = name;
      continue;
    }
    const owner =
      (previous === undefined ? undefined : ownerOf.get(previous)) ?? lastOwner;
    if (owner === undefined) continue;
    ownerOf.set(event.id, owner);
    lastOwner = owner;
    const run = states[owner];
    if (run === undefined) continue;
    if (event.type === 'LambdaFunctionScheduled') lambdaStates.add(owner);
    if (attemptStarts.has(event.type)) {
      run.attempts += 1;
      if (run.attempts > run.visits) run.retries = run.attempts - run.visits;
    } else if (attemptSuccesses.has(event.type)) {
      pendingFailure.set(owner, undefined);
    } else if (isAttemptFailure(event.type) || event.type.endsWith('Failed')) {
      run.error = errorOf(details);
      pendingFailure.set(owner, run.error);
    }
  }

  // A state still open: running (counted until now), or where the run
  // failed when the execution has ended.
  /** @type {string | undefined} */
  let failedState;
  for (const [name, entries] of openEntries) {
    const run = states[name];
    if (run === undefined || entries.length === 0) continue;
    if (status === 'RUNNING') {
      for (const enteredAt of entries) run.durationMs += nowMs - enteredAt;
      run.status = 'running';
      continue;
    }
    const end = stoppedAt ?? nowMs;
    for (const enteredAt of entries) run.durationMs += end - enteredAt;
    if (status === 'SUCCEEDED') {
      run.status = 'succeeded';
    } else {
      run.status = 'failed';
      run.error = run.error ?? error;
      failedState = name;
    }
  }
  return {
    status,
    path,
    states,
    transitions: [...transitions.values()],
    failedState,
    error,
    startedAt,
    stoppedAt,
  };
};
