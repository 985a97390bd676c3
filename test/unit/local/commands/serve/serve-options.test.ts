import { describe, expect, it } from 'vitest';
import {
  parseServeOptions,
  ServeUsageError,
} from '#local/commands/serve/serve-options.ts';

describe('parseServeOptions', () => {
  it('serves from .local on the fixed ports when given nothing', () => {
    // Act
    const options = parseServeOptions([]);

    // Assess
    expect(options).toEqual({
      directory: '.local',
      ports: {
        api: 3000,
        stepFunctions: 8083,
        eventBridge: 4010,
        personalize: 4566,
        console: 8084,
      },
      reset: false,
      verbose: false,
      help: false,
      version: false,
    });
  });

  it('lays five ports from a base, and a port flag wins over it', () => {
    // Act
    const options = parseServeOptions([
      '--port-base',
      '5000',
      '--personalize-port',
      '0',
      '--dir',
      'state-b',
      '--reset',
    ]);

    // Assess
    expect(options.ports).toEqual({
      api: 5000,
      stepFunctions: 5001,
      eventBridge: 5002,
      personalize: 0,
      console: 5004,
    });
    expect(options.directory).toBe('state-b');
    expect(options.reset).toBe(true);
  });

  it('gives free ports everywhere for --port-base 0', () => {
    // Act
    const { ports } = parseServeOptions(['--port-base', '0']);

    // Assess
    expect(Object.values(ports)).toEqual([0, 0, 0, 0, 0]);
  });

  it.each([
    [
      ['--api-port', '99999'],
      /--api-port must be a port number from 0 to 65535, got "99999"/,
    ],
    [['--port-base', 'abc'], /--port-base must be a port number/],
    [['--port-base', '65532'], /leaves no room for its five ports/],
    [
      ['--api-port', '4000', '--eventbridge-port', '4000'],
      /HTTP API and EventBridge cannot share port 4000/,
    ],
    [['--port', '3000'], /Unknown option '--port'/],
    [['serve'], /Unexpected argument 'serve'/],
    [['--dir', ' '], /--dir must name a directory/],
  ])('rejects %j naming the flag and the rule', (args, message) => {
    // Act
    const parse = () => parseServeOptions(args);

    // Assess
    expect(parse).toThrow(ServeUsageError);
    expect(parse).toThrow(message);
  });
});
