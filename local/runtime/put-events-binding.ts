import {
  EventBridgeFailedEntryError,
  type LocalEventBus,
  type PutEventsEntry,
} from './event-bus.ts';
import type { TaskHandler } from './task-handler.ts';

/**
 * Binds the `arn:aws:states:::events:putEvents` integration to a local
 * bus with the integration's documented behaviour: the execution and state
 * machine ARNs are appended to each entry's Resources, and a response with
 * FailedEntryCount > 0 fails the task with EventBridge.FailedEntry.
 */
export const bindPutEvents =
  (
    bus: LocalEventBus,
    execution: { executionArn: string; stateMachineArn: string },
  ): TaskHandler =>
  async (input) => {
    const { Entries } = input as unknown as { Entries: PutEventsEntry[] };
    const response = bus.putEvents(
      Entries.map((entry) => ({
        ...entry,
        Resources: [
          ...(entry.Resources ?? []),
          execution.executionArn,
          execution.stateMachineArn,
        ],
      })),
    );
    if (response.FailedEntryCount > 0) {
      throw new EventBridgeFailedEntryError(
        `PutEvents reported ${response.FailedEntryCount} failed entr${
          response.FailedEntryCount === 1 ? 'y' : 'ies'
        }: ${response.Entries.map((entry) => entry.ErrorCode).join(', ')}`,
      );
    }
    return response;
  };
