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
export type {
  DatasetPersistence,
  RecordPersistence,
  StoredDataset,
  StoredImportJob,
  StoredSchema,
} from './dataset-persistence.ts';
export type { EmulatedDatasetView } from './dataset-store.ts';
export {
  requestRateMessage,
  smithyErrorStatuses,
  type ThrottlingErrorName,
  throttlingErrorNames,
} from './emulator-error.ts';
export {
  FaultController,
  importFailureReasonFor,
} from './fault-controller.ts';
export type {
  CountedFault,
  CreateFailedFault,
  DatasetCreateFailedFault,
  DatasetNeverActiveFault,
  FaultKind,
  FaultSettings,
  ImportFailedFault,
  ImportNeverDoneFault,
  NameMatcher,
  NeverActiveFault,
  RateLimit,
  ServerErrorFault,
  ThrottleFault,
  ThrottlingAnswer,
} from './fault-settings.ts';
export {
  type EmulatedImportJobView,
  pendingImportsMessage,
} from './import-job-store.ts';
export type {
  DatasetLifecycleTimings,
  EmulatorLifecycleTimings,
  ImportJobLifecycleTimings,
  LifecycleTimings,
} from './lifecycle-timings.ts';
export {
  defaultDatasetLifecycleTimings,
  defaultImportJobLifecycleTimings,
  defaultLifecycleTimings,
} from './lifecycle-timings.ts';
export type { OperationName } from './operation-names.ts';
export type { EmulatedSchemaView } from './schema-store.ts';
export {
  type EmulatorStats,
  type PersonalizeEmulatorOptions,
  type RunningPersonalizeEmulator,
  startPersonalizeEmulator,
} from './start-personalize-emulator.ts';
