import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallCounter } from './call-counter.ts';
import {
  defaultErrorStatus,
  type EmulatorError,
  unknownOperation,
} from './emulator-error.ts';
import type { EmulatorStores } from './emulator-stores.ts';
import type { FaultController } from './fault-controller.ts';
import { isOperationName } from './operation-names.ts';
import { operations } from './operations.ts';
import {
  asEmulatorError,
  operationFromTarget,
  parseJsonBody,
  readBody,
  regionFromAuthorization,
  sendError,
  sendOutput,
} from './wire.ts';

export interface RequestListenerDependencies {
  stores: EmulatorStores;
  faults: FaultController;
  calls: CallCounter;
  /** Region when the request carries no SigV4 credential scope. */
  defaultRegion: string;
  /** HTTP status per error name; unlisted names get 400. */
  errorStatuses: Readonly<Record<string, number>>;
  /** Real-time wait (the latency fault); tracked so close() can cancel. */
  sleep: (ms: number) => Promise<void>;
}

/**
 * The awsJson1_1 wire layer: route on X-Amz-Target, apply the injected
 * faults, run the operation, and answer like the service.
 */
export const createRequestListener = (deps: RequestListenerDependencies) => {
  const statusOf = (error: EmulatorError): number =>
    error.status ?? deps.errorStatuses[error.name] ?? defaultErrorStatus;

  const handle = async (
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> => {
    const raw = await readBody(request);
    const target = operationFromTarget(request.headers['x-amz-target']);
    deps.calls.count(target ?? '(no target)');
    if (
      request.method !== 'POST' ||
      target === undefined ||
      !isOperationName(target)
    ) {
      throw unknownOperation(
        `Unrecognized operation: ${String(request.headers['x-amz-target'] ?? '(no X-Amz-Target)')}`,
      );
    }
    const latencyMs = deps.faults.takeLatency(target);
    if (latencyMs > 0) await deps.sleep(latencyMs);
    const fault = deps.faults.takeFault(target);
    if (fault?.kind === 'connectionReset') {
      request.socket.destroy();
      return;
    }
    if (fault !== undefined) throw fault.error;
    const region =
      regionFromAuthorization(request.headers.authorization) ??
      deps.defaultRegion;
    const output = operations[target](parseJsonBody(raw), {
      stores: deps.stores,
      region,
    });
    sendOutput(response, output);
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      const emulatorError = asEmulatorError(error);
      sendError(response, emulatorError, statusOf(emulatorError));
    });
  };
};
