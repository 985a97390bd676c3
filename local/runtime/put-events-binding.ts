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
 * bus with the integration's documented behaviour: the state machine and
 * execution ARNs are appended to each entry's Resources, entries over
 * EventBridge's 256 KB (counted as the service does, the Detail as the
 * JSON the integration sends) fail the task with a ValidationException,
 * and a response with FailedEntryCount > 0 fails it with
 * EventBridge.FailedEntry. Verified against executions recorded on AWS
 * (LocalStack's tests/aws/services/stepfunctions/v2/services/
 * test_events_task_service.snapshot.json): the ARNs come in that order
 * (state machine, then execution), and the failure's Cause is the
 * PutEvents response itself, as JSON.
 */
export const bindPutEvents =
  (
    bus: LocalEventBus,
    execution: {
      executionArn: string;
      stateMachineArn: string;
      /** Entries whose events this execution published already (same
       * source and detail-type) answer those events' ids instead of being
       * published twice: for a run again from the start. */
      skipPublished?: boolean;
    },
  ): TaskHandler =>
  async (input) => {
    const { Entries } = input as unknown as { Entries: PutEventsEntry[] };
    const entries = Entries.map((entry) => ({
      ...entry,
      Resources: [
        ...(entry.Resources ?? []),
        execution.stateMachineArn,
        execution.executionArn,
      ],
    }));
    const earlier = execution.skipPublished
      ? entries.map((entry) =>
          bus.events.find(
            (event) =>
              event.resources.includes(execution.executionArn) &&
              event.source === entry.Source &&
              event['detail-type'] === entry.DetailType,
          ),
        )
      : [];
    if (earlier.length > 0 && earlier.every((event) => event !== undefined)) {
      return {
        Entries: earlier.map((event) => ({ EventId: event?.id })),
        FailedEntryCount: 0,
      };
    }
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
      throw new EventBridgeFailedEntryError(JSON.stringify(response));
    }
    return response;
  };
