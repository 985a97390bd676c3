/** The Personalize operations the emulator answers. */
export const operationNames = [
  'CreateDatasetGroup',
  'DescribeDatasetGroup',
  'ListDatasetGroups',
  'DeleteDatasetGroup',
  'TagResource',
  'UntagResource',
  'ListTagsForResource',
  'CreateSchema',
  'DescribeSchema',
  'ListSchemas',
  'DeleteSchema',
  'CreateDataset',
  'DescribeDataset',
  'ListDatasets',
  'DeleteDataset',
  'CreateDatasetImportJob',
  'DescribeDatasetImportJob',
  'ListDatasetImportJobs',
  'CreateEventTracker',
  'DescribeEventTracker',
  'ListEventTrackers',
  'DeleteEventTracker',
  'CreateFilter',
  'DescribeFilter',
  'ListFilters',
  'DeleteFilter',
  'CreateSolution',
  'DescribeSolution',
  'ListSolutions',
  'DeleteSolution',
  'CreateSolutionVersion',
  'DescribeSolutionVersion',
  'ListSolutionVersions',
  'StopSolutionVersionCreation',
  'CreateCampaign',
  'DescribeCampaign',
  'ListCampaigns',
  'DeleteCampaign',
  'CreateRecommender',
  'DescribeRecommender',
  'ListRecommenders',
  'DeleteRecommender',
  'StopRecommender',
  'StartRecommender',
  'CreateMetricAttribution',
  'DescribeMetricAttribution',
  'ListMetricAttributions',
  'DeleteMetricAttribution',
] as const;

/** The operations on the kinds a dataset group holds (not datasets). */
export const childOperationNames = operationNames.slice(
  operationNames.indexOf('CreateEventTracker'),
);

export type OperationName = (typeof operationNames)[number];

export const isOperationName = (name: string): name is OperationName =>
  (operationNames as readonly string[]).includes(name);
