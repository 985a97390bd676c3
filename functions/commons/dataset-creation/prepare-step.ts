import type { DatasetGroupApi } from '../dataset-group/dataset-group-api.ts';
import { datasetGroupStatus } from '../dataset-group/status.ts';
import { correlationIdOf } from '../dataset-group/task-inputs.ts';
import { type DatasetPlan, planDatasets } from '../datasets/dataset-plan.ts';
import { checkSchemaDefinition } from '../datasets/schema-definition.ts';
import {
  validateDatasetsForGroup,
  validateDatasetsRequest,
} from '../datasets/validate-request.ts';
import {
  DatasetGroupNotReadyError,
  SchemaNotUsableError,
} from './dataset-errors.ts';
import type { DatasetsApi } from './datasets-api.ts';
import type { PreparedDataset, TargetGroup } from './prepared-dataset.ts';
import { datasetArnOf, importJobArnOf, schemaArnOf } from './resource-arns.ts';

export interface PreparedRun {
  datasetGroup: TargetGroup;
  datasets: PreparedDataset[];
  correlationId: string;
}

const preparedOf = (
  plan: DatasetPlan,
  group: TargetGroup,
): PreparedDataset => ({
  datasetType: plan.datasetType,
  datasetName: plan.datasetName,
  datasetArn: datasetArnOf(group.datasetGroupArn, group.name, plan.datasetType),
  schema:
    plan.schema.kind === 'arn'
      ? {
          name: plan.schema.schemaArn.split('/').at(-1) ?? '',
          schemaArn: plan.schema.schemaArn,
        }
      : {
          name: plan.schema.name,
          schemaArn: schemaArnOf(group.datasetGroupArn, plan.schema.name),
          definition: plan.schema.definition,
        },
  ...(plan.tags !== undefined && { tags: plan.tags }),
  ...(plan.importJob !== undefined && {
    importJob: {
      ...plan.importJob,
      datasetImportJobArn: importJobArnOf(
        group.datasetGroupArn,
        plan.importJob.jobName,
      ),
    },
  }),
});

/** A schema named by its ARN must exist and fit the type and domain. */
const checkNamedSchema = async (
  api: DatasetsApi,
  dataset: PreparedDataset,
  group: TargetGroup,
): Promise<void> => {
  if (dataset.schema.definition !== undefined) return;
  const schema = await api.describeSchema(dataset.schema.schemaArn);
  if (schema === undefined) {
    throw new SchemaNotUsableError(
      `The ${dataset.datasetType} dataset names schema ${dataset.schema.schemaArn}, which does not exist`,
    );
  }
  const { issues } = checkSchemaDefinition(
    schema.schema,
    dataset.datasetType,
    group.domain,
  );
  if (schema.domain !== group.domain) {
    issues.push(
      `is for domain ${schema.domain ?? '(none)'}, and the group's is ${group.domain ?? '(none)'}`,
    );
  }
  if (issues.length > 0) {
    throw new SchemaNotUsableError(
      `The ${dataset.datasetType} dataset's schema ${dataset.schema.schemaArn} ${issues.join('; ')}`,
    );
  }
};

/**
 * Task PrepareDatasets: the request validated, its group found ACTIVE,
 * the datasets checked against the group's domain, every default name
 * and ARN filled in. Nothing is created: a bad request fails here whole.
 */
export const prepareDatasets = async (
  groups: DatasetGroupApi,
  datasets: DatasetsApi,
  input: { request: unknown; executionName: string },
): Promise<PreparedRun> => {
  const request = validateDatasetsRequest(input.request);
  const group = await groups.findByName(request.name);
  if (group?.datasetGroupArn === undefined) {
    throw new DatasetGroupNotReadyError(
      `Dataset group ${request.name} does not exist: create it first (or declare the datasets in its create request)`,
    );
  }
  if (group.status !== datasetGroupStatus.active) {
    throw new DatasetGroupNotReadyError(
      `Dataset group ${request.name} is ${group.status ?? 'in an unknown status'}; datasets can be added only once it is ACTIVE`,
    );
  }
  validateDatasetsForGroup(request, group.domain);
  const target: TargetGroup = {
    name: group.name,
    datasetGroupArn: group.datasetGroupArn,
    ...(group.domain !== undefined && { domain: group.domain }),
  };
  const prepared = planDatasets(
    request.name,
    group.domain,
    request.datasets,
  ).map((plan) => preparedOf(plan, target));
  for (const dataset of prepared) {
    await checkNamedSchema(datasets, dataset, target);
  }
  return {
    datasetGroup: target,
    datasets: prepared,
    correlationId: correlationIdOf(request, input.executionName),
  };
};
