import {
  DescribeDatasetGroupCommand,
  LimitExceededException,
  ListDatasetGroupsCommand,
  ListDatasetsCommand,
  PersonalizeClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-personalize';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '#commons/powertools/logger.ts';
import { handler, routes } from '#functions/http-api.ts';
import { httpApiRoutes } from '#local/http-api/routes.ts';
import { httpApiEvent } from '#test/helpers/http-api-event.ts';
import { lambdaContext } from '#test/helpers/lambda-context.ts';

const createArn = process.env.STATE_MACHINE_ARN ?? '';
const jsonHeaders = { 'content-type': 'application/json' };

const call = async (event: ReturnType<typeof httpApiEvent>) => {
  const response = (await handler(event, lambdaContext)) as {
    statusCode: number;
    body: string;
    headers: Record<string, string>;
  };
  return { ...response, json: JSON.parse(response.body) };
};

const post = (body: string, headers: Record<string, string> = jsonHeaders) =>
  call(httpApiEvent('POST /dataset-groups', { body, headers }));

/** A response header, whatever the case of its name. */
const headerOf = (
  response: { headers: Record<string, string> },
  name: string,
) =>
  Object.entries(response.headers).find(
    ([key]) => key.toLowerCase() === name,
  )?.[1];

const keyed = (key: string) => ({ ...jsonHeaders, 'idempotency-key': key });
const executionArnFor = (name: string) =>
  `${createArn.replace(':stateMachine:', ':execution:')}:${name}`;
const doesNotExist = () =>
  new ExecutionDoesNotExist({ message: 'no', $metadata: {} });

describe('http-api handler', () => {
  const sfn = mockClient(SFNClient);
  const personalize = mockClient(PersonalizeClient);

  afterEach(() => {
    sfn.reset();
    personalize.reset();
    vi.restoreAllMocks();
  });

  it('starts the create workflow for a valid body and answers 202', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).callsFake((input) => ({
      executionArn: `${createArn.replace(':stateMachine:', ':execution:')}:${input.name}`,
      startDate: new Date(),
    }));

    // Act
    const response = await post(
      JSON.stringify({ name: 'acme', domain: 'ECOMMERCE' }),
    );

    // Assess
    expect(response.statusCode).toBe(202);
    expect(response.json).toMatchObject({
      executionName: expect.stringMatching(/^api-/),
      datasetGroupArn:
        'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
      statusUrl: expect.stringMatching(/^\/executions\/api-/),
    });
    expect(sfn).toHaveReceivedCommandWith(StartExecutionCommand, {
      stateMachineArn: createArn,
      input: JSON.stringify({ name: 'acme', domain: 'ECOMMERCE' }),
    });
  });

  it('answers 400 with one error per broken field, and starts nothing', async () => {
    // Act
    const response = await post(
      JSON.stringify({ name: 'bad name!', kmsKeyArn: 'k', extra: 1 }),
    );

    // Assess
    expect(response.statusCode).toBe(400);
    expect(
      response.json.errors
        .map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['extra', 'kmsKeyArn', 'name', 'roleArn']);
    expect(sfn).not.toHaveReceivedCommand(StartExecutionCommand);
  });

  it.each([
    ['malformed JSON', '{"name":', jsonHeaders, 400, /not valid JSON/],
    [
      'a wrong content type',
      '{"name":"acme"}',
      { 'content-type': 'text/plain' },
      415,
      /application\/json/,
    ],
    ['no content type', '{"name":"acme"}', {}, 415, /\(none\)/],
    [
      'an oversized body',
      JSON.stringify({ name: 'a'.repeat(70_000) }),
      jsonHeaders,
      413,
      /at most 65536 bytes/,
    ],
  ])('rejects %s', async (_, body, headers, status, message) => {
    // Act
    const response = await post(body, headers);

    // Assess
    expect(response.statusCode).toBe(status);
    expect(response.json.message).toMatch(message);
    expect(sfn).not.toHaveReceivedCommand(StartExecutionCommand);
  });

  it('derives the execution name from the Idempotency-Key and replays the same request', async () => {
    // Prepare
    const body = JSON.stringify({ name: 'acme' });
    sfn
      .on(StartExecutionCommand)
      .rejects(
        new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }),
      );
    sfn.on(DescribeExecutionCommand).resolves({
      input: JSON.stringify({ name: 'acme' }),
      startDate: new Date('2026-11-25T10:00:00Z'),
    });

    // Act
    const first = await post(body, {
      ...jsonHeaders,
      'idempotency-key': 'order-42',
    });
    const second = await post(body, {
      ...jsonHeaders,
      'idempotency-key': 'order-42',
    });

    // Assess
    expect(first.statusCode).toBe(202);
    expect(first.json.idempotentReplay).toBe(true);
    expect(second.json.executionName).toBe(first.json.executionName);
    expect(first.json.executionName).toMatch(/^api-[0-9a-f]{40}$/);
  });

  it('answers 409 when an Idempotency-Key is reused with another body', async () => {
    // Prepare
    sfn
      .on(StartExecutionCommand)
      .rejects(
        new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }),
      );
    sfn
      .on(DescribeExecutionCommand)
      .resolves({ input: JSON.stringify({ name: 'other' }) });

    // Act
    const response = await post(JSON.stringify({ name: 'acme' }), {
      ...jsonHeaders,
      'idempotency-key': 'order-42',
    });

    // Assess
    expect(response.statusCode).toBe(409);
  });

  it('gives distinct executions to requests without an Idempotency-Key', async () => {
    // Prepare
    sfn
      .on(StartExecutionCommand)
      .resolves({ executionArn: 'arn', startDate: new Date() });

    // Act
    const first = await post(JSON.stringify({ name: 'acme' }));
    const second = await post(JSON.stringify({ name: 'acme' }));

    // Assess
    expect(first.json.executionName).not.toBe(second.json.executionName);
  });

  it('rejects an Idempotency-Key that is too long', async () => {
    // Act
    const response = await post(JSON.stringify({ name: 'acme' }), {
      ...jsonHeaders,
      'idempotency-key': 'k'.repeat(256),
    });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.json.errors[0].field).toBe('Idempotency-Key');
  });

  it('returns a dataset group with its datasets, or 404 when there is none', async () => {
    // Prepare
    personalize.on(ListDatasetsCommand).resolves({
      datasets: [
        {
          name: 'acme-users',
          datasetArn:
            'arn:aws:personalize:us-east-1:123456789012:dataset/acme/USERS',
          datasetType: 'Users',
          status: 'ACTIVE',
        },
      ],
    });
    personalize
      .on(DescribeDatasetGroupCommand)
      .resolvesOnce({
        datasetGroup: {
          name: 'acme',
          datasetGroupArn:
            'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
          status: 'ACTIVE',
          creationDateTime: new Date('2026-11-25T10:00:00Z'),
        },
      })
      .rejectsOnce(
        new ResourceNotFoundException({ message: 'no', $metadata: {} }),
      );
    const get = (name: string) =>
      call(
        httpApiEvent('GET /dataset-groups/{name}', {
          pathParameters: { name },
        }),
      );

    // Act
    const found = await get('acme');
    const missing = await get('ghost');
    const invalid = await get('bad name');

    // Assess
    expect(found.statusCode).toBe(200);
    expect(found.json).toMatchObject({
      name: 'acme',
      status: 'ACTIVE',
      creationDateTime: '2026-11-25T10:00:00.000Z',
      datasets: [
        {
          name: 'acme-users',
          datasetArn:
            'arn:aws:personalize:us-east-1:123456789012:dataset/acme/USERS',
          datasetType: 'Users',
          status: 'ACTIVE',
        },
      ],
    });
    expect(
      personalize.commandCalls(ListDatasetsCommand)[0]?.args[0].input,
    ).toEqual({
      datasetGroupArn:
        'arn:aws:personalize:us-east-1:123456789012:dataset-group/acme',
    });
    expect(missing.statusCode).toBe(404);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json.errors[0].field).toBe('name');
  });

  it('reads an execution of either workflow, or answers 404 / 400', async () => {
    // Prepare
    sfn
      .on(DescribeExecutionCommand)
      .resolvesOnce({
        executionArn: 'arn:x',
        status: 'SUCCEEDED',
        startDate: new Date('2026-11-25T10:00:00Z'),
        stopDate: new Date('2026-11-25T10:01:00Z'),
        input: '{"name":"acme"}',
        output: '{"ok":true}',
      })
      .rejects(new ExecutionDoesNotExist({ message: 'no', $metadata: {} }));
    const get = (executionName: string) =>
      call(
        httpApiEvent('GET /executions/{executionName}', {
          pathParameters: { executionName },
        }),
      );

    // Act
    const found = await get('api-1');
    const missing = await get('api-2');
    const invalid = await get('no spaces allowed');

    // Assess
    expect(found.json).toMatchObject({
      status: 'SUCCEEDED',
      input: { name: 'acme' },
      output: { ok: true },
      stopDate: '2026-11-25T10:01:00.000Z',
    });
    expect(missing.statusCode).toBe(404);
    expect(sfn.commandCalls(DescribeExecutionCommand)).toHaveLength(3);
    expect(invalid.statusCode).toBe(400);
  });

  it('starts the delete workflow for an existing group, 404 otherwise', async () => {
    // Prepare
    personalize
      .on(DescribeDatasetGroupCommand)
      .resolvesOnce({ datasetGroup: { name: 'acme', status: 'ACTIVE' } })
      .rejectsOnce(
        new ResourceNotFoundException({ message: 'no', $metadata: {} }),
      );
    sfn
      .on(StartExecutionCommand)
      .resolves({ executionArn: 'arn:delete', startDate: new Date() });
    const remove = (name: string) =>
      call(
        httpApiEvent('DELETE /dataset-groups/{name}', {
          pathParameters: { name },
        }),
      );

    // Act
    const accepted = await remove('acme');
    const missing = await remove('ghost');

    // Assess
    expect(accepted.statusCode).toBe(202);
    expect(sfn).toHaveReceivedCommandWith(StartExecutionCommand, {
      stateMachineArn: process.env.DELETE_STATE_MACHINE_ARN,
      input: JSON.stringify({ name: 'acme' }),
    });
    expect(missing.statusCode).toBe(404);
  });

  it('passes ?cascade=true&deleteSchemas=true on to the delete workflow, and names a bad query field', async () => {
    // Prepare
    personalize
      .on(DescribeDatasetGroupCommand)
      .resolves({ datasetGroup: { name: 'acme', status: 'ACTIVE' } });
    sfn
      .on(StartExecutionCommand)
      .resolves({ executionArn: 'arn:delete', startDate: new Date() });
    const remove = (queryStringParameters: Record<string, string>) =>
      call(
        httpApiEvent('DELETE /dataset-groups/{name}', {
          pathParameters: { name: 'acme' },
          queryStringParameters,
        }),
      );

    // Act
    const cascade = await remove({ cascade: 'true', deleteSchemas: 'true' });
    const notBoolean = await remove({ cascade: 'yes' });
    const unknown = await remove({ cascde: 'true' });
    const schemasAlone = await remove({ deleteSchemas: 'true' });

    // Assess
    expect(cascade.statusCode).toBe(202);
    expect(sfn).toHaveReceivedCommandWith(StartExecutionCommand, {
      input: JSON.stringify({
        name: 'acme',
        cascade: true,
        deleteSchemas: true,
      }),
    });
    expect(notBoolean.statusCode).toBe(400);
    expect(notBoolean.body).toContain('must be true or false');
    expect(notBoolean.body).toContain('cascade');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('cascde');
    expect(schemasAlone.statusCode).toBe(400);
    expect(schemasAlone.body).toContain(
      'is only allowed together with cascade: true',
    );
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
  });

  it('answers 429 when Personalize rate-limits the listing', async () => {
    // Prepare
    personalize.on(ListDatasetGroupsCommand).rejects(
      new LimitExceededException({
        message:
          'The limit on the number of requests per second has been exceeded.',
        $metadata: {},
      }),
    );

    // Act
    const response = await call(httpApiEvent('GET /dataset-groups'));

    // Assess
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('1');
  });

  it('answers 429 when Step Functions throttles', async () => {
    // Prepare
    const throttled = new Error('Rate exceeded');
    throttled.name = 'ThrottlingException';
    sfn.on(StartExecutionCommand).rejects(throttled);

    // Act
    const response = await post(JSON.stringify({ name: 'acme' }));

    // Assess
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('1');
  });
  it('answers a replay while the first execution is RUNNING with idempotentReplay, starting nothing', async () => {
    // Prepare: Step Functions answers a StartExecution of a RUNNING
    // execution's name and input with success, so only a describe tells.
    const input = JSON.stringify({ name: 'acme' });
    sfn
      .on(DescribeExecutionCommand)
      .rejectsOnce(doesNotExist())
      .callsFake(({ executionArn }) => ({
        executionArn,
        status: 'RUNNING',
        input,
        startDate: new Date('2026-11-25T10:00:00Z'),
      }));
    sfn.on(StartExecutionCommand).callsFake(({ name }) => ({
      executionArn: executionArnFor(name),
      startDate: new Date('2026-11-25T10:00:00Z'),
    }));

    // Act
    const first = await post(input, keyed('order-7'));
    const replay = await post(input, keyed('order-7'));

    // Assess
    expect(first.statusCode).toBe(202);
    expect(first.json.idempotentReplay).toBeUndefined();
    expect(replay.statusCode).toBe(202);
    expect(replay.json).toMatchObject({
      executionArn: first.json.executionArn,
      executionName: first.json.executionName,
      idempotentReplay: true,
    });
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
  });

  it('answers 409 when an Idempotency-Key of a RUNNING execution comes with another body', async () => {
    // Prepare
    sfn.on(DescribeExecutionCommand).resolves({
      status: 'RUNNING',
      input: JSON.stringify({ name: 'other' }),
    });

    // Act
    const response = await post(
      JSON.stringify({ name: 'acme' }),
      keyed('order-7'),
    );

    // Assess
    expect(response.statusCode).toBe(409);
    expect(response.json).toEqual({
      message:
        'This Idempotency-Key was already used with another request body',
    });
    expect(sfn).not.toHaveReceivedCommand(StartExecutionCommand);
  });

  it('gives two simultaneous first requests with one key the same execution', async () => {
    // Prepare: neither finds an execution; Step Functions starts one and
    // answers both StartExecution calls with it.
    sfn.on(DescribeExecutionCommand).rejects(doesNotExist());
    sfn.on(StartExecutionCommand).callsFake(({ name }) => ({
      executionArn: executionArnFor(name),
      startDate: new Date('2026-11-25T10:00:00Z'),
    }));
    const body = JSON.stringify({ name: 'acme' });

    // Act
    const [one, two] = await Promise.all([
      post(body, keyed('order-8')),
      post(body, keyed('order-8')),
    ]);

    // Assess
    expect([one.statusCode, two.statusCode]).toEqual([202, 202]);
    expect(two.json.executionArn).toBe(one.json.executionArn);
    const names = sfn
      .commandCalls(StartExecutionCommand)
      .map((started) => started.args[0].input.name);
    expect(new Set(names)).toEqual(new Set([one.json.executionName]));
  });

  it('answers a route it does not serve with 404', async () => {
    // Act
    const response = await call(httpApiEvent('GET /nowhere'));

    // Assess
    expect(response.statusCode).toBe(404);
    expect(response.json).toEqual({ message: 'No route GET /nowhere' });
  });

  it('answers every error with a JSON {message, errors?} body', async () => {
    // Act
    const responses = await Promise.all([
      post('{"name":'),
      post(JSON.stringify({ name: 'bad name!' })),
      post('{}', {}),
      call(httpApiEvent('GET /nowhere')),
    ]);

    // Assess
    for (const response of responses) {
      expect(headerOf(response, 'content-type')).toBe('application/json');
      expect(Object.keys(response.json).sort()).toEqual(
        response.statusCode === 400 ? ['errors', 'message'] : ['message'],
      );
    }
    expect(responses[0]?.json.errors).toEqual([
      { field: '(body)', message: expect.any(String) },
    ]);
  });

  it('answers a handler bug with 500 Internal error and logs it', async () => {
    // Prepare
    const logged = vi.spyOn(logger, 'error');
    sfn.on(StartExecutionCommand).rejects(new TypeError('a bug'));

    // Act
    const response = await post(JSON.stringify({ name: 'acme' }));

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.body).toBe('{"message":"Internal error"}');
    expect(headerOf(response, 'content-type')).toBe('application/json');
    expect(logged).toHaveBeenCalledWith('Unexpected error', {
      error: expect.objectContaining({ message: 'a bug' }),
    });
  });

  it('logs no error for an answer below 500', async () => {
    // Prepare
    const logged = vi.spyOn(logger, 'error');

    // Act
    await post(JSON.stringify({ name: 'bad name!' }));

    // Assess
    expect(logged).not.toHaveBeenCalled();
  });

  it('serves exactly the routes the local API and serverless.yml declare', () => {
    // Act
    const served = routes.map((route) => `${route.method} ${route.path}`);

    // Assess
    expect(served.sort()).toEqual([...httpApiRoutes].sort());
  });
});
