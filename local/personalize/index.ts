export {
  type Clock,
  createManualClock,
  type ManualClock,
  systemClock,
} from './clock.ts';
export type {
  DatasetGroupPersistence,
  StoredDatasetGroup,
} from './dataset-group-persistence.ts';
export type { EmulatedDatasetGroupView } from './dataset-group-store.ts';
export {
  requestRateMessage,
  smithyErrorStatuses,
  type ThrottlingErrorName,
  throttlingErrorNames,
} from './emulator-error.ts';
export { FaultController } from './fault-controller.ts';
export type {
  CountedFault,
  CreateFailedFault,
  FaultKind,
  FaultSettings,
  NameMatcher,
  NeverActiveFault,
  RateLimit,
  ServerErrorFault,
  ThrottleFault,
  ThrottlingAnswer,
} from './fault-settings.ts';
export type { LifecycleTimings } from './lifecycle-timings.ts';
export { defaultLifecycleTimings } from './lifecycle-timings.ts';
export type { OperationName } from './operation-names.ts';
export {
  type EmulatorStats,
  type PersonalizeEmulatorOptions,
  type RunningPersonalizeEmulator,
  startPersonalizeEmulator,
} from './start-personalize-emulator.ts';
