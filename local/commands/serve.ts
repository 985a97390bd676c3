import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  defaultLocalServerPorts,
  localStackFile,
  startLocalServer,
} from './serve/local-server.ts';

/**
 * `npm run local`: the whole stack on 127.0.0.1 until Ctrl-C, with the
 * endpoints and copy-paste examples printed.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(defaultLocalServerPorts.api) },
    verbose: { type: 'boolean', default: false },
  },
});
const apiPort = Number(values.port);
if (!Number.isInteger(apiPort) || apiPort < 0 || apiPort > 65_535) {
  process.stderr.write(`--port must be a port number, got "${values.port}"\n`);
  process.exit(2);
}

const eventLogFile = '.local/local-events.jsonl';
// Each local stack starts a fresh event log (npm start keeps its own).
mkdirSync(dirname(eventLogFile), { recursive: true });
writeFileSync(eventLogFile, '');
const startedAt = performance.now();
const server = await startLocalServer({
  ports: { api: apiPort },
  eventLogFile,
  stackFile: localStackFile,
  logLevel: values.verbose ? 'INFO' : 'SILENT',
  emulator: { quota: 50 },
});
const { description: d } = server;
const print = (line = '') => process.stdout.write(`${line}\n`);
print(
  `Local stack ready in ${Math.round(performance.now() - startedAt)} ms (Ctrl-C to stop)\n`,
);
print(`  HTTP API        ${d.apiUrl}`);
print(`  Step Functions  ${d.stepFunctionsEndpoint}`);
print(`  EventBridge     ${d.eventBridgeEndpoint}  (bus ${d.eventBusName})`);
print(`  Personalize     ${d.personalizeEndpoint}`);
print(`  Events log      ${d.eventLogFile}`);
print(`\nTry it:\n`);
print(
  `  curl -s -X POST ${d.apiUrl}/dataset-groups -H 'content-type: application/json' -d '{"name":"acme"}'`,
);
print(`  npm run cli -- status acme`);
print(`  npm run cli -- create tenant-b --domain ECOMMERCE`);
print(`  npm run cli -- events --follow`);
print(
  `  AWS_ENDPOINT_URL_SFN=${d.stepFunctionsEndpoint} aws stepfunctions list-executions --state-machine-arn ${d.createStateMachineArn}`,
);
print('');

server.stack.bus.subscribe((event) => {
  const detail = event.detail as {
    datasetGroup?: { name?: string };
    request?: { name?: unknown };
    error?: { code?: string };
  };
  const name = detail.datasetGroup?.name ?? String(detail.request?.name ?? '');
  print(
    `${new Date().toISOString()}  ${event['detail-type']}  ${name}${
      detail.error?.code ? `  (${detail.error.code})` : ''
    }`,
  );
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  print('\nStopping…');
  await server.close();
  print('Stopped.');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
