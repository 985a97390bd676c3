import { describe, expect, it } from 'vitest';
import {
  detailTypes,
  inboundDetailTypes,
} from '#commons/events/detail-types.ts';
import {
  eventContractList,
  eventContracts,
  kebabCaseOf,
  schemaFileNameOf,
} from '#commons/events/registry.ts';

/**
 * Versions past 1.0.0: the details that embed the request contract got
 * 1.1.0 when it gained `datasets`.
 */
const currentVersions: Partial<Record<string, string>> = {
  [detailTypes.createRequested]: '1.1.0',
  [detailTypes.creationStarted]: '1.1.0',
  [detailTypes.created]: '1.1.0',
  [detailTypes.deleteRequested]: '1.1.0',
  [detailTypes.deletionStarted]: '1.1.0',
  [detailTypes.deleted]: '1.1.0',
  [detailTypes.deletionFailed]: '1.1.0',
};

describe('eventContracts', () => {
  it('has a contract for every detail-type, keyed by it', () => {
    // Act
    const keys = Object.keys(eventContracts);

    // Assess
    expect(keys.sort()).toEqual(Object.values(detailTypes).sort());
    for (const [detailType, contract] of Object.entries(eventContracts)) {
      expect(contract.detailType).toBe(detailType);
    }
  });

  it.each(eventContractList)(
    'describes $detailType at its version in its own file',
    (contract) => {
      // Prepare
      const expected = currentVersions[contract.detailType] ?? '1.0.0';

      // Act
      const { version, fileName, direction, description } = contract;

      // Assess
      expect(version).toBe(expected);
      expect(fileName).toBe(
        `${kebabCaseOf(contract.detailType)}.v${expected}.json`,
      );
      expect(direction).toBe(
        (inboundDetailTypes as readonly string[]).includes(contract.detailType)
          ? 'inbound'
          : 'outbound',
      );
      expect(description.length).toBeGreaterThan(20);
    },
  );

  it('gives every contract a distinct file', () => {
    // Act
    const fileNames = eventContractList.map((contract) => contract.fileName);

    // Assess
    expect(new Set(fileNames).size).toBe(fileNames.length);
  });
});

describe('schemaFileNameOf', () => {
  it('kebab-cases the detail-type and appends the version when named', () => {
    // Act
    const fileName = schemaFileNameOf('Dataset Group Created', '1.0.0');

    // Assess
    expect(fileName).toBe('dataset-group-created.v1.0.0.json');
  });

  it('collapses runs of white space when the detail-type has them', () => {
    // Act
    const kebab = kebabCaseOf(' Dataset  Group\tDeleted ');

    // Assess
    expect(kebab).toBe('dataset-group-deleted');
  });
});
