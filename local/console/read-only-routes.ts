/**
 * What the console's same-origin proxy forwards: the read operations of
 * the stack's endpoints, nothing that changes the stack. The page only
 * reads; a request for anything else is refused before it leaves.
 */

/** The upstream endpoints, by the path prefix the page uses. */
export type Upstream = 'stepFunctions' | 'personalize' | 'api';

/** `X-Amz-Target` prefixes of the two awsJson endpoints. */
export const targetPrefixes = {
  stepFunctions: 'AWSStepFunctions.',
  personalize: 'AmazonPersonalize.',
} as const;

const readOperation = /^(List|Describe|Get)[A-Za-z]+$/;

/** The console asked the proxy for something that is not a read. */
export class NotReadOnlyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotReadOnlyError';
  }
}

/** A request the proxy forwards: where, and the path to ask there. */
export interface ProxyRoute {
  upstream: Upstream;
  path: string;
}

/**
 * The route of a console request (`POST /aws/stepfunctions`,
 * `POST /aws/personalize`, `GET /api/...`), or undefined when the path is
 * none of them; throws NotReadOnlyError for an operation that writes.
 */
export const proxyRouteOf = (
  method: string,
  path: string,
  target: string | undefined,
): ProxyRoute | undefined => {
  const awsUpstream =
    path === '/aws/stepfunctions'
      ? 'stepFunctions'
      : path === '/aws/personalize'
        ? 'personalize'
        : undefined;
  if (awsUpstream !== undefined) {
    const prefix = targetPrefixes[awsUpstream];
    const operation = target?.startsWith(prefix)
      ? target.slice(prefix.length)
      : undefined;
    if (method !== 'POST' || operation === undefined) {
      throw new NotReadOnlyError(
        `${path} forwards POST requests with X-Amz-Target ${prefix}<Operation>`,
      );
    }
    if (!readOperation.test(operation)) {
      throw new NotReadOnlyError(
        `The console reads only: ${operation} is not a List, Describe or Get operation`,
      );
    }
    return { upstream: awsUpstream, path: '/' };
  }
  if (path === '/api' || path.startsWith('/api/')) {
    if (method !== 'GET') {
      throw new NotReadOnlyError(
        `The console reads only: ${method} ${path} is not forwarded`,
      );
    }
    return { upstream: 'api', path: path.slice('/api'.length) || '/' };
  }
  return undefined;
};
