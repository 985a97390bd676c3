import { describe, expect, it } from 'vitest';
import { LocalEventBus } from '#local/runtime/event-bus.ts';
import { bindPutEvents } from '#local/runtime/put-events-binding.ts';

const execution = {
  executionArn:
    'arn:aws:states:us-east-1:000000000000:execution:create-dataset-group:run-1',
  stateMachineArn:
    'arn:aws:states:us-east-1:000000000000:stateMachine:create-dataset-group',
};

const task = (detailType: string) => ({
  Entries: [
    {
      Source: 'personalize.dataset-groups',
      DetailType: detailType,
      Detail: { datasetGroup: { name: 'acme' } },
    },
  ],
});

describe('bindPutEvents', () => {
  it('adds the state machine and execution ARNs to the resources', async () => {
    // Prepare
    const bus = new LocalEventBus();

    // Act
    await bindPutEvents(bus, execution)(task('Dataset Group Created') as never);

    // Assess
    expect(bus.events[0]?.resources).toEqual([
      execution.stateMachineArn,
      execution.executionArn,
    ]);
  });

  it('answers the earlier event instead of publishing it twice on a run again', async () => {
    // Prepare
    const bus = new LocalEventBus();
    const first = await bindPutEvents(
      bus,
      execution,
    )(task('Dataset Group Created') as never);

    // Act
    const again = await bindPutEvents(bus, {
      ...execution,
      skipPublished: true,
    })(task('Dataset Group Created') as never);
    const other = await bindPutEvents(bus, {
      ...execution,
      skipPublished: true,
    })(task('Dataset Group Creation Started') as never);

    // Assess
    expect(again).toEqual({
      Entries: [{ EventId: bus.events[0]?.id }],
      FailedEntryCount: 0,
    });
    expect(again).toEqual(first);
    expect(other).toMatchObject({ FailedEntryCount: 0 });
    expect(bus.events.map((event) => event['detail-type'])).toEqual([
      'Dataset Group Created',
      'Dataset Group Creation Started',
    ]);
  });
});
