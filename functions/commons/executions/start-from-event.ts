import type { SFNClient } from '@aws-sdk/client-sfn';
import { parseEventBridgeEnvelope } from '../events/eventbridge-envelope.ts';
import { executionNameFromEventId } from './execution-names.ts';
import { findOrStartWorkflow } from './start-workflow.ts';

export interface StartedFromEvent {
  executionArn: string;
  executionName: string;
  /**
   * The event was delivered before: its execution already existed, running
   * or closed.
   */
  duplicate: boolean;
}

/**
 * Starts a workflow for an EventBridge event: the envelope is checked
 * field by field (InvalidEventEnvelopeError), the detail is validated by
 * `validate` (which throws a typed error naming each field), and the
 * execution is named after the event id, so a second delivery of the
 * same event finds the first execution (running or closed) instead of
 * starting another.
 */
export const startFromEvent = async <
  Request extends { name: string; correlationId?: string | undefined },
>(
  event: unknown,
  validate: (detail: unknown) => Request,
  client: SFNClient,
  stateMachineArn: string,
): Promise<StartedFromEvent & { request: Request }> => {
  const envelope = parseEventBridgeEnvelope(event);
  const request = validate(envelope.detail);
  const input = {
    ...request,
    correlationId: request.correlationId ?? envelope.id,
  };
  const executionName = executionNameFromEventId(envelope.id);
  const started = await findOrStartWorkflow(
    client,
    stateMachineArn,
    executionName,
    input,
  );
  return {
    executionArn: started.executionArn,
    executionName,
    duplicate: started.replay,
    request,
  };
};
