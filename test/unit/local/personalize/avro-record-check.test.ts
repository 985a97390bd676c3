import { describe, expect, it } from 'vitest';
import { avroRecordIssues } from '#local/personalize/avro-record-check.ts';
import { resourceTypeOf } from '#local/personalize/resource-arns.ts';

describe('avroRecordIssues', () => {
  it('finds nothing wrong with a record that has none of a type’s fields', () => {
    // Act
    const issues = avroRecordIssues(
      '{"type":"record","name":"R","fields":[{"name":"X","type":"int"}]}',
    );

    // Assess
    expect(issues).toEqual([]);
  });

  it.each([
    ['[1', /^is not JSON/],
    ['"string"', /^must be an Avro record/],
    [
      '{"type":"record","name":"R","fields":[{"name":"X","type":"nope"}]}',
      /^is not a valid Avro schema/,
    ],
  ])('reports %s', (definition, issue) => {
    // Act
    const issues = avroRecordIssues(definition);

    // Assess
    expect(issues).toEqual([expect.stringMatching(issue)]);
  });
});

describe('resourceTypeOf', () => {
  it.each([
    [
      'arn:aws:personalize:us-east-1:000000000000:dataset-group/g',
      'dataset-group',
    ],
    ['arn:aws:personalize:us-east-1:000000000000:dataset/g/ITEMS', 'dataset'],
    [
      'arn:aws:personalize:us-east-1:000000000000:dataset-import-job/j',
      'dataset-import-job',
    ],
    ['arn:aws:personalize:us-east-1:000000000000:schema/s', 'schema'],
    ['arn:aws:personalize:us-east-1:000000000000:nothing', undefined],
  ])('names the resource type of %s', (arn, type) => {
    // Act
    const named = resourceTypeOf(arn);

    // Assess
    expect(named).toBe(type);
  });
});
