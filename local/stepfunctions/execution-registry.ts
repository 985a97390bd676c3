import { randomUUID } from 'node:crypto';
import type { ExecutionListItem, HistoryEvent } from '@aws-sdk/client-sfn';
import type {
  ExecutionEventLog,
  ExecutionOutcome,
  StartedExecution,
  WorkflowRunner,
} from '../runtime/workflow-runner.ts';
import {
  assertExecutionArn,
  assertStateMachineArn,
  executionArnOf,
  roleArnOf,
} from './arns.ts';
import { assertValidExecutionName } from './execution-name.ts';
import type {
  ExecutionPersistence,
  StoredExecution,
} from './execution-persistence.ts';
import {
  checkedInput,
  checkPageSize,
  type ExecutionDescription,
  type ExecutionStatus,
  type GetExecutionHistoryRequest,
  type ListExecutionsRequest,
  type StartExecutionRequest,
  type StartExecutionResult,
  type StopExecutionRequest,
} from './execution-requests.ts';
import {
  ExecutionHistory,
  type StopRequest,
  withoutExecutionData,
} from './history-events.ts';
import { decodePageToken, encodePageToken } from './page-token.ts';
import {
  ExecutionAlreadyExistsError,
  ExecutionDoesNotExistError,
  StateMachineDoesNotExistError,
} from './step-functions-error.ts';

export type HistoryListener = (
  executionArn: string,
  log: ExecutionEventLog,
) => void;

interface ExecutionRecord {
  /** Start order across the registry; pages and "newest first" use it. */
  sequence: number;
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  startDate: Date;
  status: ExecutionStatus;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  stopRequest?: StopRequest;
  history: ExecutionHistory;
  /** Runs again from the start after the stack stopped under it. */
  redriveCount: number;
  redriveDate?: Date;
  abort: () => void;
  /** Resolves once the outcome is known and the history is complete. */
  settled: Promise<void>;
}

export interface ExecutionRegistryOptions {
  /** Keeps the executions and their histories across restarts. */
  persistence?: ExecutionPersistence;
  /** Default Date.now. */
  now?: () => Date;
}

const toStored = (record: ExecutionRecord): StoredExecution => ({
  sequence: record.sequence,
  executionArn: record.executionArn,
  stateMachineArn: record.stateMachineArn,
  name: record.name,
  input: record.input,
  startDateMs: record.startDate.getTime(),
  status: record.status,
  redriveCount: record.redriveCount,
  ...(record.redriveDate !== undefined && {
    redriveDateMs: record.redriveDate.getTime(),
  }),
  ...(record.stopDate !== undefined && {
    stopDateMs: record.stopDate.getTime(),
  }),
  ...(record.output !== undefined && { output: record.output }),
  ...(record.error !== undefined && { error: record.error }),
  ...(record.cause !== undefined && { cause: record.cause }),
});

