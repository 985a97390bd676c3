import { describe, expect, it } from 'vitest';
import { readUrlState, urlFor } from '#local/console/page/url-state.js';

const arn =
  'arn:aws:states:us-east-1:000000000000:execution:create-dataset-group:api-1';

describe('readUrlState', () => {
  it('reads the execution ARN and the state machine it runs on', () => {
    // Act
    const state = readUrlState(`?execution=${encodeURIComponent(arn)}`);

    // Assess
    expect(state).toEqual({
      stateMachine: 'create-dataset-group',
      execution: arn,
      executionRef: { stateMachine: 'create-dataset-group', name: 'api-1' },
      problem: undefined,
    });
  });

  it('says what is wrong with an execution that is not an ARN', () => {
    // Act
    const state = readUrlState('?execution=nope');

    // Assess
    expect(state.executionRef).toBeUndefined();
    expect(state.problem).toBe(
      '"nope" in the address is not an execution ARN (arn:aws:states:REGION:ACCOUNT:execution:STATE_MACHINE:NAME)',
    );
  });

  it('takes a state machine alone, and nothing at all', () => {
    // Act
    const alone = readUrlState('?stateMachine=delete-dataset-group');
    const nothing = readUrlState('');

    // Assess
    expect(alone.stateMachine).toBe('delete-dataset-group');
    expect(alone.problem).toBeUndefined();
    expect(nothing).toEqual({
      stateMachine: undefined,
      execution: undefined,
      executionRef: undefined,
      problem: undefined,
    });
  });
});

describe('urlFor', () => {
  it('writes an address readUrlState reads back', () => {
    // Act
    const address = urlFor('create-dataset-group', arn);

    // Assess
    expect(readUrlState(address).execution).toBe(arn);
    expect(urlFor('create-datasets', undefined)).toBe(
      '?stateMachine=create-datasets',
    );
  });
});
