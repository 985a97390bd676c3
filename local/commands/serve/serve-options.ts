import { parseArgs } from 'node:util';
import {
  defaultLocalServerPorts,
  type Endpoint,
  endpointLabels,
  type LocalServerPorts,
  portFlags,
  portsFromBase,
} from './ports.ts';
import { defaultStackDirectory } from './stack-file.ts';

export class ServeUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServeUsageError';
  }
}

export interface ServeOptions {
  directory: string;
  ports: LocalServerPorts;
  reset: boolean;
  verbose: boolean;
  help: boolean;
  version: boolean;
}

export const serveUsage = `Usage: npm run local -- [options]

Serves the whole local stack on 127.0.0.1 until Ctrl-C: the HTTP API, Step
Functions, EventBridge, the Personalize emulator and the console (a web
page that draws the state machines and their runs). Its state (dataset
groups, executions with their histories, events) is kept in DIR/stack.db
and found again by the next start; executions that were running when the
stack stopped run again from their start.

Options:
  --dir DIR                  state directory (default ${defaultStackDirectory}); one stack
                             per directory, DIR/stack.json tells clients where
                             it is
  --reset                    start empty: forget the state kept in DIR
  --port-base N              ports N (HTTP API), N+1 (Step Functions), N+2
                             (EventBridge), N+3 (Personalize), N+4 (console);
                             0 = free ports
  --api-port N               HTTP API port (default ${defaultLocalServerPorts.api})
  --stepfunctions-port N     Step Functions port (default ${defaultLocalServerPorts.stepFunctions})
  --eventbridge-port N       EventBridge port (default ${defaultLocalServerPorts.eventBridge})
  --personalize-port N       Personalize emulator port (default ${defaultLocalServerPorts.personalize})
  --console-port N           console port (default ${defaultLocalServerPorts.console})
  --verbose                  print the handlers' structured logs
  --version                  the version, then exit
  --help                     this text

A port flag wins over --port-base; 0 picks a free port. The ports in use
are printed at start and written to DIR/stack.json.

Exit status: 0 after Ctrl-C, 1 when the stack cannot start (a port in use,
a directory another stack serves), 2 for a usage error.`;

const portOf = (flag: string, raw: string): number => {
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(port) || port > 65_535) {
    throw new ServeUsageError(
      `${flag} must be a port number from 0 to 65535, got "${raw}"`,
    );
  }
  return port;
};

const portFlagNames = Object.fromEntries(
  Object.entries(portFlags).map(([endpoint, flag]) => [
    flag.slice(2),
    endpoint,
  ]),
) as Record<string, Endpoint>;

/** Reads `npm run local` arguments; every flag is checked here. */
export const parseServeOptions = (args: string[]): ServeOptions => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        dir: { type: 'string', default: defaultStackDirectory },
        reset: { type: 'boolean', default: false },
        'port-base': { type: 'string' },
        ...Object.fromEntries(
          Object.keys(portFlagNames).map((name) => [name, { type: 'string' }]),
        ),
        verbose: { type: 'boolean', default: false },
        version: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      } as const,
    }));
  } catch (error) {
    throw new ServeUsageError((error as Error).message);
  }
  const base = values['port-base'];
  const ports: LocalServerPorts =
    typeof base === 'string'
      ? portsFromBase(portOf('--port-base', base))
      : { ...defaultLocalServerPorts };
  if (typeof base === 'string' && ports.console > 65_535) {
    throw new ServeUsageError(
      `--port-base ${base} leaves no room for its five ports (at most 65531)`,
    );
  }
  for (const [name, endpoint] of Object.entries(portFlagNames)) {
    const raw = values[name];
    if (typeof raw === 'string') ports[endpoint] = portOf(`--${name}`, raw);
  }
  const taken = new Map<number, Endpoint>();
  for (const [endpoint, port] of Object.entries(ports) as Array<
    [Endpoint, number]
  >) {
    const other = taken.get(port);
    if (port !== 0 && other !== undefined) {
      throw new ServeUsageError(
        `${endpointLabels[other]} and ${endpointLabels[endpoint]} cannot share port ${port}`,
      );
    }
    taken.set(port, endpoint);
  }
  const directory = String(values.dir);
  if (directory.trim() === '') {
    throw new ServeUsageError('--dir must name a directory');
  }
  return {
    directory,
    ports,
    reset: values.reset === true,
    verbose: values.verbose === true,
    help: values.help === true,
    version: values.version === true,
  };
};
