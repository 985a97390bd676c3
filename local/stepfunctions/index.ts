export { isValidExecutionName } from './execution-name.ts';
export {
  ExecutionRegistry,
  type HistoryListener,
} from './execution-registry.ts';
export {
  type ExecutionDescription,
  type ExecutionStatus,
  type GetExecutionHistoryRequest,
  type ListExecutionsRequest,
  maxInputBytes,
  type StartExecutionRequest,
  type StartExecutionResult,
  type StopExecutionRequest,
} from './execution-requests.ts';
export { causeText, ExecutionHistory } from './history-events.ts';
export {
  type OperationName,
  operationNames,
  type StepFunctionsBackend,
} from './operations.ts';
export {
  type RunningStepFunctionsEndpoint,
  type StepFunctionsEndpointOptions,
  startStepFunctionsEndpoint,
} from './start-step-functions-endpoint.ts';
export {
  type ListStateMachinesRequest,
  type ServedStateMachine,
  StateMachineCatalog,
} from './state-machine-catalog.ts';
export {
  ExecutionAlreadyExistsError,
  ExecutionDoesNotExistError,
  InvalidArnError,
  InvalidExecutionInputError,
  InvalidNameError,
  InvalidTokenError,
  StateMachineDoesNotExistError,
  StepFunctionsApiError,
  StepFunctionsSerializationError,
  StepFunctionsValidationError,
} from './step-functions-error.ts';
