import { describe, expect, it } from 'vitest';
import { describeEvent, readStackEvents } from '#cli/follow-events.ts';
import {
  lifecycleEvent,
  stackBusName,
  stackEventDatabase,
} from '#test/helpers/stack-events.ts';

describe('readStackEvents', () => {
  it('reads every event of the stack bus, or those of one group', async () => {
    // Prepare
    const events = stackEventDatabase(
      lifecycleEvent('Dataset Group Created', 'a'),
      lifecycleEvent('Dataset Group Creation Failed', 'b', {
        code: 'DatasetGroupCreateFailed',
        message: 'why',
      }),
    );
    events.publishOnDefaultBus(lifecycleEvent('Dataset Group Created', 'c'));
    const all: string[] = [];
    const ofB: string[] = [];

    // Act
    await readStackEvents(events.file, {
      busName: stackBusName,
      follow: false,
      onEvent: (each) => all.push(each['detail-type']),
    });
    await readStackEvents(events.file, {
      busName: stackBusName,
      follow: false,
      name: 'b',
      onEvent: (each) => ofB.push(describeEvent(each)),
    });

    // Assess
    expect(all).toEqual([
      'Dataset Group Created',
      'Dataset Group Creation Failed',
    ]);
    expect(ofB).toEqual([
      '2026-11-25T10:00:00.000Z  Dataset Group Creation Failed    b  DatasetGroupCreateFailed: why',
    ]);
    events.close();
  });

  it('follows what the stack publishes until aborted', async () => {
    // Prepare
    const events = stackEventDatabase(
      lifecycleEvent('Dataset Group Created', 'a'),
    );
    const controller = new AbortController();
    const seen: string[] = [];

    // Act
    const count = await readStackEvents(events.file, {
      busName: stackBusName,
      follow: true,
      pollMs: 5,
      signal: controller.signal,
      onEvent: (each) => {
        seen.push(each.detail.datasetGroup?.name ?? '');
        if (seen.length === 1) {
          events.publish(lifecycleEvent('Dataset Group Created', 'b'));
        }
        if (seen.length === 2) controller.abort();
      },
    });

    // Assess
    expect(seen).toEqual(['a', 'b']);
    expect(count).toBe(2);
    events.close();
  });
});
