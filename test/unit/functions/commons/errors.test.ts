import { describe, expect, it } from 'vitest';
import {
  InvalidDatasetGroupRequestError,
  issuesMessage,
  maxIssuesInMessage,
  maxIssueTextLength,
} from '#commons/errors.ts';

describe('issuesMessage', () => {
  it('names every field and rule when there are few', () => {
    // Act
    const message = issuesMessage('Invalid dataset group request', [
      { field: 'name', message: 'is required' },
      { field: 'owner', message: 'is not a known field' },
    ]);

    // Assess
    expect(message).toBe(
      'Invalid dataset group request: name: is required; owner: is not a known field',
    );
  });

  it('lists the first issues and counts the others when there are thousands', () => {
    // Prepare
    const issues = Array.from({ length: 10_000 }, (_, index) => ({
      field: `unknownField${index}`,
      message: 'is not a known field',
    }));

    // Act
    const message = issuesMessage('Invalid dataset group request', issues);

    // Assess
    expect(message.split('; ')).toHaveLength(maxIssuesInMessage + 1);
    expect(message).toMatch(/^Invalid dataset group request: unknownField0: /);
    expect(message).toMatch(
      new RegExp(`; and ${10_000 - maxIssuesInMessage} more$`),
    );
  });

  it('cuts a huge field name short without splitting a surrogate pair', () => {
    // Prepare: the cut falls between the two halves of an emoji.
    const field = `${'k'.repeat(maxIssueTextLength - 2)}😀${'k'.repeat(200_000)}`;

    // Act
    const message = issuesMessage('Invalid', [
      { field, message: 'is not a known field' },
    ]);

    // Assess
    expect(message.length).toBeLessThan(2 * maxIssueTextLength);
    expect(message).toBe(
      `Invalid: ${'k'.repeat(maxIssueTextLength - 2)}…: is not a known field`,
    );
    expect(message.isWellFormed()).toBe(true);
  });
});

describe('InvalidDatasetGroupRequestError', () => {
  it('keeps every issue while its message stays bounded', () => {
    // Prepare
    const issues = Array.from({ length: 5_000 }, (_, index) => ({
      field: `f${index}`,
      message: 'is not a known field',
    }));

    // Act
    const error = new InvalidDatasetGroupRequestError(issues);

    // Assess
    expect(error.issues).toHaveLength(5_000);
    expect(error.message.length).toBeLessThan(
      maxIssuesInMessage * (2 * maxIssueTextLength + 4) + 100,
    );
  });
});
