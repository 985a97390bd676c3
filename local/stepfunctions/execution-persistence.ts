import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { ExecutionStatus } from './execution-requests.ts';

/** An execution as the registry keeps it, in a JSON-safe form. */
export interface StoredExecution {
  /** Start order across the registry. */
  sequence: number;
  executionArn: string;
  stateMachineArn: string;
  name: string;
  /** The input exactly as StartExecution received it. */
  input: string;
  startDateMs: number;
  status: ExecutionStatus;
  stopDateMs?: number;
  output?: string;
  error?: string;
  cause?: string;
  /** Times the run was started again after the stack stopped under it. */
  redriveCount: number;
  redriveDateMs?: number;
}

/** What a registry finds again when it starts. */
export interface LoadedExecution {
  execution: StoredExecution;
  history: HistoryEvent[];
}

/**
 * Where executions outlive the process: each one is saved when it starts
 * and when it ends, and each history event as it is appended.
 */
export interface ExecutionPersistence {
  load(): LoadedExecution[];
  saveExecution(execution: StoredExecution): void;
  appendHistoryEvent(executionArn: string, event: HistoryEvent): void;
  /** When the state machines were first served: `now` the first time. */
  stateMachinesCreationDate(now: Date): Date;
}
