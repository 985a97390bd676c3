import { describe, expect, it } from 'vitest';
import { HttpProblemError } from '#commons/http/http-problem-error.ts';
import { json } from '#commons/http/responses.ts';
import { routeNotFound, routeTable } from '#commons/http/route-table.ts';

const ok = async () => json(200, {});

describe('routeTable', () => {
  it('turns each route key into the method and path of a router route', () => {
    // Act
    const routes = routeTable({
      'GET /dataset-groups/{name}': ok,
      'POST /dataset-groups': ok,
    });

    // Assess
    expect(routes).toEqual([
      { method: 'GET', path: '/dataset-groups/{name}', handler: ok },
      { method: 'POST', path: '/dataset-groups', handler: ok },
    ]);
  });

  it.each([
    'FETCH /dataset-groups',
    'GET dataset-groups',
    'GET /a /b',
    '$default',
  ])('refuses the route key %j', (routeKey) => {
    // Act
    const build = () => routeTable({ [routeKey]: ok });

    // Assess
    expect(build).toThrow(TypeError);
    expect(build).toThrow(`Route key ${JSON.stringify(routeKey)}`);
  });
});

describe('routeNotFound', () => {
  it('throws a 404 naming the method and the path', () => {
    // Act
    const answer = () => routeNotFound({ method: 'GET', path: '/nowhere' });

    // Assess
    expect(answer).toThrow(HttpProblemError);
    expect(answer).toThrow('{"message":"No route GET /nowhere"}');
  });
});
