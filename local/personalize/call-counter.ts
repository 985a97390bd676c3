import { operationNames } from './operation-names.ts';

/** Calls received per X-Amz-Target operation name (known ones start at 0). */
export class CallCounter {
  #calls = new Map<string, number>();

  count(operation: string): void {
    this.#calls.set(operation, (this.#calls.get(operation) ?? 0) + 1);
  }

  snapshot(): Record<string, number> {
    return {
      ...Object.fromEntries(operationNames.map((name) => [name, 0])),
      ...Object.fromEntries(this.#calls),
    };
  }

  reset(): void {
    this.#calls = new Map();
  }
}
