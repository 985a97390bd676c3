import { describe, expect, it } from 'vitest';
import {
  NotReadOnlyError,
  proxyRouteOf,
} from '#local/console/read-only-routes.ts';

describe('proxyRouteOf', () => {
  it.each([
    [
      'POST',
      '/aws/stepfunctions',
      'AWSStepFunctions.ListExecutions',
      'stepFunctions',
      '/',
    ],
    [
      'POST',
      '/aws/stepfunctions',
      'AWSStepFunctions.GetExecutionHistory',
      'stepFunctions',
      '/',
    ],
    [
      'POST',
      '/aws/personalize',
      'AmazonPersonalize.DescribeDatasetGroup',
      'personalize',
      '/',
    ],
    [
      'GET',
      '/api/dataset-groups/acme',
      undefined,
      'api',
      '/dataset-groups/acme',
    ],
  ])(
    'forwards %s %s (%s) to %s',
    (method, path, target, upstream, upstreamPath) => {
      // Act
      const route = proxyRouteOf(method, path, target);

      // Assess
      expect(route).toEqual({ upstream, path: upstreamPath });
    },
  );

  it.each([
    [
      'POST',
      '/aws/stepfunctions',
      'AWSStepFunctions.StartExecution',
      /StartExecution is not a List, Describe or Get operation/,
    ],
    [
      'POST',
      '/aws/stepfunctions',
      'AWSStepFunctions.StopExecution',
      /StopExecution/,
    ],
    [
      'POST',
      '/aws/personalize',
      'AmazonPersonalize.DeleteDatasetGroup',
      /DeleteDatasetGroup/,
    ],
    [
      'POST',
      '/aws/personalize',
      'AWSStepFunctions.ListExecutions',
      /X-Amz-Target AmazonPersonalize\.<Operation>/,
    ],
    [
      'GET',
      '/aws/stepfunctions',
      'AWSStepFunctions.ListExecutions',
      /forwards POST requests/,
    ],
    [
      'POST',
      '/api/dataset-groups',
      undefined,
      /POST \/api\/dataset-groups is not forwarded/,
    ],
    ['DELETE', '/api/dataset-groups/acme', undefined, /DELETE/],
  ])('refuses %s %s (%s)', (method, path, target, message) => {
    // Act
    const route = () => proxyRouteOf(method, path, target);

    // Assess
    expect(route).toThrow(NotReadOnlyError);
    expect(route).toThrow(message);
  });

  it('leaves every other path to the console itself', () => {
    // Act
    const route = proxyRouteOf('GET', '/events', undefined);

    // Assess
    expect(route).toBeUndefined();
    expect(proxyRouteOf('GET', '/apis', undefined)).toBeUndefined();
  });
});
