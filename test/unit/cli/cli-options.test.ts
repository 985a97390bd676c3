import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliOptions } from '#cli/cli-options.ts';

describe('parseCliOptions', () => {
  it('builds a create request from the flags', () => {
    // Act
    const options = parseCliOptions([
      'create',
      'acme',
      '--domain',
      'ECOMMERCE',
      '--tag',
      'team=ml',
      '--idempotency-key',
      'k-1',
      '--json',
    ]);

    // Assess
    expect(options).toMatchObject({
      command: 'create',
      name: 'acme',
      request: {
        name: 'acme',
        domain: 'ECOMMERCE',
        tags: [{ tagKey: 'team', tagValue: 'ml' }],
      },
      idempotencyKey: 'k-1',
      wait: true,
      json: true,
      timeoutSeconds: 10_800,
      target: {},
    });
  });

  it('reads --no-wait, --timeout and a stage target', () => {
    // Act
    const options = parseCliOptions([
      'delete',
      'acme',
      '--no-wait',
      '--timeout',
      '30',
      '--stage',
      'prod',
      '--region',
      'eu-west-1',
    ]);

    // Assess
    expect(options).toMatchObject({
      command: 'delete',
      request: { name: 'acme' },
      wait: false,
      timeoutSeconds: 30,
      target: { stage: 'prod', region: 'eu-west-1' },
    });
  });

  it('takes a name filter for events', () => {
    // Act
    const options = parseCliOptions(['events', '--follow', '--name', 'acme']);

    // Assess
    expect(options).toMatchObject({
      command: 'events',
      name: 'acme',
      follow: true,
    });
  });

  it.each([
    [[], /command is required/],
    [['deploy'], /Unknown command "deploy"/],
    [['create'], /create needs exactly one NAME/],
    [['status', 'a', 'b'], /status needs exactly one NAME/],
    [['list', 'extra'], /list takes no NAME/],
    [['create', 'a', '--tag', 'novalue'], /--tag must be KEY=VALUE/],
    [['create', 'a', '--timeout', '0'], /--timeout must be a positive/],
    [
      ['status', 'a', '--endpoint', 'http://x', '--stage', 'dev'],
      /exclude each other/,
    ],
    [['status', 'a', '--colour'], /Unknown option/],
  ])('rejects %j', (args, message) => {
    // Act
    const parse = () => parseCliOptions(args);

    // Assess
    expect(parse).toThrow(CliUsageError);
    expect(parse).toThrow(message);
  });
});
