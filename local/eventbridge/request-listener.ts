import type { IncomingMessage, ServerResponse } from 'node:http';
import { UnknownEventBridgeOperationError } from './eventbridge-error.ts';
import {
  asApiError,
  operationFromTarget,
  parseJsonBody,
  type RequestBody,
  readBody,
  sendError,
  sendOutput,
} from './wire.ts';

/** The operations answered, by X-Amz-Target operation name. */
export type EventBridgeOperations = Readonly<
  Record<string, (body: RequestBody) => object>
>;

/**
 * The awsJson1_1 wire layer: route on X-Amz-Target, run the operation,
 * answer like the service (UnknownOperationException for the others).
 */
export const createRequestListener = (operations: EventBridgeOperations) => {
  const handle = async (
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> => {
    const raw = await readBody(request);
    const target = operationFromTarget(request.headers['x-amz-target']);
    const operation =
      target === undefined || !Object.hasOwn(operations, target)
        ? undefined
        : operations[target];
    if (request.method !== 'POST' || operation === undefined) {
      throw new UnknownEventBridgeOperationError(
        String(request.headers['x-amz-target'] ?? '(no X-Amz-Target)'),
      );
    }
    sendOutput(response, operation(parseJsonBody(raw)));
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      sendError(response, asApiError(error));
    });
  };
};
