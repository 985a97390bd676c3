// Loads an ASL file for serverless-step-functions and turns its
// `${Placeholder}` values into CloudFormation intrinsics, the way the
// local runner substitutes them with plain strings
// (local/runtime/state-machine-definition.ts). Used as
// ${file(./infra/state-machine-definition.cjs):create}.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const substitutions = {
  CreateDatasetGroupFunctionArn: {
    'Fn::GetAtt': ['CreateDatasetGroupLambdaFunction', 'Arn'],
  },
  DescribeDatasetGroupFunctionArn: {
    'Fn::GetAtt': ['DescribeDatasetGroupLambdaFunction', 'Arn'],
  },
  DeleteDatasetGroupFunctionArn: {
    'Fn::GetAtt': ['DeleteDatasetGroupLambdaFunction', 'Arn'],
  },
  DescribeDatasetGroupDeletionFunctionArn: {
    'Fn::GetAtt': ['DescribeDatasetGroupDeletionLambdaFunction', 'Arn'],
  },
  TeardownDatasetGroupChildrenFunctionArn: {
    'Fn::GetAtt': ['TeardownDatasetGroupChildrenLambdaFunction', 'Arn'],
  },
  PrepareDatasetsFunctionArn: {
    'Fn::GetAtt': ['PrepareDatasetsLambdaFunction', 'Arn'],
  },
  CreateDatasetFunctionArn: {
    'Fn::GetAtt': ['CreateDatasetLambdaFunction', 'Arn'],
  },
  DescribeDatasetFunctionArn: {
    'Fn::GetAtt': ['DescribeDatasetLambdaFunction', 'Arn'],
  },
  CreateDatasetImportJobFunctionArn: {
    'Fn::GetAtt': ['CreateDatasetImportJobLambdaFunction', 'Arn'],
  },
  DescribeDatasetImportJobFunctionArn: {
    'Fn::GetAtt': ['DescribeDatasetImportJobLambdaFunction', 'Arn'],
  },
};

const placeholder = /^\$\{([A-Za-z0-9_]+)\}$/;

const substitute = (node, strings) => {
  if (Array.isArray(node)) return node.map((item) => substitute(item, strings));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        substitute(value, strings),
      ]),
    );
  }
  if (typeof node !== 'string') return node;
  const name = placeholder.exec(node)?.[1];
  if (name === undefined) {
    if (node.includes('${'))
      throw new Error(`Unsupported placeholder in "${node}"`);
    return node;
  }
  if (name in strings) return strings[name];
  const value = substitutions[name];
  if (value === undefined) throw new Error(`No substitution for \${${name}}`);
  return value;
};

const load =
  (file) =>
  async ({ resolveVariable }) => {
    const strings = {
      EventSource: await resolveVariable('self:custom.eventSource'),
      EventBusName: await resolveVariable('self:custom.eventBusName'),
    };
    const definition = JSON.parse(
      readFileSync(join(__dirname, '..', 'statemachines', file), 'utf8'),
    );
    return substitute(definition, strings);
  };

module.exports = {
  create: load('create-dataset-group.asl.json'),
  delete: load('delete-dataset-group.asl.json'),
  datasets: load('create-datasets.asl.json'),
};
