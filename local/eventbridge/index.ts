export {
  assertValidEventPattern,
  type EventPattern,
  InvalidEventPatternError,
  matchesEventPattern,
} from './event-pattern.ts';
export {
  EventBridgeApiError,
  EventBridgeSerializationError,
  EventBridgeValidationError,
} from './eventbridge-error.ts';
export { lambdaTarget } from './lambda-target.ts';
export { maxEntriesPerCall } from './put-events.ts';
export {
  type DeadLetter,
  type DeliveryCounts,
  defaultRetryPolicy,
  type LocalRule,
  type RetryPolicy,
  RuleDispatcher,
  type RuleTarget,
} from './rule-dispatcher.ts';
export {
  datasetGroupRequestPatterns,
  datasetsTriggerPattern,
} from './stack-rules.ts';
export {
  type EventBridgeEndpointOptions,
  type RunningEventBridgeEndpoint,
  startEventBridgeEndpoint,
} from './start-eventbridge-endpoint.ts';
