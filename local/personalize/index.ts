export {
  type ChildKind,
  childKinds,
  defaultChildQuotas,
  type QuotaKind,
} from './child-kinds.ts';
export type { ChildAction, DeletionFate } from './child-lifecycle.ts';
export {
  type CampaignAttributes,
  type ChildAttributes,
  type EventTrackerAttributes,
  type FilterAttributes,
  type GroupChildPersistence,
  type MetricAttributionAttributes,
  type RecommenderAttributes,
  type SolutionAttributes,
  type SolutionVersionAttributes,
  type StoredChild,
  trainingModes,
} from './child-persistence.ts';
export type { ChildView } from './child-store.ts';
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
export type { DeletedKind, DeletionLogEntry } from './deletion-log.ts';
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
  ChildCreateFailedFault,
  ChildDeleteFailedFault,
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
export type {
  EmulatedCampaignView,
  EmulatedEventTrackerView,
  EmulatedFilterView,
  EmulatedMetricAttributionView,
  EmulatedRecommenderView,
  EmulatedSolutionVersionView,
  EmulatedSolutionView,
} from './group-children.ts';
export {
  type EmulatedImportJobView,
  pendingImportsMessage,
} from './import-job-store.ts';
export type {
  ChildLifecycleTimings,
  DatasetLifecycleTimings,
  EmulatorLifecycleTimings,
  ImportJobLifecycleTimings,
  LifecycleTimings,
} from './lifecycle-timings.ts';
export {
  defaultChildLifecycleTimings,
  defaultDatasetLifecycleTimings,
  defaultImportJobLifecycleTimings,
  defaultLifecycleTimings,
} from './lifecycle-timings.ts';
export {
  childOperationNames,
  type OperationName,
} from './operation-names.ts';
export type { EmulatedSchemaView } from './schema-store.ts';
export {
  type EmulatorStats,
  type PersonalizeEmulatorOptions,
  type RunningPersonalizeEmulator,
  startPersonalizeEmulator,
} from './start-personalize-emulator.ts';
