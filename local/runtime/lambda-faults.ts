/**
 * Failures of the Lambda runtime itself, injected per function: the
 * handler runs (its side effects happen) but its answer is lost, as when
 * the runtime crashes or the function reaches its timeout mid-run.
 */
export type LambdaFaultKind = 'crash' | 'timeout';

/** How the Lambda service reports each kind to Step Functions. */
export const lambdaFaultErrors: Record<
  LambdaFaultKind,
  { errorType: string; errorMessage: string }
> = {
  crash: {
    errorType: 'Runtime.ExitError',
    errorMessage: 'Runtime exited with error: signal: killed',
  },
  timeout: {
    errorType: 'Sandbox.Timedout',
    errorMessage: 'Task timed out after 30.00 seconds',
  },
};

export class LambdaFaults {
  readonly #queued = new Map<string, LambdaFaultKind[]>();
  #injected = 0;

  /** The next `count` invocations of `functionName` fail this way. */
  inject(functionName: string, kind: LambdaFaultKind, count = 1): void {
    const queue = this.#queued.get(functionName) ?? [];
    for (let index = 0; index < count; index += 1) queue.push(kind);
    this.#queued.set(functionName, queue);
  }

  /** The fault of this invocation, if any; consumes it. */
  take(functionName: string): LambdaFaultKind | undefined {
    const kind = this.#queued.get(functionName)?.shift();
    if (kind !== undefined) this.#injected += 1;
    return kind;
  }

  get injected(): number {
    return this.#injected;
  }

  clear(): void {
    this.#queued.clear();
  }
}
