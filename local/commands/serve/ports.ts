import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

export interface LocalServerPorts {
  api: number;
  stepFunctions: number;
  eventBridge: number;
  personalize: number;
  console: number;
}

export type Endpoint = keyof LocalServerPorts;

/** Fixed by default so the README's examples can be copied. */
export const defaultLocalServerPorts: LocalServerPorts = {
  api: 3000,
  stepFunctions: 8083,
  eventBridge: 4010,
  personalize: 4566,
  console: 8084,
};

export const endpointLabels: Record<Endpoint, string> = {
  api: 'HTTP API',
  stepFunctions: 'Step Functions',
  eventBridge: 'EventBridge',
  personalize: 'Personalize',
  console: 'Console',
};

export const portFlags: Record<Endpoint, string> = {
  api: '--api-port',
  stepFunctions: '--stepfunctions-port',
  eventBridge: '--eventbridge-port',
  personalize: '--personalize-port',
  console: '--console-port',
};

/** `--port-base N`: N, N+1, …, N+4 in that order; 0 = free ports. */
export const portsFromBase = (base: number): LocalServerPorts =>
  base === 0
    ? { api: 0, stepFunctions: 0, eventBridge: 0, personalize: 0, console: 0 }
    : {
        api: base,
        stepFunctions: base + 1,
        eventBridge: base + 2,
        personalize: base + 3,
        console: base + 4,
      };

/** A port of the stack is taken; the message says by whom and what to do. */
export class PortInUseError extends Error {
  readonly port: number;
  readonly endpoint: Endpoint;
  constructor(endpoint: Endpoint, port: number, holder: string | undefined) {
    super(
      `Port ${port} (${endpointLabels[endpoint]}) is in use${
        holder === undefined ? '' : ` by ${holder}`
      }: choose another with ${portFlags[endpoint]} N, or --port-base 0 for free ports`,
    );
    this.name = 'PortInUseError';
    this.port = port;
    this.endpoint = endpoint;
  }
}

/** `/proc/net/tcp` rows: local address `0100007F:0BB8`, state 0A = LISTEN. */
const listeningInodes = (port: number): Set<string> => {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      const local = columns[1];
      if (local?.endsWith(`:${hexPort}`) && columns[3] === '0A') {
        const inode = columns[9];
        if (inode !== undefined && inode !== '0') inodes.add(inode);
      }
    }
  }
  return inodes;
};

/**
 * The process listening on `port`, as "pid N (command line)", when Linux's
 * /proc says (the processes of other users stay unknown), else undefined.
 */
export const portHolder = (port: number): string | undefined => {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let descriptors: string[];
    try {
      descriptors = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const descriptor of descriptors) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${descriptor}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode !== undefined && inodes.has(inode)) {
        let command = '';
        try {
          command = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
            .split('\0')
            .filter((part) => part !== '')
            .join(' ');
        } catch {
          // The process may be gone by now.
        }
        return command === '' ? `pid ${pid}` : `pid ${pid} (${command})`;
      }
    }
  }
  return undefined;
};

/** Resolves once `port` could be bound on 127.0.0.1 (then frees it). */
const probe = (endpoint: Endpoint, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(endpoint, port, portHolder(port))
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });

/**
 * Checks that every fixed port of the stack is free before anything is
 * started or opened (0, a free port, needs no check).
 */
export const assertPortsFree = async (
  ports: LocalServerPorts,
): Promise<void> => {
  for (const [endpoint, port] of Object.entries(ports) as Array<
    [Endpoint, number]
  >) {
    if (port !== 0) await probe(endpoint, port);
  }
};
