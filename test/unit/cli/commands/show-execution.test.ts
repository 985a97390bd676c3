import { describe, expect, it } from 'vitest';
import { describeExecution } from '#cli/commands/show-execution.ts';

describe('describeExecution', () => {
  it('shows status, start, stop, input and output when the execution succeeded', () => {
    // Act
    const lines = describeExecution({
      executionArn: 'arn:aws:states:us-east-1:1:execution:sm:api-1',
      executionName: 'api-1',
      status: 'SUCCEEDED',
      startDate: '2026-11-25T10:00:00.000Z',
      stopDate: '2026-11-25T10:00:01.000Z',
      input: { name: 'acme' },
      output: { alreadyExisted: false },
    });

    // Assess
    expect(lines).toEqual([
      'execution: api-1',
      'arn:       arn:aws:states:us-east-1:1:execution:sm:api-1',
      'status:    SUCCEEDED',
      'started:   2026-11-25T10:00:00.000Z',
      'stopped:   2026-11-25T10:00:01.000Z',
      'input:     {"name":"acme"}',
      'output:    {"alreadyExisted":false}',
    ]);
  });

  it('shows the error and cause, and no output, when the execution failed', () => {
    // Act
    const lines = describeExecution({
      executionArn: 'arn',
      executionName: 'api-2',
      status: 'FAILED',
      startDate: '2026-11-25T10:00:00.000Z',
      error: 'DatasetGroupCreateFailed',
      cause: 'KMS key',
    });

    // Assess
    expect(lines.slice(-2)).toEqual([
      'error:     DatasetGroupCreateFailed',
      'cause:     KMS key',
    ]);
    expect(lines.some((line) => line.startsWith('output:'))).toBe(false);
  });
});
