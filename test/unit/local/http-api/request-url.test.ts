import { describe, expect, it } from 'vitest';
import {
  requestUrlOf,
  toApiGatewayEvent,
} from '#local/http-api/api-gateway-event.ts';

const origin = 'http://127.0.0.1:3000';

describe('requestUrlOf', () => {
  it.each([
    ['/dataset-groups?a=1', '/dataset-groups', '?a=1'],
    ['//', '//', ''],
    ['//dataset-groups/acme?x=%zz', '//dataset-groups/acme', '?x=%zz'],
    ['http://other.example/executions/e-1', '/executions/e-1', ''],
  ])('reads the target %s as the path %s', (target, path, search) => {
    // Act
    const url = requestUrlOf(target, origin);

    // Assess
    expect(url?.pathname).toBe(path);
    expect(url?.search).toBe(search);
  });

  it('reads nothing from a target that is neither a path nor a URL', () => {
    // Act
    const url = requestUrlOf('*', origin);

    // Assess
    expect(url).toBeUndefined();
  });
});

describe('toApiGatewayEvent', () => {
  it('builds the event of a request whose path starts with "//"', () => {
    // Act
    const event = toApiGatewayEvent(
      {
        method: 'PUT',
        url: '//',
        headers: {},
        body: Buffer.from('{}'),
        sourceIp: '127.0.0.1',
      },
      { routeKey: 'PUT /', pathParameters: {} },
      {
        accountId: '000000000000',
        apiId: 'local',
        domainName: '127.0.0.1:3000',
      },
    );

    // Assess
    expect(event.rawPath).toBe('//');
    expect(event.requestContext.http.path).toBe('//');
  });
});
