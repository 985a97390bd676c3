import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpEventNormalizer from '@middy/http-event-normalizer';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpRouterHandler from '@middy/http-router';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { personalizeClient } from '#commons/clients/personalize.ts';
import { personalizeDatasetGroups } from '#commons/clients/personalize-dataset-groups.ts';
import { listDatasetsOf } from '#commons/clients/personalize-datasets.ts';
import { sfnClient } from '#commons/clients/sfn.ts';
import { getStringFromEnv } from '#commons/env.ts';
import {
  HttpProblemError,
  internalErrorBody,
} from '#commons/http/http-problem-error.ts';
import { httpProblems } from '#commons/http/http-problems.ts';
import type { HttpResponse } from '#commons/http/responses.ts';
import { routeNotFound, routeTable } from '#commons/http/route-table.ts';
import { createDatasetGroupRoute } from '#commons/http/routes/create-dataset-group.ts';
import { deleteDatasetGroupRoute } from '#commons/http/routes/delete-dataset-group.ts';
import { getDatasetGroupRoute } from '#commons/http/routes/get-dataset-group.ts';
import { getExecutionRoute } from '#commons/http/routes/get-execution.ts';
import { listDatasetGroupsRoute } from '#commons/http/routes/list-dataset-groups.ts';
import { logger } from '#commons/powertools/logger.ts';
import {
  MetricUnit,
  metricNames,
  metrics,
} from '#commons/powertools/metrics.ts';
import { tracer } from '#commons/powertools/tracer.ts';

const deps = {
  sfn: sfnClient,
  personalize: personalizeClient,
  datasetGroups: personalizeDatasetGroups(personalizeClient),
  datasetsOf: listDatasetsOf(personalizeClient),
  createStateMachineArn: getStringFromEnv('STATE_MACHINE_ARN'),
  deleteStateMachineArn: getStringFromEnv('DELETE_STATE_MACHINE_ARN'),
  count: (name: string) => metrics.addMetric(name, MetricUnit.Count, 1),
};

/**
 * The routes of serverless.yml and local/http-api/routes.ts. The router
 * matches `requestContext.http.path`: on the `$default` stage the stack
 * deploys, that is the route's own path (a named stage would prefix it).
 */
export const routes = routeTable({
  'POST /dataset-groups': createDatasetGroupRoute(deps),
  'GET /dataset-groups': listDatasetGroupsRoute(deps),
  'GET /dataset-groups/{name}': getDatasetGroupRoute(deps),
  'DELETE /dataset-groups/{name}': deleteDatasetGroupRoute(deps),
  'GET /executions/{executionName}': getExecutionRoute(deps),
});

/**
 * Every answer is JSON; errors are `{message, errors?}`: a route throws,
 * httpProblems turns domain errors into HttpProblemErrors and
 * http-error-handler answers them; anything else is a 500, logged.
 */
const httpApi = middy<APIGatewayProxyEventV2, HttpResponse>()
  .use(httpEventNormalizer<APIGatewayProxyEventV2>())
  .use(
    httpErrorHandler({
      logger: (error) => {
        if (!(error instanceof HttpProblemError)) {
          logger.error('Unexpected error', { error });
        }
      },
      fallbackMessage: internalErrorBody,
    }),
  )
  .use(
    httpProblems({ onRejected: () => deps.count(metricNames.requestRejected) }),
  )
  .handler<APIGatewayProxyEventV2, HttpResponse>(
    httpRouterHandler({ routes, notFoundResponse: routeNotFound }),
  );

// Errors are answered inside httpApi: the tracer, the logger and the
// metrics see a response, as for a success.
export const handler = middy(httpApi)
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .use(httpHeaderNormalizer());
