/**
 * The page's calls to the stack: the Step Functions and Personalize APIs
 * (awsJson, as any client sends them) and the HTTP API, each through the
 * console's same-origin proxy, and the console's own `GET /events`.
 */

/** @typedef {Record<string, unknown>} Json */

/** An endpoint answered with an error (its code and message). */
export class StackCallError extends Error {
  /** @param {string} code @param {string} message @param {number} status */
  constructor(code, message, status) {
    super(`${code}: ${message}`);
    this.name = 'StackCallError';
    this.code = code;
    this.status = status;
  }
}

const protocols = {
  stepFunctions: {
    path: '/aws/stepfunctions',
    contentType: 'application/x-amz-json-1.0',
    prefix: 'AWSStepFunctions.',
  },
  personalize: {
    path: '/aws/personalize',
    contentType: 'application/x-amz-json-1.1',
    prefix: 'AmazonPersonalize.',
  },
};

/** @param {Response} response @returns {Promise<Json>} */
const answerOf = async (response) => {
  const text = await response.text();
  /** @type {Json} */
  let body = {};
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    body = { message: text };
  }
  if (!response.ok) {
    const type = String(body.__type ?? body.code ?? `HTTP ${response.status}`);
    throw new StackCallError(
      type.slice(type.lastIndexOf('#') + 1),
      String(body.message ?? body.Message ?? response.statusText),
      response.status,
    );
  }
  return body;
};

/**
 * One awsJson operation, e.g. `aws('stepFunctions', 'ListExecutions', {…})`.
 * @param {'stepFunctions' | 'personalize'} service
 * @param {string} operation
 * @param {Json} [input]
 * @param {AbortSignal} [signal]
 */
export const aws = async (service, operation, input = {}, signal) => {
  const protocol = protocols[service];
  return answerOf(
    await fetch(protocol.path, {
      method: 'POST',
      headers: {
        'content-type': protocol.contentType,
        'x-amz-target': `${protocol.prefix}${operation}`,
      },
      body: JSON.stringify(input),
      ...(signal && { signal }),
    }),
  );
};

/**
 * A GET of the HTTP API (`/dataset-groups`…) or of the console (`/events`).
 * @param {string} path @param {AbortSignal} [signal]
 */
export const getJson = async (path, signal) =>
  answerOf(await fetch(path, { ...(signal && { signal }) }));