const tell = (
  listeners: ReadonlySet<HistoryListener>,
  executionArn: string,
  log: ExecutionEventLog,
): void => {
  for (const listener of listeners) {
    try {
      listener(executionArn, log);
    } catch (error) {
      // A broken listener must not break the execution's bookkeeping.
      process.emitWarning(
        `Execution history listener failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
};

/**
 * The executions of the local workflows, kept as Step Functions keeps them
 * for STANDARD state machines: started through the runners, RUNNING until
 * their outcome, then final with stop date, output or error and cause; a
 * history drained from each run's event logs; names unique per state
 * machine (same name and input while RUNNING is idempotent).
 *
 * With a persistence, every execution is saved when it starts and ends,
 * and every history event as it is appended; a new registry finds them
 * all again, and `resumeInterrupted` runs the ones that were RUNNING when
 * the stack stopped again from their start, under the same ARN (their
 * tasks are idempotent): the history goes on with ExecutionRedriven.
 */
export class ExecutionRegistry {
  readonly #runners = new Map<string, WorkflowRunner>();
  readonly #executions = new Map<string, ExecutionRecord>();
  readonly #listeners = new Set<HistoryListener>();
  readonly #persistence: ExecutionPersistence | undefined;
  readonly #now: () => Date;
  /** Stored RUNNING executions that have not run again yet. */
  readonly #interrupted: ExecutionRecord[] = [];
  /** Closing: what the runs do from now on is not stored. */
  #closing = false;
  #sequence = 0;

  constructor(
    runners: readonly WorkflowRunner[],
    options: ExecutionRegistryOptions = {},
  ) {
    for (const runner of runners) {
      this.#runners.set(runner.stateMachineArn, runner);
    }
    this.#persistence = options.persistence;
    this.#now = options.now ?? (() => new Date());
    for (const { execution, history } of this.#persistence?.load() ?? []) {
      const record = this.#restore(execution, history);
      this.#executions.set(record.executionArn, record);
      this.#sequence = Math.max(this.#sequence, record.sequence);
      if (record.status === 'RUNNING') this.#interrupted.push(record);
    }
  }

  /** How many executions are kept, and how many wait to run again. */
  get counts(): { executions: number; interrupted: number } {
    return {
      executions: this.#executions.size,
      interrupted: this.#interrupted.length,
    };
  }

  /**
   * Runs every stored execution that was RUNNING when the stack stopped
   * again from its start; returns how many. Call it once the stack is up.
   */
  resumeInterrupted(): number {
    const records = this.#interrupted.splice(0);
    for (const record of records) {
      const runner = this.#runners.get(record.stateMachineArn);
      if (runner === undefined) continue;
      record.redriveCount += 1;
      record.redriveDate = this.#now();
      const started = runner.start(JSON.parse(record.input), record.name, {
        startTime: record.startDate,
        redriveCount: record.redriveCount,
      });
      record.history.redrive(
        record.redriveCount,
        record.redriveDate,
        started.taskAttempts,
      );
      this.#follow(record, started);
    }
    return records.length;
  }

  get stateMachineArns(): string[] {
    return [...this.#runners.keys()];
  }

  /** Tells `listener` every event log of every execution, as it comes. */
  subscribe(listener: HistoryListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  startExecution(request: StartExecutionRequest): StartExecutionResult {
    const { stateMachineArn } = request;
    assertStateMachineArn(stateMachineArn);
    const name = request.name ?? randomUUID();
    assertValidExecutionName(name);
    const input = request.input ?? '{}';
    const parsedInput = checkedInput(input);
    const runner = this.#runners.get(stateMachineArn);
    if (runner === undefined) {
      throw new StateMachineDoesNotExistError(stateMachineArn);
    }
    const existing = this.#executions.get(
      executionArnOf(stateMachineArn, name),
    );
    if (existing !== undefined) {
      if (existing.status === 'RUNNING' && existing.input === input) {
        return {
          executionArn: existing.executionArn,
          startDate: existing.startDate,
        };
      }
      throw new ExecutionAlreadyExistsError(existing.executionArn);
    }
    return this.#run(runner, name, input, parsedInput);
  }

  describeExecution(executionArn: string): ExecutionDescription {
    const record = this.#find(executionArn);
    return {
      executionArn: record.executionArn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status: record.status,
      startDate: record.startDate,
      input: record.input,
      inputDetails: { included: true },
      ...(record.stopDate !== undefined && { stopDate: record.stopDate }),
      ...(record.output !== undefined && {
        output: record.output,
        outputDetails: { included: true },
      }),
      ...(record.error !== undefined && { error: record.error }),
      ...(record.cause !== undefined && { cause: record.cause }),
      ...(record.redriveCount > 0 && {
        redriveCount: record.redriveCount,
        redriveDate: record.redriveDate,
      }),
    };
  }

  /** Executions of one state machine, newest first, page by page. */
  listExecutions(request: ListExecutionsRequest): {
    executions: ExecutionListItem[];
    nextToken?: string;
  } {
    const { stateMachineArn, statusFilter } = request;
    assertStateMachineArn(stateMachineArn);
    if (!this.#runners.has(stateMachineArn)) {
      throw new StateMachineDoesNotExistError(stateMachineArn);
    }
    const pageSize = checkPageSize(request.maxResults);
    const scope = `${stateMachineArn}|${statusFilter ?? '*'}`;
    const after =
      request.nextToken === undefined
        ? Number.POSITIVE_INFINITY
        : decodePageToken(request.nextToken, scope).after;
    const matching = [...this.#executions.values()]
      .filter(
        (record) =>
          record.stateMachineArn === stateMachineArn &&
          (statusFilter === undefined || record.status === statusFilter) &&
          record.sequence < after,
      )
      .sort((a, b) => b.sequence - a.sequence);
    const page = matching.slice(0, pageSize);
    const last = page.at(-1);
    return {
      executions: page.map((record) => ({
        executionArn: record.executionArn,
        stateMachineArn: record.stateMachineArn,
        name: record.name,
        status: record.status,
        startDate: record.startDate,
        ...(record.stopDate !== undefined && { stopDate: record.stopDate }),
      })),
      ...(matching.length > pageSize &&
        last !== undefined && {
          nextToken: encodePageToken({ scope, after: last.sequence }),
        }),
    };
  }

  /** The history events (ids from 1), oldest or newest first, paged. */
  getExecutionHistory(request: GetExecutionHistoryRequest): {
    events: HistoryEvent[];
    nextToken?: string;
  } {
    const record = this.#find(request.executionArn);
    const pageSize = checkPageSize(request.maxResults);
    const reverse = request.reverseOrder ?? false;
    const scope = `${record.executionArn}|${reverse ? 'desc' : 'asc'}`;
    const cursor =
      request.nextToken === undefined
        ? undefined
        : decodePageToken(request.nextToken, scope).after;
    const ordered = reverse
      ? [...record.history.events].reverse()
      : [...record.history.events];
    const remaining =
      cursor === undefined
        ? ordered
        : ordered.filter((event) =>
            reverse ? (event.id ?? 0) < cursor : (event.id ?? 0) > cursor,
          );
    const page = remaining.slice(0, pageSize);
    const last = page.at(-1);
    const includeData = request.includeExecutionData ?? true;
    return {
      events: page.map((event) =>
        includeData ? structuredClone(event) : withoutExecutionData(event),
      ),
      ...(remaining.length > pageSize &&
        last?.id !== undefined && {
          nextToken: encodePageToken({ scope, after: last.id }),
        }),
    };
  }

  /**
   * Aborts a RUNNING execution and resolves once it is ABORTED (history
   * complete); a finished one keeps its status and stop date.
   */
  async stopExecution(request: StopExecutionRequest): Promise<{
    stopDate: Date;
  }> {
    const record = this.#find(request.executionArn);
    if (record.status === 'RUNNING') {
      record.stopRequest = {
        ...(request.error !== undefined && { error: request.error }),
        ...(request.cause !== undefined && { cause: request.cause }),
      };
      record.abort();
    }
    await record.settled;
    return { stopDate: record.stopDate ?? new Date() };
  }

  /** Resolves with the execution's description once it is final. */
  async settled(executionArn: string): Promise<ExecutionDescription> {
    await this.#find(executionArn).settled;
    return this.describeExecution(executionArn);
  }

  /** Aborts every RUNNING execution and waits until all are final. */
  async abortAll(): Promise<void> {
    const records = [...this.#executions.values()];
    for (const record of records) {
      if (record.status === 'RUNNING') record.abort();
    }
    await Promise.all(records.map((record) => record.settled));
  }

  /**
   * Stops every run as the stack stops. With a persistence, the RUNNING
   * executions stay RUNNING in it (they run again at the next start);
   * without one, they end ABORTED.
   */
  async close(): Promise<void> {
    if (this.#persistence !== undefined) this.#closing = true;
    await this.abortAll();
  }

  #find(executionArn: string): ExecutionRecord {
    assertExecutionArn(executionArn);
    const record = this.#executions.get(executionArn);
    if (record === undefined) {
      throw new ExecutionDoesNotExistError(executionArn);
    }
    return record;
  }

  #run(
    runner: WorkflowRunner,
    name: string,
    input: string,
    parsedInput: unknown,
  ): StartExecutionResult {
    const startDate = this.#now();
    const started = runner.start(parsedInput, name, { startTime: startDate });
    const record: ExecutionRecord = {
      sequence: ++this.#sequence,
      executionArn: started.executionArn,
      stateMachineArn: runner.stateMachineArn,
      name,
      input,
      startDate,
      status: 'RUNNING',
      redriveCount: 0,
      abort: started.abort,
      settled: Promise.resolve(),
      history: new ExecutionHistory({
        input,
        roleArn: roleArnOf(runner.stateMachineArn),
        stopRequest: () => record.stopRequest,
        taskAttempts: started.taskAttempts,
        onAppend: (event) => this.#saveEvent(record, event),
      }),
    };
    this.#executions.set(record.executionArn, record);
    this.#save(record);
    this.#follow(record, started);
    return { executionArn: record.executionArn, startDate: record.startDate };
  }

  /** Drains a run's event logs into the history, then records its end. */
  #follow(record: ExecutionRecord, started: StartedExecution): void {
    record.abort = started.abort;
    const drained = (async () => {
      for await (const log of started.eventLogs) {
        record.history.append(log);
        tell(this.#listeners, record.executionArn, log);
      }
    })();
    record.settled = Promise.all([started.outcome, drained]).then(
      ([outcome]) => this.#finish(record, outcome),
      (error: unknown) =>
        this.#finish(record, {
          status: 'FAILED',
          error: 'States.Runtime',
          cause: error instanceof Error ? error.message : String(error),
        }),
    );
  }

  /** An execution found in storage, as it was when last saved. */
  #restore(
    stored: StoredExecution,
    events: readonly HistoryEvent[],
  ): ExecutionRecord {
    const record: ExecutionRecord = {
      sequence: stored.sequence,
      executionArn: stored.executionArn,
      stateMachineArn: stored.stateMachineArn,
      name: stored.name,
      input: stored.input,
      startDate: new Date(stored.startDateMs),
      status: stored.status,
      redriveCount: stored.redriveCount,
      ...(stored.redriveDateMs !== undefined && {
        redriveDate: new Date(stored.redriveDateMs),
      }),
      ...(stored.stopDateMs !== undefined && {
        stopDate: new Date(stored.stopDateMs),
      }),
      ...(stored.output !== undefined && { output: stored.output }),
      ...(stored.error !== undefined && { error: stored.error }),
      ...(stored.cause !== undefined && { cause: stored.cause }),
      abort: () => undefined,
      settled: Promise.resolve(),
      history: new ExecutionHistory(
        {
          input: stored.input,
          roleArn: roleArnOf(stored.stateMachineArn),
          stopRequest: () => record.stopRequest,
          onAppend: (event) => this.#saveEvent(record, event),
        },
        events,
      ),
    };
    return record;
  }

  #save(record: ExecutionRecord): void {
    if (!this.#closing) this.#persistence?.saveExecution(toStored(record));
  }

  #saveEvent(record: ExecutionRecord, event: HistoryEvent): void {
    if (!this.#closing) {
      this.#persistence?.appendHistoryEvent(record.executionArn, event);
    }
  }

  #finish(record: ExecutionRecord, outcome: ExecutionOutcome): void {
    const last = record.history.events.at(-1);
    record.status = outcome.status;
    record.stopDate = last?.timestamp ?? new Date();
    if (outcome.status === 'SUCCEEDED') {
      record.output = JSON.stringify(outcome.output ?? null);
    }
    const { error, cause } =
      outcome.status === 'ABORTED'
        ? (record.stopRequest ?? {})
        : outcome.status === 'TIMED_OUT'
          ? { error: 'States.Timeout', cause: undefined }
          : outcome;
    if (error !== undefined) record.error = error;
    if (cause !== undefined) record.cause = cause;
    this.#save(record);
  }
}
