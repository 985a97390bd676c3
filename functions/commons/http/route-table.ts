import type { Method, Route } from '@middy/http-router';
import { HttpProblemError } from './http-problem-error.ts';
import type { HttpResponse } from './responses.ts';
import type { HttpApiEvent, HttpRoute } from './routes/http-route.ts';

const methods: readonly string[] = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'HEAD',
] satisfies Method[];

const isMethod = (method: string): method is Method => methods.includes(method);

/**
 * The routes of @middy/http-router from a table keyed by route key, the
 * `METHOD /path` with `{param}` segments that serverless.yml declares
 * and API Gateway sends as `routeKey`. A malformed key fails the cold
 * start with a TypeError.
 */
export const routeTable = (
  table: Readonly<Record<string, HttpRoute>>,
): Array<Route<HttpApiEvent, HttpResponse>> =>
  Object.entries(table).map(([routeKey, handler]) => {
    const [method = '', path = '', ...rest] = routeKey.split(' ');
    if (!isMethod(method) || !path.startsWith('/') || rest.length > 0) {
      throw new TypeError(
        `Route key ${JSON.stringify(routeKey)} is not "METHOD /path"`,
      );
    }
    return { method, path, handler };
  });

/** The 404 of a request no route matches. */
export const routeNotFound = ({
  method,
  path,
}: {
  method: string;
  path: string;
}): never => {
  throw new HttpProblemError(404, `No route ${method} ${path}`);
};
