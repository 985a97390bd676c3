import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { assertIsError } from '../errors.ts';
import { HttpProblemError } from './http-problem-error.ts';
import {
  maxJsonNestingDepth,
  nestingRule,
  nestsTooDeep,
} from './json-nesting.ts';

/** The largest body the API takes, in bytes (a request is ~1 KiB). */
export const maxBodyBytes = 64 * 1024;

/**
 * The JSON body of a request, or an HttpProblemError saying why it cannot
 * be read, checked in this order: a content type other than
 * application/json (415), a body over maxBodyBytes (413), text that nests
 * deeper than maxJsonNestingDepth or is not JSON (400, with the rule or
 * the parser's message as the `(body)` field error).
 */
export const readJsonBody = (event: APIGatewayProxyEventV2): unknown => {
  const contentType = (event.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (contentType !== 'application/json') {
    throw new HttpProblemError(
      415,
      `content-type must be application/json, got "${contentType || '(none)'}"`,
    );
  }
  const raw =
    event.body === undefined
      ? ''
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body;
  if (Buffer.byteLength(raw, 'utf8') > maxBodyBytes) {
    throw new HttpProblemError(
      413,
      `The body must be at most ${maxBodyBytes} bytes`,
    );
  }
  if (nestsTooDeep(raw)) {
    throw new HttpProblemError(
      400,
      `The body nests deeper than ${maxJsonNestingDepth} levels`,
      { errors: [{ field: '(body)', message: nestingRule }] },
    );
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    assertIsError(error);
    throw new HttpProblemError(400, 'The body is not valid JSON', {
      errors: [{ field: '(body)', message: error.message }],
      cause: error,
    });
  }
};
