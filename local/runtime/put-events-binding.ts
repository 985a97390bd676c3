import {
  entriesOverLimit,
  entriesOverLimitMessage,
} from '../eventbridge/entry-size.ts';
import {
  EventBridgeFailedEntryError,
  type LocalEventBus,
  type PutEventsEntry,
} from './event-bus.ts';
import type { TaskHandler } from './task-handler.ts';

/**
 * What the task fails with when EventBridge refuses the whole request
 * (ValidationException), named as Step Functions names a service's error
 * (`<Service>.<ErrorName>`); the optimized integration documents only
 * EventBridge.FailedEntry by name.
 */
export class EventBridgeValidationTaskError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventBridge.ValidationException';
  }
}

/**
 * Binds the `arn:aws:states:::events:putEvents` integration to a local
 * bus with the integration's documented behaviour: the execution and state
 * machine ARNs are appended to each entry's Resources, entries over
 * EventBridge's 256 KB (counted as the service does, the Detail as the
 * JSON the integration sends) fail the task with a ValidationException,
 * and a response with FailedEntryCount > 0 fails it with
 * EventBridge.FailedEntry.
 */
export const bindPutEvents =
  (
    bus: LocalEventBus,
    execution: { executionArn: string; stateMachineArn: string },
  ): TaskHandler =>
  async (input) => {
    const { Entries } = input as unknown as { Entries: PutEventsEntry[] };
    const entries = Entries.map((entry) => ({
      ...entry,
      Resources: [
        ...(entry.Resources ?? []),
        execution.executionArn,
        execution.stateMachineArn,
      ],
    }));
    const sized = entries.map((entry) => ({
      ...entry,
      Detail:
        typeof entry.Detail === 'string'
          ? entry.Detail
          : JSON.stringify(entry.Detail),
    }));
    if (entriesOverLimit(sized)) {
      throw new EventBridgeValidationTaskError(entriesOverLimitMessage);
    }
    const response = bus.putEvents(entries);
    if (response.FailedEntryCount > 0) {
      throw new EventBridgeFailedEntryError(
        `PutEvents reported ${response.FailedEntryCount} failed entr${
          response.FailedEntryCount === 1 ? 'y' : 'ies'
        }: ${response.Entries.map((entry) => entry.ErrorCode).join(', ')}`,
      );
    }
    return response;
  };
