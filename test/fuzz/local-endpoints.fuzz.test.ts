import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LocalServer,
  startLocalServer,
} from '#local/commands/serve/local-server.ts';
import {
  eventBridgeRequest,
  httpApiRequest,
  personalizeRequest,
  type StackNames,
  stepFunctionsRequest,
} from './endpoint-requests.ts';
import { executionsOf, outcomeProblems, settle } from './execution-outcomes.ts';
import {
  describeRaw,
  type RawAnswer,
  type RawRequest,
  sendRaw,
} from './raw-http.ts';

/** Runs per endpoint, of one to three bodies each: about 2,000 bodies.
 * FUZZ_RUNS=<n> runs more; FUZZ_SEED=<n> replays a run. */
const runsPerEndpoint = Number(process.env.FUZZ_RUNS ?? 1_000);
const seed = Number(process.env.FUZZ_SEED ?? Number.NaN);
const runParameters = {
  numRuns: runsPerEndpoint,
  // The first failure is the report: shrinking against a server whose
  // state every request changes would be slow and not minimal anyway.
  endOnFailure: true,
  ...(Number.isInteger(seed) && { seed }),
};

type Endpoint = 'stepFunctions' | 'eventBridge' | 'api' | 'personalize';
const parsed = (text: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
};

/**
 * Malformed wire bodies to the four endpoints of one local server (free
 * ports, a SQLite file, an event log; no fault injected): none may be
 * answered with a 5xx or a cut connection, the servers keep answering,
 * and every creation or deletion they accepted ends with exactly one
 * terminal event. FUZZ_SEED=<n> replays a run.
 */
