import { describe, expect, it } from 'vitest';
import {
  defaultEventSource,
  detailTypes,
  inboundDetailTypes,
  outboundDetailTypes,
} from '#commons/events/detail-types.ts';

describe('detailTypes', () => {
  it('splits every detail-type into exactly one of inbound and outbound', () => {
    // Act
    const split = [...inboundDetailTypes, ...outboundDetailTypes];

    // Assess
    expect(split.sort()).toEqual(Object.values(detailTypes).sort());
    expect(new Set(split).size).toBe(split.length);
  });

  it('spells every detail-type in Title Case words about a dataset group or a dataset', () => {
    for (const detailType of Object.values(detailTypes)) {
      expect(detailType).toMatch(/^Dataset( [A-Z][a-z]+)+$/);
    }
  });

  it('names requests in the present and outcomes in the past tense', () => {
    for (const detailType of inboundDetailTypes) {
      expect(detailType).toMatch(/ (Create|Delete) Requested$/);
    }
    for (const detailType of outboundDetailTypes) {
      expect(detailType).toMatch(
        / (Started|Created|Deleted|Failed|Completed|Ready)$/,
      );
    }
  });

  it('publishes under personalize.dataset-groups by default', () => {
    expect(defaultEventSource).toBe('personalize.dataset-groups');
  });
});
