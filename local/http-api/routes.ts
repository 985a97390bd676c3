/**
 * The HTTP API's routes, as API Gateway matches them: `METHOD /path` with
 * `{param}` segments. The deployed API declares the same routes in
 * serverless.yml (a test compares the two).
 */
export const httpApiRoutes = [
  'POST /dataset-groups',
  'GET /dataset-groups',
  'GET /dataset-groups/{name}',
  'DELETE /dataset-groups/{name}',
  'GET /executions/{executionName}',
] as const;

export type RouteKey = (typeof httpApiRoutes)[number];

export interface RouteMatch {
  routeKey: string;
  pathParameters: Record<string, string>;
}

const segmentsOf = (path: string) => path.split('/').filter((s) => s !== '');

/**
 * The route a request takes, with its path parameters (URL-decoded, as
 * API Gateway passes them), or undefined: API Gateway then answers 404
 * itself without invoking the integration.
 */
export const matchRoute = (
  routes: readonly string[],
  method: string,
  path: string,
): RouteMatch | undefined => {
  const requestSegments = segmentsOf(path);
  for (const routeKey of routes) {
    const [routeMethod, routePath = ''] = routeKey.split(' ');
    if (routeMethod !== method.toUpperCase()) continue;
    const routeSegments = segmentsOf(routePath);
    if (routeSegments.length !== requestSegments.length) continue;
    const pathParameters: Record<string, string> = {};
    const matches = routeSegments.every((segment, index) => {
      const actual = requestSegments[index] ?? '';
      const parameter = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (parameter === undefined) return segment === actual;
      try {
        pathParameters[parameter] = decodeURIComponent(actual);
      } catch {
        return false;
      }
      return true;
    });
    if (matches) return { routeKey, pathParameters };
  }
  return undefined;
};
