import { describe, expect, it } from 'vitest';
import { httpApiRoutes, matchRoute } from '#local/http-api/routes.ts';

describe('matchRoute', () => {
  it.each([
    ['POST', '/dataset-groups', 'POST /dataset-groups', {}],
    ['GET', '/dataset-groups', 'GET /dataset-groups', {}],
    ['GET', '/dataset-groups/', 'GET /dataset-groups', {}],
    [
      'GET',
      '/dataset-groups/acme',
      'GET /dataset-groups/{name}',
      { name: 'acme' },
    ],
    [
      'delete',
      '/dataset-groups/acme',
      'DELETE /dataset-groups/{name}',
      { name: 'acme' },
    ],
    [
      'GET',
      '/dataset-groups/bad%20name',
      'GET /dataset-groups/{name}',
      { name: 'bad name' },
    ],
    [
      'GET',
      '/executions/api-123',
      'GET /executions/{executionName}',
      { executionName: 'api-123' },
    ],
  ])('routes %s %s to %s', (method, path, routeKey, pathParameters) => {
    // Act
    const match = matchRoute(httpApiRoutes, method, path);

    // Assess
    expect(match).toEqual({ routeKey, pathParameters });
  });

  it.each([
    ['PUT', '/dataset-groups'],
    ['GET', '/'],
    ['GET', '/dataset-groups/acme/extra'],
    ['POST', '/dataset-groups/acme'],
    ['GET', '/executions'],
    ['GET', '/dataset-groups/%E0%A4%A'],
  ])('finds no route for %s %s', (method, path) => {
    // Act
    const match = matchRoute(httpApiRoutes, method, path);

    // Assess
    expect(match).toBeUndefined();
  });
});
