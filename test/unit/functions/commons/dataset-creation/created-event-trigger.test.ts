import { describe, expect, it } from 'vitest';
import { datasetsTriggerOf } from '#commons/dataset-creation/created-event-trigger.ts';
import type { EventBridgeEnvelope } from '#commons/events/eventbridge-envelope.ts';

const envelope = (detail: unknown, id = 'event-1'): EventBridgeEnvelope =>
  ({
    version: '0',
    id,
    'detail-type': 'Dataset Group Created',
    source: 'personalize.dataset-groups',
    account: '000000000000',
    time: '2026-01-01T00:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail,
  }) as EventBridgeEnvelope;

const created = (datasets: unknown) => ({
  datasetGroup: { name: 'acme' },
  request: { name: 'acme', ...(datasets === undefined ? {} : { datasets }) },
  executionArn:
    'arn:aws:states:us-east-1:000000000000:execution:create-dataset-group:api-123',
  correlationId: 'c-1',
});

describe('datasetsTriggerOf', () => {
  it('names the datasets execution after the group execution, whatever the event id: a duplicate starts one run', () => {
    const datasets = [
      {
        datasetType: 'Users',
        schema: {
          schemaArn: 'arn:aws:personalize:us-east-1:000000000000:schema/u',
        },
      },
    ];
    const first = datasetsTriggerOf(envelope(created(datasets), 'a'));
    const again = datasetsTriggerOf(envelope(created(datasets), 'b'));
    expect(first).toEqual({
      executionName: 'api-123',
      input: { name: 'acme', datasets, correlationId: 'c-1' },
    });
    expect(again).toEqual(first);
  });

  it('starts nothing for a request without datasets', () => {
    expect(datasetsTriggerOf(envelope(created(undefined)))).toBeUndefined();
    expect(datasetsTriggerOf(envelope(created([])))).toBeUndefined();
  });

  it('names the field of an event that is not our Created event', () => {
    expect(() =>
      datasetsTriggerOf(envelope({ request: { datasets: [{}] } })),
    ).toThrow(/detail\.datasetGroup\.name: is required; detail\.executionArn/);
  });
});
