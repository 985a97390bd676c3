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

/** `{message, errors?}`: every error response has this body. */
export interface Problem {
  message: string;
  errors?: FieldIssue[];
}

export const problemBody = (
  message: string,
  errors?: FieldIssue[],
): Problem => ({ message, ...(errors === undefined ? {} : { errors }) });
