import { rmSync } from 'node:fs';
import packageJson from '../../package.json' with { type: 'json' };
import { startLocalServer } from './serve/local-server.ts';
import { assertPortsFree } from './serve/ports.ts';
import {
  parseServeOptions,
  ServeUsageError,
  serveUsage,
} from './serve/serve-options.ts';
import { printBanner, printEvents } from './serve/serve-output.ts';
import { claimStackDirectory } from './serve/stack-file.ts';

/**
 * `npm run local`: the whole stack on 127.0.0.1 until Ctrl-C, its state
 * kept in the state directory, with the endpoints and copy-paste
 * examples printed.
 */
const print = (line = '') => process.stdout.write(`${line}\n`);
const fail = (message: string, code: number): never => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

let options: ReturnType<typeof parseServeOptions>;
try {
  options = parseServeOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ServeUsageError)) throw error;
  fail(`${error.message}\n\n${serveUsage}`, 2);
  throw error;
}
if (options.help) {
  print(serveUsage);
  process.exit(0);
}
if (options.version) {
  print(`personalize-dataset-groups ${packageJson.version}`);
  process.exit(0);
}

const startedAt = performance.now();
let claim: ReturnType<typeof claimStackDirectory>;
try {
  claim = claimStackDirectory(options.directory);
} catch (error) {
  fail((error as Error).message, 1);
  throw error;
}
let server: Awaited<ReturnType<typeof startLocalServer>>;
try {
  await assertPortsFree(options.ports);
  if (options.reset) {
    for (const suffix of ['', '-wal', '-shm']) {
      rmSync(`${claim.databaseFile}${suffix}`, { force: true });
    }
  }
  server = await startLocalServer({
    ports: options.ports,
    databaseFile: claim.databaseFile,
    logLevel: options.verbose ? 'INFO' : 'SILENT',
    emulator: { quota: 50 },
  });
} catch (error) {
  claim.release();
  fail((error as Error).message, 1);
  throw error;
}
claim.publish(server.description);
printBanner(print, server, {
  readyMs: performance.now() - startedAt,
  stackFile: claim.stackFile,
});
printEvents(print, server);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  print('\nStopping…');
  await server.close();
  claim.release();
  print('Stopped.');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
