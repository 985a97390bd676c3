import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { FieldIssue } from '../errors.ts';
import {
  maxJsonNestingDepth,
  nestingRule,
  nestsTooDeep,
} from './json-nesting.ts';

/** The largest body the API takes, in bytes (a request is ~1 KiB). */
export const maxBodyBytes = 64 * 1024;

export type BodyResult =
  | { ok: true; body: unknown }
  | {
      ok: false;
      status: 400 | 413 | 415;
      message: string;
      errors?: FieldIssue[];
    };

/**
 * The JSON body of a request, or why it cannot be read: a content type
 * other than application/json (415), a body over maxBodyBytes (413), or
 * text that is not JSON or nests deeper than maxJsonNestingDepth (400).
 */
export const readJsonBody = (event: APIGatewayProxyEventV2): BodyResult => {
  const contentType = (event.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (contentType !== 'application/json') {
    return {
      ok: false,
      status: 415,
      message: `content-type must be application/json, got "${contentType || '(none)'}"`,
    };
  }
  const raw =
    event.body === undefined
      ? ''
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body;
  if (Buffer.byteLength(raw, 'utf8') > maxBodyBytes) {
    return {
      ok: false,
      status: 413,
      message: `The body must be at most ${maxBodyBytes} bytes`,
    };
  }
  if (nestsTooDeep(raw)) {
    return {
      ok: false,
      status: 400,
      message: `The body nests deeper than ${maxJsonNestingDepth} levels`,
      errors: [{ field: '(body)', message: nestingRule }],
    };
  }
  try {
    return { ok: true, body: JSON.parse(raw) };
  } catch (error) {
    return {
      ok: false,
      status: 400,
      message: 'The body is not valid JSON',
      errors: [{ field: '(body)', message: (error as Error).message }],
    };
  }
};
