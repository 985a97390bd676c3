import { describe, expect, it } from 'vitest';
import {
  fromLambdaResult,
  toApiGatewayEvent,
} from '#local/http-api/api-gateway-event.ts';

const context = {
  accountId: '000000000000',
  apiId: 'local',
  domainName: '127.0.0.1:3000',
};

describe('toApiGatewayEvent', () => {
  it('builds a payload 2.0 event with lower-case headers, query and path parameters', () => {
    // Act
    const event = toApiGatewayEvent(
      {
        method: 'post',
        url: '/dataset-groups?dryRun=1&tag=a&tag=b',
        headers: {
          'Content-Type': 'application/json',
          'X-Forwarded-For': ['1.1.1.1', '2.2.2.2'],
          cookie: 'a=1; b=2',
        },
        body: Buffer.from('{"name":"acme"}'),
        sourceIp: '127.0.0.1',
      },
      { routeKey: 'POST /dataset-groups', pathParameters: {} },
      context,
      new Date('2026-11-25T10:00:00Z'),
    );

    // Assess
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /dataset-groups',
      rawPath: '/dataset-groups',
      rawQueryString: 'dryRun=1&tag=a&tag=b',
      cookies: ['a=1', 'b=2'],
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': '1.1.1.1,2.2.2.2',
      },
      queryStringParameters: { dryRun: '1', tag: 'a,b' },
      body: '{"name":"acme"}',
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'POST', path: '/dataset-groups' },
        stage: '$default',
        timeEpoch: Date.parse('2026-11-25T10:00:00Z'),
      },
    });
    expect(event.pathParameters).toBeUndefined();
  });

  it('base64-encodes a body that is not text, and omits an empty one', () => {
    // Act
    const binary = toApiGatewayEvent(
      {
        method: 'POST',
        url: '/dataset-groups',
        headers: { 'content-type': 'application/octet-stream' },
        body: Buffer.from([0, 1, 2]),
        sourceIp: '127.0.0.1',
      },
      { routeKey: 'POST /dataset-groups', pathParameters: {} },
      context,
    );
    const empty = toApiGatewayEvent(
      {
        method: 'GET',
        url: '/dataset-groups/acme',
        headers: {},
        body: Buffer.alloc(0),
        sourceIp: '127.0.0.1',
      },
      {
        routeKey: 'GET /dataset-groups/{name}',
        pathParameters: { name: 'acme' },
      },
      context,
    );

    // Assess
    expect(binary).toMatchObject({ body: 'AAEC', isBase64Encoded: true });
    expect(empty.body).toBeUndefined();
    expect(empty.isBase64Encoded).toBe(false);
    expect(empty.pathParameters).toEqual({ name: 'acme' });
  });
});

describe('fromLambdaResult', () => {
  it('uses a structured result as given', () => {
    // Act
    const response = fromLambdaResult({
      statusCode: 202,
      headers: { 'Content-Type': 'application/json', 'X-Count': 3 },
      body: '{"ok":true}',
    });

    // Assess
    expect(response.statusCode).toBe(202);
    expect(response.headers).toEqual({
      'content-type': 'application/json',
      'x-count': '3',
    });
    expect(response.body.toString()).toBe('{"ok":true}');
  });

  it('answers 200 with JSON for any other value', () => {
    // Act
    const response = fromLambdaResult({ hello: 'world' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body.toString())).toEqual({ hello: 'world' });
  });
});
