import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '#cli/api-client.ts';
import {
  ApiUnreachableError,
  RequestAbortedError,
  UnexpectedAnswerError,
} from '#cli/cli-errors.ts';
import { nodeHttpSend } from '#cli/node-http-send.ts';

type Answer = { status: number; body: string; type?: string } | 'never';

/** An HTTP server on 127.0.0.1 that answers every request with `answer`. */
const serve = async (answer: Answer) => {
  const requests: Array<{
    method: string | undefined;
    url: string | undefined;
    body: string;
  }> = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      requests.push({ method: request.method, url: request.url, body });
      if (answer === 'never') return;
      response.writeHead(answer.status, {
        'content-type': answer.type ?? 'application/json',
      });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests };
};

/** A port on 127.0.0.1 that nothing listens on any more. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
};

const servers: Server[] = [];

describe('createApiClient', () => {
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('sends the request body and returns the answer when the API answers 202', async () => {
    // Prepare
    const api = await serve({
      status: 202,
      body: JSON.stringify({ executionArn: 'arn', executionName: 'api-1' }),
    });
    const client = createApiClient(api.url, nodeHttpSend());

    // Act
    const started = await client.createDatasetGroup({ name: 'acme' }, 'k-1');

    // Assess
    expect(started).toEqual({ executionArn: 'arn', executionName: 'api-1' });
    expect(api.requests).toEqual([
      { method: 'POST', url: '/dataset-groups', body: '{"name":"acme"}' },
    ]);
  });

  it('throws ApiError with the JSON answer when the API answers 404', async () => {
    // Prepare
    const api = await serve({
      status: 404,
      body: JSON.stringify({ message: 'No execution named x' }),
    });
    const client = createApiClient(api.url, nodeHttpSend());

    // Act
    const reading = client.getExecution('x');

    // Assess
    await expect(reading).rejects.toBeInstanceOf(ApiError);
    await expect(reading).rejects.toThrow(
      'GET /executions/x answered 404: No execution named x',
    );
  });

  it('names the URL and ECONNREFUSED when nothing listens', async () => {
    // Prepare
    const port = await closedPort();
    const client = createApiClient(`http://127.0.0.1:${port}`, nodeHttpSend());

    // Act
    const listing = client.listDatasetGroups();

    // Assess
    await expect(listing).rejects.toBeInstanceOf(ApiUnreachableError);
    await expect(listing).rejects.toThrow(
      `Cannot reach http://127.0.0.1:${port}/dataset-groups: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  it('says the answer is not the API when a server answers 200 with HTML', async () => {
    // Prepare
    const api = await serve({
      status: 200,
      body: '<html>\n<p>Welcome</p></html>',
      type: 'text/html',
    });
    const client = createApiClient(api.url, nodeHttpSend());

    // Act
    const listing = client.listDatasetGroups();

    // Assess
    await expect(listing).rejects.toBeInstanceOf(UnexpectedAnswerError);
    await expect(listing).rejects.toThrow(
      `GET /dataset-groups answered 200 with "<html> <p>Welcome</p></html>" that is not the workflow's HTTP API answer: is ${api.url}/ that API?`,
    );
  });

  it('says the answer is not the API when the JSON has another shape', async () => {
    // Prepare
    const api = await serve({ status: 200, body: '{"items": []}' });
    const client = createApiClient(api.url, nodeHttpSend());

    // Act
    const listing = client.listDatasetGroups();

    // Assess
    await expect(listing).rejects.toBeInstanceOf(UnexpectedAnswerError);
  });

  it('gives up with ETIMEDOUT when the API does not answer in time', async () => {
    // Prepare
    const api = await serve('never');
    const client = createApiClient(api.url, nodeHttpSend(50));

    // Act
    const reading = client.getDatasetGroup('acme');

    // Assess
    await expect(reading).rejects.toBeInstanceOf(ApiUnreachableError);
    await expect(reading).rejects.toThrow(
      `Cannot reach ${api.url}/dataset-groups/acme: ETIMEDOUT (no answer for 0.05 s)`,
    );
  });

  it('throws RequestAbortedError when the signal aborts a request in flight', async () => {
    // Prepare
    const api = await serve('never');
    const controller = new AbortController();
    const client = createApiClient(api.url, nodeHttpSend(), {
      signal: controller.signal,
    });

    // Act
    const reading = client.getDatasetGroup('acme');
    setTimeout(() => controller.abort(), 20);

    // Assess
    await expect(reading).rejects.toBeInstanceOf(RequestAbortedError);
    await expect(reading).rejects.toThrow(
      'GET /dataset-groups/acme was interrupted',
    );
  });
});
