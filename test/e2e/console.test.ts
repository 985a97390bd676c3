import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LocalServer,
  startLocalServer,
} from '#local/commands/serve/local-server.ts';
import { readBusEvents } from '#local/persistence/bus-event-rows.ts';
import { postAwsJson } from '#test/helpers/post-aws-json.ts';

/**
 * The console `npm run local` serves, over HTTP without a browser: its
 * files, the same-origin proxy to the stack's endpoints (reads only) and
 * `GET /events`. The page itself runs in Chromium in test/browser/.
 */
describe('local console', () => {
  let directory: string;
  let server: LocalServer;
  let consoleUrl: string;

  const get = async (path: string) => {
    const response = await fetch(`${consoleUrl}${path}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'console-'));
    server = await startLocalServer({
      ports: {
        api: 0,
        stepFunctions: 0,
        eventBridge: 0,
        personalize: 0,
        console: 0,
      },
      databaseFile: join(directory, 'stack.db'),
      waitMs: 5,
      retryMs: 1,
      emulator: {
        quota: 50,
        lifecycle: { pendingMs: 20, inProgressMs: 60, deleteMs: 20 },
      },
    });
    consoleUrl = server.description.consoleUrl;
  });

  afterAll(async () => {
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('serves the page, every module it imports and the layout bundle', async () => {
    // Prepare
    const seen = new Set<string>();
    const pending = ['/page/main.js'];

    // Act
    const page = await get('/');
    const elk = await get('/vendor/elk.bundled.js');
    while (pending.length > 0 && seen.size < 50) {
      const path = pending.pop() as string;
      if (seen.has(path)) continue;
      seen.add(path);
      const module = await get(path);
      expect(module.status, path).toBe(200);
      expect(module.type).toBe('text/javascript; charset=utf-8');
      for (const [, imported] of module.text.matchAll(
        /from '\.\/([\w-]+\.js)'/g,
      )) {
        pending.push(`/page/${imported}`);
      }
    }

    // Assess
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.text).toContain(
      '<script type="module" src="/page/main.js"></script>',
    );
    expect(elk.status).toBe(200);
    expect(elk.text).toContain('g.ELK = f()');
    expect(seen).toContain('/page/asl-graph.js');
    expect(seen).toContain('/page/execution-path.js');
    expect((await get('/page/style.css')).status).toBe(200);
    expect((await get('/page/tsconfig.json')).status).toBe(404);
    expect((await get('/page/../start-console.ts')).status).toBe(404);
  });

  it('forwards read operations to the endpoints and answers as they do', async () => {
    // Prepare
    const sfn = server.description.stepFunctionsEndpoint;
    const body = '{}';

    // Act
    const proxied = await postAwsJson(
      `${consoleUrl}/aws/stepfunctions`,
      'AWSStepFunctions.ListStateMachines',
      body,
      'application/x-amz-json-1.0',
    );
    const direct = await postAwsJson(
      sfn,
      'AWSStepFunctions.ListStateMachines',
      body,
      'application/x-amz-json-1.0',
    );
    const unknown = await postAwsJson(
      `${consoleUrl}/aws/stepfunctions`,
      'AWSStepFunctions.DescribeExecution',
      JSON.stringify({
        executionArn:
          'arn:aws:states:us-east-1:000000000000:execution:create-dataset-group:nope',
      }),
      'application/x-amz-json-1.0',
    );
    const groups = await postAwsJson(
      `${consoleUrl}/aws/personalize`,
      'AmazonPersonalize.ListDatasetGroups',
      '{}',
    );

    // Assess
    expect(proxied).toEqual(direct);
    expect(
      (proxied.body.stateMachines as Array<{ name: string }>).map(
        ({ name }) => name,
      ),
    ).toEqual([
      'create-dataset-group',
      'create-datasets',
      'delete-dataset-group',
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.__type).toBe('com.amazonaws.sfn#ExecutionDoesNotExist');
    expect(groups).toEqual({ status: 200, body: { datasetGroups: [] } });
  });

  it('refuses what would change the stack, and starts nothing', async () => {
    // Act
    const start = await postAwsJson(
      `${consoleUrl}/aws/stepfunctions`,
      'AWSStepFunctions.StartExecution',
      JSON.stringify({
        stateMachineArn: server.description.createStateMachineArn,
        input: '{"name":"sneaky"}',
      }),
      'application/x-amz-json-1.0',
    );
    const post = await fetch(`${consoleUrl}/api/dataset-groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"sneaky"}',
    });

    // Assess
    expect(start).toEqual({
      status: 403,
      body: {
        message:
          'The console reads only: StartExecution is not a List, Describe or Get operation',
      },
    });
    expect(post.status).toBe(403);
    expect(server.stepFunctions.registry.counts.executions).toBe(0);
  });

  it('answers only requests addressed to the loopback', async () => {
    // Prepare
    const { port } = new URL(consoleUrl);

    // Act
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request(
        {
          host: '127.0.0.1',
          port,
          path: '/stack',
          headers: { host: `rebound.example:${port}` },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      )
        .on('error', reject)
        .end();
    });

    // Assess
    expect(status).toBe(403);
    expect((await get('/stack')).status).toBe(200);
  });

  it('lists the bus events the stack database holds, after a cursor', async () => {
    // Prepare
    const created = await fetch(`${server.description.apiUrl}/dataset-groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"console-events"}',
    });
    expect(created.status).toBe(202);
    for (let poll = 0; poll < 200; poll += 1) {
      const { events } = JSON.parse((await get('/events')).text);
      if (events.length >= 2) break;
      await sleep(25);
    }

    // Act
    const all = JSON.parse((await get('/events')).text);
    const first = JSON.parse((await get('/events?limit=1')).text);
    const rest = JSON.parse((await get(`/events?after=${first.cursor}`)).text);
    const none = JSON.parse((await get(`/events?after=${all.cursor}`)).text);
    const bad = await get('/events?after=x');

    // Assess
    expect(all.events).toEqual(
      readBusEvents(server.database as NonNullable<typeof server.database>),
    );
    expect(
      all.events.map(
        (logged: { event: { 'detail-type': string } }) =>
          logged.event['detail-type'],
      ),
    ).toEqual(['Dataset Group Creation Started', 'Dataset Group Created']);
    expect(first.events).toEqual(all.events.slice(0, 1));
    expect(rest.events).toEqual(all.events.slice(1));
    expect(none).toEqual({ events: [], cursor: all.cursor });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).message).toBe(
      'after must be a whole number from 0 to 9007199254740991, got "x"',
    );
  });

  it('serves the dataset groups of the HTTP API', async () => {
    // Act
    const proxied = await get('/api/dataset-groups');
    const direct = await fetch(
      `${server.description.apiUrl}/dataset-groups`,
    ).then((response) => response.text());

    // Assess
    expect(proxied.status).toBe(200);
    expect(JSON.parse(proxied.text)).toEqual(JSON.parse(direct));
    expect(JSON.parse(direct).datasetGroups.length).toBeGreaterThan(0);
  });
});
