import { describe, expect, it } from 'vitest';
import { InvalidEventEnvelopeError } from '#commons/errors.ts';
import { parseEventBridgeEnvelope } from '#commons/events/eventbridge-envelope.ts';
import { getTestEvent } from './event-contract-helpers.ts';

const envelope = getTestEvent(
  'com.example.tenant-onboarding/dataset-group-create-requested.json',
);

const issuesOf = (event: unknown) => {
  try {
    parseEventBridgeEnvelope(event);
  } catch (error) {
    if (error instanceof InvalidEventEnvelopeError) return error.issues;
    throw error;
  }
  throw new Error('the envelope was accepted');
};

describe('parseEventBridgeEnvelope', () => {
  it('returns the envelope EventBridge delivers, replay name included', () => {
    const replayed = { ...envelope, 'replay-name': 'after-outage' };

    expect(parseEventBridgeEnvelope(replayed)).toEqual(replayed);
  });

  it('names every missing field', () => {
    expect(issuesOf({ detail: {} })).toEqual(
      [
        'version',
        'id',
        'source',
        'account',
        'time',
        'region',
        'resources',
        'detail-type',
      ].map((field) => ({ field, message: 'is required' })),
    );
  });

  it.each([
    [{ id: '' }, 'id', 'must be a non-empty string'],
    [{ time: 'Tuesday' }, 'time', 'must be an ISO-8601 timestamp'],
    [{ resources: 'arn' }, 'resources', 'must be an array of strings'],
    [{ resources: [7] }, 'resources[0]', 'must be a string'],
    [{ 'replay-name': 7 }, 'replay-name', 'must be a string'],
  ])('says what is wrong with %o', (change, field, message) => {
    expect(issuesOf({ ...envelope, ...change })).toEqual([{ field, message }]);
  });

  it('names the event itself when it is not an object', () => {
    expect(issuesOf('an event')).toEqual([
      {
        field: '(event)',
        message: 'must be an EventBridge event (a JSON object)',
      },
    ]);
  });
});
