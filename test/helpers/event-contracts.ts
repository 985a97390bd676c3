import { expect } from 'vitest';
import { eventContracts } from '#commons/events/registry.ts';
import type { BusEvent } from '#local/runtime/event-bus.ts';
import {
  jsonSchemaAccepts,
  zodAccepts,
} from '#test/unit/functions/commons/events/event-contract-helpers.ts';

/** Every published event has a contract and honours its zod schema and JSON Schema. */
export const expectEventsToHonourTheirContracts = (events: BusEvent[]) => {
  for (const event of events) {
    const contract = Object.values(eventContracts).find(
      ({ detailType }) => detailType === event['detail-type'],
    );
    expect(contract, event['detail-type']).toBeDefined();
    if (contract === undefined) continue;
    expect(zodAccepts(contract, event.detail), event['detail-type']).toBe(true);
    expect(
      jsonSchemaAccepts(contract, event.detail),
      event['detail-type'],
    ).toBe(true);
  }
};
