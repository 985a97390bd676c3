import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  InvalidDatasetGroupRequestError,
  InvalidEventEnvelopeError,
} from '#commons/errors.ts';
import { handler } from '#functions/on-create-requested.ts';
import { lambdaContext } from '#test/helpers/lambda-context.ts';
import { getTestEvent } from '#test/unit/functions/commons/events/event-contract-helpers.ts';

const fixture =
  'com.example.tenant-onboarding/dataset-group-create-requested.json';

describe('on-create-requested handler', () => {
  const sfn = mockClient(SFNClient);

  afterEach(() => {
    sfn.reset();
  });

  it('starts one execution named after the event id, with the detail as input', async () => {
    // Prepare
    const event = getTestEvent(fixture);
    sfn
      .on(DescribeExecutionCommand)
      .rejects(new ExecutionDoesNotExist({ message: 'none', $metadata: {} }));
    sfn
      .on(StartExecutionCommand)
      .resolves({ executionArn: 'arn:e', startDate: new Date() });

    // Act
    const result = await handler(event as never, lambdaContext);

    // Assess
    expect(result).toMatchObject({
      duplicate: false,
      executionName: `event-${event.id}`,
    });
    const input = JSON.parse(
      sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input.input ?? '{}',
    );
    expect(input).toMatchObject(event.detail as object);
    expect(input.correlationId).toBeDefined();
  });

  it('treats a duplicate delivery as a success, not a second workflow', async () => {
    // Prepare
    const event = getTestEvent(fixture);
    const detail = event.detail as { correlationId?: string };
    const input = {
      ...detail,
      correlationId: detail.correlationId ?? event.id,
    };
    sfn
      .on(StartExecutionCommand)
      .rejects(
        new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }),
      );
    sfn.on(DescribeExecutionCommand).resolves({ input: JSON.stringify(input) });

    // Act
    const result = await handler(event as never, lambdaContext);

    // Assess
    expect(result).toMatchObject({ duplicate: true });
  });

  it('rejects an invalid detail, naming the field, without starting anything', async () => {
    // Prepare
    const event = getTestEvent(fixture);
    event.detail = { name: 'bad name!' };

    // Act
    const attempt = handler(event as never, lambdaContext);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(
      InvalidDatasetGroupRequestError,
    );
    await expect(attempt).rejects.toThrow(/name:/);
    expect(sfn).not.toHaveReceivedCommand(StartExecutionCommand);
  });

  it('rejects an event that is not an EventBridge envelope', async () => {
    // Act
    const attempt = handler({ hello: 'world' } as never, lambdaContext);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(InvalidEventEnvelopeError);
    await expect(attempt).rejects.toThrow(/\bid: .*detail-type: /);
    expect(sfn).not.toHaveReceivedCommand(StartExecutionCommand);
  });
});
