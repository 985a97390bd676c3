/**
 * An error the EventBridge endpoint answers a whole request with: `code`
 * goes on the wire as `__type` (HTTP 400). Problems with one entry are
 * not errors: that entry gets an ErrorCode in the response instead.
 */
export class EventBridgeApiError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = 'EventBridgeApiError';
    this.code = code;
    this.status = status;
  }
}

/** A request that breaks the model's constraints (ValidationException). */
export class EventBridgeValidationError extends EventBridgeApiError {
  constructor(message: string) {
    super('ValidationException', message);
    this.name = 'EventBridgeValidationError';
  }
}

/** A body that is not a JSON object (SerializationException). */
export class EventBridgeSerializationError extends EventBridgeApiError {
  constructor(message: string) {
    super('SerializationException', message);
    this.name = 'EventBridgeSerializationError';
  }
}

export class UnknownEventBridgeOperationError extends EventBridgeApiError {
  constructor(target: string) {
    super('UnknownOperationException', `Unrecognized operation: ${target}`);
    this.name = 'UnknownEventBridgeOperationError';
  }
}
