import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseStartOptions,
  UsageError,
} from '#local/commands/start/start-options.ts';

const sample = join(
  import.meta.dirname,
  '../../../../../samples/execution-inputs/ecommerce-with-tags.json',
);

describe('parseStartOptions', () => {
  it('builds the default request and scenario from no arguments', () => {
    // Act
    const options = parseStartOptions([]);

    // Assess
    expect(options).toEqual({
      request: { name: 'demo-dataset-group' },
      scenario: 'happy',
      verbose: false,
      help: false,
    });
  });

  it('maps every request flag, with repeated tags in order', () => {
    // Act
    const options = parseStartOptions([
      '--name',
      'acme',
      '--domain',
      'ECOMMERCE',
      '--kms-key-arn',
      'arn:aws:kms:us-east-1:123456789012:key/k',
      '--role-arn',
      'arn:aws:iam::123456789012:role/r',
      '--tag',
      'team=ml',
      '--tag',
      'formula=a=b',
      '--correlation-id',
      'c-1',
      '--scenario',
      'slow',
    ]);

    // Assess
    expect(options.request).toEqual({
      name: 'acme',
      domain: 'ECOMMERCE',
      kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
      roleArn: 'arn:aws:iam::123456789012:role/r',
      correlationId: 'c-1',
      tags: [
        { tagKey: 'team', tagValue: 'ml' },
        { tagKey: 'formula', tagValue: 'a=b' },
      ],
    });
    expect(options.scenario).toBe('slow');
  });

  it('passes a bad name through untouched: the workflow judges it', () => {
    // Act
    const options = parseStartOptions(['--name', 'bad name!']);

    // Assess
    expect(options.request).toEqual({ name: 'bad name!' });
  });

  it('reads the whole request from --input', () => {
    // Act
    const options = parseStartOptions(['--input', sample]);

    // Assess
    expect(options.request).toMatchObject({
      name: 'tenant-acme-shop',
      domain: 'ECOMMERCE',
    });
  });

  it.each([
    [['--scenario', 'chaos'], /--scenario must be one of happy/],
    [['--tag', 'novalue'], /--tag must be KEY=VALUE/],
    [['--tag', '=v'], /--tag must be KEY=VALUE/],
    [['--input', sample, '--name', 'x'], /cannot be combined with --name/],
    [['--input', '/nonexistent.json'], /cannot be read/],
    [['--input', import.meta.filename], /is not JSON/],
    [['--colour'], /Unknown option/],
    [['positional'], /positional/],
  ])('rejects %j with a usage error', (args, message) => {
    // Act
    const parse = () => parseStartOptions(args);

    // Assess
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
  });
});
