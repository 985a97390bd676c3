import {
  CreateDatasetGroupCommand,
  DeleteDatasetGroupCommand,
  DescribeDatasetGroupCommand,
  ListTagsForResourceCommand,
  type PersonalizeClient,
  paginateListDatasetGroups,
  ResourceAlreadyExistsException,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-personalize';
import { toDatasetGroup } from '../dataset-group/dataset-group.ts';
import type { DatasetGroupApi } from '../dataset-group/dataset-group-api.ts';
import type { Tag } from '../dataset-group/request-schema.ts';
import { DatasetGroupNotFoundError } from '../errors.ts';
import { toWorkflowError } from './personalize-errors.ts';

/** DatasetGroupApi over the Personalize SDK client. */
export const personalizeDatasetGroups = (
  client: PersonalizeClient,
): DatasetGroupApi => {
  const describe = async (datasetGroupArn: string, name: string) => {
    try {
      const { datasetGroup } = await client.send(
        new DescribeDatasetGroupCommand({ datasetGroupArn }),
      );
      return toDatasetGroup(datasetGroup ?? {}, name);
    } catch (error) {
      if (error instanceof ResourceNotFoundException) {
        throw new DatasetGroupNotFoundError(
          `Dataset group ${name} (${datasetGroupArn}) does not exist`,
          { cause: error },
        );
      }
      throw toWorkflowError(error, 'DescribeDatasetGroup');
    }
  };

  return {
    async create({ name, domain, kmsKeyArn, roleArn, tags }) {
      try {
        const { datasetGroupArn } = await client.send(
          new CreateDatasetGroupCommand({
            name,
            domain,
            kmsKeyArn,
            roleArn,
            tags,
          }),
        );
        if (datasetGroupArn === undefined) {
          throw new TypeError('CreateDatasetGroup returned no datasetGroupArn');
        }
        return { kind: 'created', datasetGroupArn };
      } catch (error) {
        if (error instanceof ResourceAlreadyExistsException) {
          return { kind: 'already-exists' };
        }
        throw toWorkflowError(error, 'CreateDatasetGroup');
      }
    },

    async findByName(name) {
      try {
        for await (const page of paginateListDatasetGroups({ client }, {})) {
          const match = page.datasetGroups?.find(
            (group) => group.name === name,
          );
          if (match?.datasetGroupArn !== undefined) {
            return await describe(match.datasetGroupArn, name);
          }
        }
        return undefined;
      } catch (error) {
        if (error instanceof DatasetGroupNotFoundError) return undefined;
        throw toWorkflowError(error, 'ListDatasetGroups');
      }
    },

    describe,

    async delete(datasetGroupArn, name) {
      try {
        await client.send(new DeleteDatasetGroupCommand({ datasetGroupArn }));
        return { kind: 'deleting' };
      } catch (error) {
        if (error instanceof ResourceInUseException) {
          return { kind: 'in-use', message: error.message };
        }
        if (error instanceof ResourceNotFoundException) {
          throw new DatasetGroupNotFoundError(
            `Dataset group ${name} (${datasetGroupArn}) does not exist`,
            { cause: error },
          );
        }
        throw toWorkflowError(error, 'DeleteDatasetGroup');
      }
    },

    async listTags(resourceArn) {
      try {
        const { tags } = await client.send(
          new ListTagsForResourceCommand({ resourceArn }),
        );
        return (tags ?? []).map(
          (tag): Tag => ({
            tagKey: tag.tagKey ?? '',
            tagValue: tag.tagValue ?? '',
          }),
        );
      } catch (error) {
        throw toWorkflowError(error, 'ListTagsForResource');
      }
    },
  };
};
