import type { PersonalizeClient } from '@aws-sdk/client-personalize';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { Event } from '@middy/http-event-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { DatasetGroupApi } from '../../dataset-group/dataset-group-api.ts';
import type { HttpResponse } from '../responses.ts';

/** An HTTP API event after http-event-normalizer: pathParameters is set. */
export type HttpApiEvent = Event<APIGatewayProxyEventV2>;

/**
 * The work of one route: its answer, or a thrown error that the handler's
 * error middlewares answer (HttpProblemError, or a domain error).
 */
export type HttpRoute = (event: HttpApiEvent) => Promise<HttpResponse>;

/** What the routes work with; each takes the part it needs. */
export interface HttpApiDependencies {
  sfn: SFNClient;
  personalize: PersonalizeClient;
  datasetGroups: DatasetGroupApi;
  /** The datasets of a group (ListDatasets); without it, none are shown. */
  datasetsOf?: (datasetGroupArn: string) => Promise<unknown[]>;
  createStateMachineArn: string;
  deleteStateMachineArn: string;
  /** Adds 1 to a count metric of this invocation. */
  count: (metricName: string) => void;
}

/** Where a started workflow's status is read. */
export const statusUrlOf = (executionName: string): string =>
  `/executions/${executionName}`;
