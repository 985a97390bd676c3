import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { isValidIdempotencyKey } from '../executions/execution-names.ts';
import { HttpProblemError } from './http-problem-error.ts';

/**
 * The Idempotency-Key header (headers are lower-cased by
 * http-header-normalizer), undefined when absent, or a 400 naming it.
 */
export const readIdempotencyKey = (
  event: APIGatewayProxyEventV2,
): string | undefined => {
  const key = event.headers['idempotency-key'];
  if (key !== undefined && !isValidIdempotencyKey(key)) {
    throw new HttpProblemError(400, 'Invalid Idempotency-Key header', {
      errors: [
        {
          field: 'Idempotency-Key',
          message: 'must be 1 to 255 printable ASCII characters',
        },
      ],
    });
  }
  return key;
};
