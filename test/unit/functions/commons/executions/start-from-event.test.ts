import {
  DescribeExecutionCommand,
  ExecutionDoesNotExist,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { validateDatasetGroupRequest } from '#commons/dataset-group/validate-request.ts';
import { startFromEvent } from '#commons/executions/start-from-event.ts';
import { getTestEvent } from '#test/unit/functions/commons/events/event-contract-helpers.ts';

const stateMachineArn =
  'arn:aws:states:us-east-1:123456789012:stateMachine:create';
const fixture =
  'com.example.tenant-onboarding/dataset-group-create-requested.json';

describe('startFromEvent', () => {
  const sfn = mockClient(SFNClient);
  const client = new SFNClient({ region: 'us-east-1' });

  afterEach(() => {
    sfn.reset();
  });

  it('reports a delivery whose execution is still RUNNING as a duplicate', async () => {
    // Prepare: the first delivery's execution runs; Step Functions would
    // answer its StartExecution with success.
    const event = getTestEvent(fixture);
    const detail = event.detail as { correlationId?: string };
    const input = {
      ...validateDatasetGroupRequest(detail),
      correlationId: detail.correlationId ?? event.id,
    };
    sfn
      .on(DescribeExecutionCommand)
      .rejectsOnce(new ExecutionDoesNotExist({ message: 'no', $metadata: {} }))
      .callsFake(({ executionArn }) => ({
        executionArn,
        status: 'RUNNING',
        input: JSON.stringify(input),
      }));
    sfn.on(StartExecutionCommand).callsFake(({ name }) => ({
      executionArn: `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`,
      startDate: new Date(),
    }));

    // Act
    const first = await startFromEvent(
      event,
      validateDatasetGroupRequest,
      client,
      stateMachineArn,
    );
    const second = await startFromEvent(
      event,
      validateDatasetGroupRequest,
      client,
      stateMachineArn,
    );

    // Assess
    expect(first).toMatchObject({ duplicate: false });
    expect(second).toMatchObject({
      duplicate: true,
      executionArn: first.executionArn,
      executionName: `event-${event.id}`,
    });
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
  });
});
