import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseStartOptions,
  RequestRejectedError,
  startFlags,
  startUsage,
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
      version: false,
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

  it.each([
    [
      ['--name', 'bad name!'],
      [{ field: 'name', message: expect.stringMatching(/pattern/) }],
    ],
    [
      ['--domain', 'FOO'],
      [{ field: 'domain', message: expect.stringMatching(/ECOMMERCE/) }],
    ],
    [
      ['--kms-key-arn', 'arn:aws:kms:us-east-1:111122223333:key/x'],
      [{ field: 'roleArn', message: expect.stringMatching(/kmsKeyArn/) }],
    ],
    [
      ['--tag', 'aws:team=ml'],
      [{ field: 'tags[0].tagKey', message: expect.stringMatching(/aws:/) }],
    ],
  ])(
    'rejects %j with the fields and rules of the request schema',
    (args, issues) => {
      // Act
      let rejection: unknown;
      try {
        parseStartOptions(args);
      } catch (error) {
        rejection = error;
      }

      // Assess
      expect(rejection).toBeInstanceOf(RequestRejectedError);
      expect(rejection).toBeInstanceOf(UsageError);
      expect((rejection as RequestRejectedError).issues).toEqual(issues);
      expect((rejection as Error).message).toMatch(
        /^Invalid dataset group request \(nothing was started\):\n {2}\w/,
      );
    },
  );

  it('rejects an --input file the request schema rejects, naming each field', () => {
    // Prepare
    const path = join(mkdtempSync(join(tmpdir(), 'input-')), 'request.json');
    writeFileSync(path, JSON.stringify({ name: 'ok', colour: 'red', tags: 1 }));

    // Act
    const parse = () => parseStartOptions(['--input', path]);

    // Assess
    expect(parse).toThrow(RequestRejectedError);
    expect(parse).toThrow(/ {2}colour: is not a known field/);
    expect(parse).toThrow(/ {2}tags: /);
  });

  it('reads --version and --help without judging the rest', () => {
    // Act
    const version = parseStartOptions(['--version']);
    const help = parseStartOptions(['-h']);

    // Assess
    expect(version.version).toBe(true);
    expect(help.help).toBe(true);
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
    [['--colour'], /^npm start does not take --colour$/],
    [['--follow'], /^npm start does not take --follow$/],
    [['positional'], /takes no positional argument \(got "positional"\)/],
    [['--name'], /--name <value>' argument missing/],
  ])('rejects %j with a usage error', (args, message) => {
    // Act
    const parse = () => parseStartOptions(args);

    // Assess
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
  });

  it('lists in its help exactly the flags it takes', () => {
    // Prepare
    const listed = [...startUsage.matchAll(/^ {2}(--[a-z-]+)/gm)].map(
      (match) => match[1],
    );

    // Act
    const refused = listed.filter((flag) => {
      try {
        parseStartOptions([`${flag}=x`]);
        return false;
      } catch (error) {
        return /npm start does not take/.test((error as Error).message);
      }
    });

    // Assess
    expect([...listed].sort()).toEqual([...startFlags].sort());
    expect(refused).toEqual([]);
  });
});
