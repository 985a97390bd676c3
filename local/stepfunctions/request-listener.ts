import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  isOperationName,
  operations,
  type StepFunctionsBackend,
} from './operations.ts';
import { UnknownStepFunctionsOperationError } from './step-functions-error.ts';
import {
  asApiError,
  operationFromTarget,
  parseJsonBody,
  readBody,
  sendError,
  sendOutput,
} from './wire.ts';

/**
 * The awsJson1_0 wire layer: route on X-Amz-Target, run the operation on
 * the state machines and their executions, and answer like the service.
 */
export const createRequestListener = (backend: StepFunctionsBackend) => {
  const handle = async (
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> => {
    const raw = await readBody(request);
    const target = operationFromTarget(request.headers['x-amz-target']);
    if (
      request.method !== 'POST' ||
      target === undefined ||
      !isOperationName(target)
    ) {
      throw new UnknownStepFunctionsOperationError(
        String(request.headers['x-amz-target'] ?? '(no X-Amz-Target)'),
      );
    }
    sendOutput(response, await operations[target](parseJsonBody(raw), backend));
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      sendError(response, asApiError(error));
    });
  };
};
