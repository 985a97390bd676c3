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
] as const;

export type OperationName = (typeof operationNames)[number];

export const isOperationName = (name: string): name is OperationName =>
  (operationNames as readonly string[]).includes(name);
