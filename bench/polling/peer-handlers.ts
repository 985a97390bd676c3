import {
  CreateDatasetGroupCommand,
  DescribeDatasetGroupCommand,
} from '@aws-sdk/client-personalize';
import { personalizeClient } from '#commons/clients/personalize.ts';

/** The error a Retry-as-poll status check throws while not ACTIVE. */
export class ResourcePending extends Error {
  constructor(status: string) {
    super(`Dataset group is ${status}`);
    this.name = 'ResourcePending';
  }
}

export class CreateFailed extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CreateFailed';
  }
}

interface PeerInput {
  name: string;
  created?: { datasetGroupArn: string };
}

/**
 * The Lambda functions the peers' state machines call, reduced to the
 * Personalize calls they make: create, then one DescribeDatasetGroup per
 * poll. `onStatus` lets the benchmark see when ACTIVE is first noticed.
 */
export const peerHandlers = (onStatus: (status: string) => void) => {
  const describe = async (input: PeerInput): Promise<string> => {
    const { datasetGroup } = await personalizeClient.send(
      new DescribeDatasetGroupCommand({
        datasetGroupArn: input.created?.datasetGroupArn,
      }),
    );
    const status = datasetGroup?.status ?? 'unknown';
    onStatus(status);
    return status;
  };
  return {
    create: async (event: unknown) => {
      const { name } = event as PeerInput;
      const { datasetGroupArn } = await personalizeClient.send(
        new CreateDatasetGroupCommand({ name }),
      );
      return { datasetGroupArn };
    },
    describe: async (event: unknown) => describe(event as PeerInput),
    waitForActive: async (event: unknown) => {
      const status = await describe(event as PeerInput);
      if (status === 'CREATE FAILED') throw new CreateFailed(status);
      if (status !== 'ACTIVE') throw new ResourcePending(status);
      return status;
    },
  };
};
