import type { LocalServer } from './local-server.ts';

type Print = (line?: string) => void;

/** The endpoints, the state that was found, and copy-paste examples. */
export const printBanner = (
  print: Print,
  server: LocalServer,
  facts: { readyMs: number; stackFile: string },
): void => {
  const { description: d } = server;
  print(
    `Local stack ready in ${Math.round(facts.readyMs)} ms (Ctrl-C to stop)\n`,
  );
  print(`  HTTP API        ${d.apiUrl}`);
  print(`  Step Functions  ${d.stepFunctionsEndpoint}`);
  print(`  EventBridge     ${d.eventBridgeEndpoint}  (bus ${d.eventBusName})`);
  print(`  Personalize     ${d.personalizeEndpoint}`);
  print(`  Console         ${d.consoleUrl}  (open it in a browser)`);
  print(`  State           ${d.databaseFile}  (stack file ${facts.stackFile})`);
  const groups = server.stack.emulator.datasetGroups().length;
  const events = server.stack.bus.events.length;
  const { executions, resumed } = server.restored;
  print(
    `  Restored        ${groups} dataset group(s), ${executions} execution(s), ${events} event(s)${
      resumed === 0 ? '' : `; ${resumed} interrupted execution(s) run again`
    }`,
  );
  const credentials =
    'AWS_DEFAULT_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local';
  print('\nTry it:\n');
  print(
    `  curl -s -X POST ${d.apiUrl}/dataset-groups -H 'content-type: application/json' -d '{"name":"acme"}'`,
  );
  print('  npm run cli -- status acme');
  print('  npm run cli -- create tenant-b --domain ECOMMERCE');
  print('  npm run cli -- events --follow');
  print(
    `  ${credentials} aws --endpoint-url ${d.stepFunctionsEndpoint} stepfunctions list-executions --state-machine-arn ${d.createStateMachineArn}`,
  );
  print('');
};

/** One line per event published on the stack bus, as it comes. */
export const printEvents = (print: Print, server: LocalServer): void => {
  server.stack.bus.subscribe((event) => {
    const detail = event.detail as {
      datasetGroup?: { name?: string };
      request?: { name?: unknown };
      error?: { code?: string };
    };
    const name =
      detail.datasetGroup?.name ?? String(detail.request?.name ?? '');
    print(
      `${new Date().toISOString()}  ${event['detail-type']}  ${name}${
        detail.error?.code ? `  (${detail.error.code})` : ''
      }`,
    );
  });
};