describe('local endpoints under malformed wire bodies', () => {
  let directory: string;
  let server: LocalServer;
  let names: StackNames;
  const sent: Record<Endpoint, number> = {
    stepFunctions: 0,
    eventBridge: 0,
    api: 0,
    personalize: 0,
  };
  const statuses = new Map<string, number>();
  /** Executions the endpoints said they started (ARNs). */
  const accepted = { create: new Set<string>(), delete: new Set<string>() };
  const stopped = new Set<string>();
  /** Event ids PutEvents gave entries (some are requests to the stack). */
  const putEventIds = new Set<string>();

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fuzz-local-endpoints-'));
    server = await startLocalServer({
      ports: {
        api: 0,
        stepFunctions: 0,
        eventBridge: 0,
        personalize: 0,
        console: 0,
      },
      databaseFile: join(directory, 'stack.db'),
      eventLogFile: join(directory, 'events.jsonl'),
      waitMs: 1,
      retryMs: 1,
      emulator: {
        quota: 1_000_000,
        lifecycle: { pendingMs: 1, inProgressMs: 1, deleteMs: 1 },
      },
    });
    const { description } = server;
    names = {
      createStateMachineArn: description.createStateMachineArn,
      deleteStateMachineArn: description.deleteStateMachineArn,
      eventBusName: description.eventBusName,
      eventSource: description.eventSource,
      region: description.region,
    };
  }, 30_000);

  afterAll(async () => {
    const total = Object.values(sent).reduce((sum, count) => sum + count, 0);
    console.info(
      `fuzz: ${total} bodies (${Object.entries(sent)
        .map(([endpoint, count]) => `${endpoint} ${count}`)
        .join(', ')}); answers ${[...statuses]
        .sort()
        .map(([key, count]) => `${key}×${count}`)
        .join(' ')}`,
    );
    await server?.close();
    if (directory !== undefined) {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  const send = async (
    endpoint: Endpoint,
    request: RawRequest,
  ): Promise<RawAnswer> => {
    sent[endpoint] += 1;
    const answer = await sendRaw(server.description.ports[endpoint], request);
    const key = `${endpoint}:${answer.status}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    return answer;
  };

  /**
   * Sends each run's one to three generated requests at once (so the
   * endpoints also meet concurrent bodies); a 5xx, or a connection cut
   * before the answer, fails the run.
   */
  const fuzz = (endpoint: Endpoint, requests: fc.Arbitrary<RawRequest>) =>
    fc.assert(
      fc.asyncProperty(
        fc.array(
          requests.map((request) =>
            Object.assign(request, {
              [fc.toStringMethod]: () => describeRaw(request),
            }),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        async (batch) => {
          const answers = await Promise.all(
            batch.map((request) => send(endpoint, request)),
          );
          batch.forEach((request, index) => {
            const answer = answers[index] as RawAnswer;
            expect(
              answer.status,
              `${describeRaw(request)} → ${answer.body.slice(0, 300)}`,
            ).toBeLessThan(500);
            track(endpoint, request, answer);
          });
        },
      ),
      runParameters,
    );

  /** Remembers what an answer says was started, stopped or put. */
  const track = (
    endpoint: Endpoint,
    request: RawRequest,
    answer: RawAnswer,
  ) => {
    if (answer.status >= 300) return;
    const body = parsed(answer.body);
    const target = request.headers['x-amz-target'];
    if (endpoint === 'stepFunctions') {
      const arn = String(body.executionArn ?? '');
      if (target === 'AWSStepFunctions.StartExecution') {
        const prefixOf = (stateMachineArn: string) =>
          `${stateMachineArn.replace(':stateMachine:', ':execution:')}:`;
        if (arn.startsWith(prefixOf(names.createStateMachineArn))) {
          accepted.create.add(arn);
        }
        if (arn.startsWith(prefixOf(names.deleteStateMachineArn))) {
          accepted.delete.add(arn);
        }
      }
      if (target === 'AWSStepFunctions.StopExecution') {
        stopped.add(
          String(
            parsed(Buffer.from(request.body).toString('utf8')).executionArn,
          ),
        );
      }
    }
    if (endpoint === 'api' && answer.status === 202) {
      const arn = String(body.executionArn);
      if (request.method === 'POST') accepted.create.add(arn);
      else accepted.delete.add(arn);
    }
    if (endpoint === 'eventBridge' && Array.isArray(body.Entries)) {
      for (const entry of body.Entries as Array<{ EventId?: string }>) {
        if (entry.EventId !== undefined) putEventIds.add(entry.EventId);
      }
    }
  };

  it('answers every Step Functions body below 500 when the bodies are malformed', async () => {
    // Prepare, Act, Assess: each run sends its bodies and checks the answers.
    await fuzz('stepFunctions', stepFunctionsRequest(names));
  }, 120_000);

  it('answers every EventBridge body below 500 when the bodies are malformed', async () => {
    // Prepare, Act, Assess: each run sends its bodies and checks the answers.
    await fuzz('eventBridge', eventBridgeRequest(names));
  }, 120_000);

  it('answers every HTTP API request below 500 when the requests are malformed', async () => {
    // Prepare, Act, Assess: each run sends its requests and checks the answers.
    await fuzz('api', httpApiRequest());
  }, 120_000);

  it('answers every Personalize body below 500 when the bodies are malformed', async () => {
    // Prepare, Act, Assess: each run sends its bodies and checks the answers.
    await fuzz('personalize', personalizeRequest(names));
  }, 120_000);

  it('ends every accepted creation and deletion with exactly one terminal event when the bodies are over', async () => {
    // Act
    await settle(server);
    const executions = {
      create: executionsOf(server, 'create'),
      delete: executionsOf(server, 'delete'),
    };

    // Assess: what the endpoints said they started, they did start.
    for (const workflow of ['create', 'delete'] as const) {
      const known = new Set(
        executions[workflow].map((execution) => execution.executionArn),
      );
      expect([...accepted[workflow]].filter((arn) => !known.has(arn))).toEqual(
        [],
      );
    }
    // A request event that reached the stack's rule started an execution
    // named after it, or was dead-lettered: it was not lost.
    const requested = server.stack.bus.events.filter(
      (event) =>
        putEventIds.has(event.id) &&
        event.source === names.eventSource &&
        event['detail-type'] === 'Dataset Group Create Requested',
    );
    const started = new Set(
      executions.create.map((execution) => execution.name),
    );
    const deadLettered = new Set(
      server.eventBridge.deadLetters.map((letter) => letter.event.id),
    );
    expect(
      requested
        .filter(
          (event) =>
            !started.has(`event-${event.id}`) && !deadLettered.has(event.id),
        )
        .map((event) => event.id),
    ).toEqual([]);
    // Every execution, however it was started, ended with one event.
    const problems = (['create', 'delete'] as const).flatMap((workflow) =>
      executions[workflow].flatMap((execution) =>
        outcomeProblems(server, workflow, execution, stopped),
      ),
    );
    expect(problems).toEqual([]);
    expect(server.eventBridge.deliveries.abandoned).toBe(0);
    console.info(
      `fuzz: ${executions.create.length} creations (${accepted.create.size} accepted by an endpoint, ${requested.length} requested by an event, ${deadLettered.size} events dead-lettered), ${executions.delete.length} deletions`,
    );
  }, 120_000);

  it('still answers a plain request at every endpoint when the bodies are over', async () => {
    // Prepare
    const awsJson = (target: string, contentType: string, body: object) => ({
      method: 'POST',
      path: '/',
      headers: { 'x-amz-target': target, 'content-type': contentType },
      body: Buffer.from(JSON.stringify(body)),
    });

    // Act
    const answers = await Promise.all([
      sendRaw(
        server.description.ports.stepFunctions,
        awsJson(
          'AWSStepFunctions.ListExecutions',
          'application/x-amz-json-1.0',
          {
            stateMachineArn: names.createStateMachineArn,
          },
        ),
      ),
      sendRaw(
        server.description.ports.eventBridge,
        awsJson('AWSEvents.PutEvents', 'application/x-amz-json-1.1', {
          Entries: [
            { Source: 'fuzz.after', DetailType: 'Checked', Detail: '{}' },
          ],
        }),
      ),
      sendRaw(server.description.ports.api, {
        method: 'GET',
        path: '/dataset-groups',
        headers: {},
        body: new Uint8Array(),
      }),
      sendRaw(
        server.description.ports.personalize,
        awsJson(
          'AmazonPersonalize.ListDatasetGroups',
          'application/x-amz-json-1.1',
          {},
        ),
      ),
    ]);

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([
      200, 200, 200, 200,
    ]);
    expect(parsed(answers[1]?.body ?? '')).toMatchObject({
      FailedEntryCount: 0,
    });
  });
});
