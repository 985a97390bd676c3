/**
 * An error the Step Functions endpoint answers with. `code` is the name of
 * the error shape in the service model (ExecutionAlreadyExists, …): it goes
 * on the wire as `__type: com.amazonaws.sfn#<code>`, which the SDK turns
 * into its exception class of that name. In-process callers of the
 * registry narrow on the subclasses instead.
 */
export class StepFunctionsApiError extends Error {
  readonly code: string;
  /** HTTP status; every modelled Step Functions error is a 400. */
  readonly status: number;

  constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = 'StepFunctionsApiError';
    this.code = code;
    this.status = status;
  }
}

export class ExecutionAlreadyExistsError extends StepFunctionsApiError {
  constructor(executionArn: string) {
    super(
      'ExecutionAlreadyExists',
      `Execution Already Exists: '${executionArn}'`,
    );
    this.name = 'ExecutionAlreadyExistsError';
  }
}

export class ExecutionDoesNotExistError extends StepFunctionsApiError {
  constructor(executionArn: string) {
    super(
      'ExecutionDoesNotExist',
      `Execution Does Not Exist: '${executionArn}'`,
    );
    this.name = 'ExecutionDoesNotExistError';
  }
}

export class StateMachineDoesNotExistError extends StepFunctionsApiError {
  constructor(stateMachineArn: string) {
    super(
      'StateMachineDoesNotExist',
      `State Machine Does Not Exist: '${stateMachineArn}'`,
    );
    this.name = 'StateMachineDoesNotExistError';
  }
}

export class InvalidNameError extends StepFunctionsApiError {
  constructor(name: string) {
    super('InvalidName', `Invalid Name: '${name}'`);
    this.name = 'InvalidNameError';
  }
}

export class InvalidArnError extends StepFunctionsApiError {
  /** `reason`, e.g. "Invalid ARN prefix: nope", goes in quotes. */
  constructor(reason: string) {
    super('InvalidArn', `Invalid Arn: '${reason}'`);
    this.name = 'InvalidArnError';
  }
}

export class InvalidExecutionInputError extends StepFunctionsApiError {
  constructor(reason: string) {
    super(
      'InvalidExecutionInput',
      `Invalid State Machine Execution Input: '${reason}'`,
    );
    this.name = 'InvalidExecutionInputError';
  }
}

export class InvalidTokenError extends StepFunctionsApiError {
  constructor(reason: string) {
    super('InvalidToken', `Invalid Token: '${reason}'`);
    this.name = 'InvalidTokenError';
  }
}

/** A request that breaks the model's constraints (ValidationException). */
export class StepFunctionsValidationError extends StepFunctionsApiError {
  constructor(message: string) {
    super('ValidationException', message);
    this.name = 'StepFunctionsValidationError';
  }
}

/** A body that is not a JSON object (SerializationException). */
export class StepFunctionsSerializationError extends StepFunctionsApiError {
  constructor(message: string) {
    super('SerializationException', message);
    this.name = 'StepFunctionsSerializationError';
  }
}

export class UnknownStepFunctionsOperationError extends StepFunctionsApiError {
  constructor(target: string) {
    super('UnknownOperationException', `Unrecognized operation: ${target}`);
    this.name = 'UnknownStepFunctionsOperationError';
  }
}
