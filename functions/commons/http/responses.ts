import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { FieldIssue } from '../errors.ts';

export type HttpResponse = APIGatewayProxyStructuredResultV2;

export const json = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** `{message, errors?}`: every error response has this shape. */
export const problem = (
  statusCode: number,
  message: string,
  errors?: FieldIssue[],
  headers: Record<string, string> = {},
): HttpResponse =>
  json(
    statusCode,
    { message, ...(errors === undefined ? {} : { errors }) },
    headers,
  );
