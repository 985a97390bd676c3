import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { RouteMatch } from './routes.ts';

export interface IncomingHttpRequest {
  method: string;
  /** Path and query, as on the request line. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  sourceIp: string;
}

/**
 * The URL of a request target as a server reads it: a path (origin-form)
 * is a path even when it starts with "//", which `new URL(target, base)`
 * would take for a host and reject ("//" has none); an absolute URL is
 * taken as is. Undefined for anything else (`*`, junk).
 */
export const requestUrlOf = (
  target: string,
  origin: string,
): URL | undefined => {
  try {
    return target.startsWith('/')
      ? new URL(`${origin}${target}`)
      : new URL(target);
  } catch {
    return undefined;
  }
};

const textContentType =
  /^(application\/(json|[\w.+-]*\+json|x-www-form-urlencoded|xml)|text\/)/i;

/**
 * The payload format 2.0 event API Gateway HTTP APIs hand to a Lambda
 * integration: lower-case headers (repeated ones joined by commas),
 * cookies apart, decoded query parameters, the body as text or base64.
 */
export const toApiGatewayEvent = (
  request: IncomingHttpRequest,
  route: RouteMatch,
  context: { accountId: string; apiId: string; domainName: string },
  now = new Date(),
): APIGatewayProxyEventV2 => {
  const origin = `http://${context.domainName}`;
  const url = requestUrlOf(request.url, origin) ?? new URL(origin);
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (key === 'cookie') {
      cookies = (Array.isArray(value) ? value.join('; ') : value).split(/;\s*/);
      continue;
    }
    headers[key] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    query[key] = key in query ? `${query[key]},${value}` : value;
  }
  const hasBody = request.body.length > 0;
  const isText = textContentType.test(headers['content-type'] ?? '');
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies === undefined ? {} : { cookies }),
    headers,
    ...(Object.keys(query).length === 0
      ? {}
      : { queryStringParameters: query }),
    ...(Object.keys(route.pathParameters).length === 0
      ? {}
      : { pathParameters: route.pathParameters }),
    requestContext: {
      accountId: context.accountId,
      apiId: context.apiId,
      domainName: context.domainName,
      domainPrefix: context.domainName.split('.')[0] ?? context.domainName,
      http: {
        method: request.method.toUpperCase(),
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(hasBody
      ? {
          body: isText
            ? request.body.toString('utf8')
            : request.body.toString('base64'),
        }
      : {}),
    isBase64Encoded: hasBody && !isText,
  };
};

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * A Lambda result as API Gateway turns it into an HTTP response (payload
 * 2.0): a `{statusCode, ...}` object is used as given; anything else is
 * a 200 with the value as JSON.
 */
export const fromLambdaResult = (result: unknown): HttpResponse => {
  if (typeof result === 'object' && result !== null && 'statusCode' in result) {
    const response = result as {
      statusCode: number;
      headers?: Record<string, string | number | boolean>;
      body?: string;
      isBase64Encoded?: boolean;
      cookies?: string[];
    };
    const headers = Object.fromEntries(
      Object.entries(response.headers ?? {}).map(([key, value]) => [
        key.toLowerCase(),
        String(value),
      ]),
    );
    return {
      statusCode: response.statusCode,
      headers,
      body: Buffer.from(
        response.body ?? '',
        response.isBase64Encoded ? 'base64' : 'utf8',
      ),
    };
  }
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(
      typeof result === 'string' ? result : JSON.stringify(result ?? null),
    ),
  };
};
