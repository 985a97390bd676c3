import fc from 'fast-check';
import { poolName, requestText } from './dataset-group-requests.ts';
import type { RawRequest } from './raw-http.ts';
import {
  authorization,
  deepText,
  definedHeaders,
  encoded,
  headerValue,
  hugeString,
  method,
  notAnObjectText,
  objectText,
  oddNumber,
  oddPath,
  oddString,
  valueText,
} from './wire-arbitraries.ts';

/** What the generators need to know of the stack under test. */
export interface StackNames {
  createStateMachineArn: string;
  deleteStateMachineArn: string;
  eventBusName: string;
  eventSource: string;
  region: string;
}

type Members = ReadonlyArray<readonly [string, string]>;

/**
 * Some of `fields` (each a name and its value text), plus up to
 * `odds.junk` unknown ones; each field is there `odds.present` times for
 * `odds.absent` times it is not.
 */
const someMembers = (
  fields: ReadonlyArray<readonly [string, fc.Arbitrary<string>]>,
  odds = { present: 4, absent: 1, junk: 2 },
): fc.Arbitrary<Members> =>
  fc
    .tuple(
      ...fields.map(([name, value]) =>
        fc.oneof(
          { weight: odds.absent, arbitrary: fc.constant(null) },
          {
            weight: odds.present,
            arbitrary: value.map((text) => [name, text] as const),
          },
        ),
      ),
      fc.array(fc.tuple(oddString, valueText), { maxLength: odds.junk }),
    )
    .map((parts) => {
      const junk = parts.at(-1) as Array<[string, string]>;
      const known = parts
        .slice(0, -1)
        .filter((part): part is readonly [string, string] => part !== null);
      return [...known, ...junk];
    });

/** A JSON text body from members, or sometimes no object at all. */
const bodyOf = (members: fc.Arbitrary<Members>): fc.Arbitrary<Uint8Array> =>
  encoded(
    fc.oneof(
      { weight: 9, arbitrary: objectText(members) },
      { weight: 1, arbitrary: notAnObjectText },
    ),
  );

const json = (arbitrary: fc.Arbitrary<unknown>) =>
  arbitrary.map((value) => JSON.stringify(value) ?? 'null');

/** A value text: usually `usual`, sometimes anything. */
const usually = (usual: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 5, arbitrary: usual },
    { weight: 1, arbitrary: valueText },
  );

/** An awsJson request: target, content type, auth, method and path. */
const awsJsonRequest = (options: {
  targets: readonly string[];
  contentType: string;
  body: fc.Arbitrary<Uint8Array>;
}): fc.Arbitrary<RawRequest> =>
  fc
    .record({
      target: fc.oneof(
        { weight: 10, arbitrary: fc.constantFrom(...options.targets) },
        {
          weight: 1,
          arbitrary: fc.oneof(
            fc.constant(undefined),
            headerValue,
            fc.constantFrom(
              'AWSStepFunctions.StartExecution',
              'AWSEvents.PutEvents',
              'AmazonPersonalize.CreateDatasetGroup',
              'AmazonPersonalize.',
              'AWSEvents.constructor',
              'AWSStepFunctions.__proto__',
            ),
          ),
        },
      ),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant(options.contentType) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            undefined,
            'application/x-amz-json-1.0',
            'application/x-amz-json-1.1',
            'application/json',
            'text/plain',
          ),
        },
        { weight: 1, arbitrary: headerValue },
      ),
      authorization,
      method: method('POST'),
      path: fc.oneof(
        { weight: 12, arbitrary: fc.constant('/') },
        { weight: 1, arbitrary: oddPath },
      ),
      body: options.body,
    })
    .map((request) => ({
      method: request.method,
      path: request.path,
      headers: definedHeaders({
        'x-amz-target': request.target,
        'content-type': request.contentType,
        authorization: request.authorization,
      }),
      body: request.body,
    }));

const executionName = fc.oneof(
  { weight: 3, arbitrary: poolName },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: oddString },
  { weight: 1, arbitrary: fc.constant('x'.repeat(81)) },
);

/** Step Functions: the five operations, their members broken. */
export const stepFunctionsRequest = (
  names: StackNames,
): fc.Arbitrary<RawRequest> => {
  const stateMachineArn = usually(
    json(
      fc.oneof(
        fc.constant(names.createStateMachineArn),
        fc.constant(names.createStateMachineArn),
        fc.constant(names.deleteStateMachineArn),
        fc.constant(`${names.createStateMachineArn}x`),
        fc.constant('arn:aws:states:us-east-1:000000000000:activity:x'),
      ),
    ),
  );
  const executionArn = usually(
    json(
      fc
        .tuple(
          fc.constantFrom(
            names.createStateMachineArn,
            names.deleteStateMachineArn,
          ),
          executionName,
        )
        .map(
          ([arn, name]) =>
            `${arn.replace(':stateMachine:', ':execution:')}:${name}`,
        ),
    ),
  );
  const input = fc.oneof(
    { weight: 6, arbitrary: requestText.map((text) => JSON.stringify(text)) },
    { weight: 1, arbitrary: deepText.map((text) => JSON.stringify(text)) },
    {
      weight: 1,
      arbitrary: hugeString.map((text) =>
        JSON.stringify(JSON.stringify({ name: 'fz-huge', text })),
      ),
    },
    { weight: 1, arbitrary: valueText },
  );
  return awsJsonRequest({
    targets: [
      'AWSStepFunctions.StartExecution',
      'AWSStepFunctions.StartExecution',
      'AWSStepFunctions.StartExecution',
      'AWSStepFunctions.DescribeExecution',
      'AWSStepFunctions.ListExecutions',
      'AWSStepFunctions.GetExecutionHistory',
      'AWSStepFunctions.StopExecution',
    ],
    contentType: 'application/x-amz-json-1.0',
    body: bodyOf(
      someMembers([
        ['stateMachineArn', stateMachineArn],
        ['name', usually(json(executionName))],
        ['input', input],
        ['executionArn', executionArn],
        [
          'statusFilter',
          usually(json(fc.constantFrom('RUNNING', 'FAILED', 'running'))),
        ],
        ['maxResults', usually(json(oddNumber))],
        ['nextToken', usually(json(oddString))],
        ['reverseOrder', usually(json(fc.boolean()))],
        ['includeExecutionData', usually(json(fc.boolean()))],
        ['error', usually(json(oddString))],
        ['cause', usually(json(oddString))],
      ]),
    ),
  });
};

/** EventBridge: PutEvents entries, requests to the stack among them. */
export const eventBridgeRequest = (
  names: StackNames,
): fc.Arbitrary<RawRequest> => {
  const entry = someMembers(
    [
      [
        'Source',
        usually(
          json(
            fc.constantFrom(
              names.eventSource,
              names.eventSource,
              names.eventSource,
              'other.source',
              '',
            ),
          ),
        ),
      ],
      [
        'DetailType',
        usually(
          json(
            fc.constantFrom(
              'Dataset Group Create Requested',
              'Dataset Group Create Requested',
              'Dataset Group Delete Requested',
              'Something Else',
            ),
          ),
        ),
      ],
      [
        'Detail',
        fc.oneof(
          {
            weight: 6,
            arbitrary: requestText.map((text) => JSON.stringify(text)),
          },
          {
            weight: 1,
            arbitrary: poolName.map((name) =>
              JSON.stringify(JSON.stringify({ name })),
            ),
          },
          {
            weight: 1,
            arbitrary: deepText.map((text) => JSON.stringify(text)),
          },
          { weight: 1, arbitrary: valueText },
        ),
      ],
      [
        'EventBusName',
        usually(
          json(
            fc.constantFrom(
              names.eventBusName,
              names.eventBusName,
              `arn:aws:events:${names.region}:000000000000:event-bus/${names.eventBusName}`,
              'default',
              'no-such-bus',
            ),
          ),
        ),
      ],
    ],
    { present: 11, absent: 1, junk: 0 },
  );
  // Time, Resources and TraceHeader are optional: mostly left out.
  const optional = someMembers(
    [
      ['Time', fc.oneof(json(oddNumber), valueText)],
      ['Resources', usually(json(fc.array(oddString, { maxLength: 3 })))],
      ['TraceHeader', usually(json(oddString))],
    ],
    { present: 1, absent: 2, junk: 1 },
  );
  const entries = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .array(
          objectText(
            fc
              .tuple(entry, optional)
              .map(([required, extra]) => [...required, ...extra]),
            'rarely',
          ),
          { minLength: 0, maxLength: 11 },
        )
        .map((items) => `[${items.join(',')}]`),
    },
    { weight: 1, arbitrary: valueText },
  );
  return awsJsonRequest({
    targets: ['AWSEvents.PutEvents'],
    contentType: 'application/x-amz-json-1.1',
    body: bodyOf(someMembers([['Entries', entries]])),
  });
};

/** Personalize: the seven operations, their members broken. */
export const personalizeRequest = (
  names: StackNames,
): fc.Arbitrary<RawRequest> => {
  const arn = usually(
    json(
      fc.oneof(
        poolName.map(
          (name) =>
            `arn:aws:personalize:${names.region}:000000000000:dataset-group/${name}`,
        ),
        oddString,
      ),
    ),
  );
  const tags = usually(
    json(
      fc.array(
        fc.record(
          {
            tagKey: fc.oneof(oddString, fc.constant('team')),
            tagValue: oddString,
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
    ),
  );
  return awsJsonRequest({
    targets: [
      'AmazonPersonalize.CreateDatasetGroup',
      'AmazonPersonalize.CreateDatasetGroup',
      'AmazonPersonalize.DescribeDatasetGroup',
      'AmazonPersonalize.ListDatasetGroups',
      'AmazonPersonalize.DeleteDatasetGroup',
      'AmazonPersonalize.TagResource',
      'AmazonPersonalize.UntagResource',
      'AmazonPersonalize.ListTagsForResource',
    ],
    contentType: 'application/x-amz-json-1.1',
    body: bodyOf(
      someMembers([
        ['name', usually(json(fc.oneof(poolName, oddString)))],
        [
          'domain',
          usually(
            json(fc.constantFrom('ECOMMERCE', 'VIDEO_ON_DEMAND', 'ecommerce')),
          ),
        ],
        ['roleArn', usually(json(oddString))],
        ['kmsKeyArn', usually(json(oddString))],
        ['tags', tags],
        ['datasetGroupArn', arn],
        ['resourceArn', arn],
        ['tagKeys', usually(json(fc.array(oddString, { maxLength: 3 })))],
        ['maxResults', usually(json(oddNumber))],
        ['nextToken', usually(json(oddString))],
      ]),
    ),
  });
};

const pathSegment = fc.oneof(
  { weight: 4, arbitrary: poolName },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%zz',
      '%00',
      '%E2%80%AE',
      'a%2Fb',
      '..',
      `${'n'.repeat(300)}`,
      '%F0%9F%98%80',
      'api-x',
    ),
  },
);

/** The HTTP API: its routes, other methods and paths, odd headers. */
export const httpApiRequest = (): fc.Arbitrary<RawRequest> => {
  const route = fc.oneof(
    { weight: 8, arbitrary: fc.constant(['POST', '/dataset-groups'] as const) },
    { weight: 1, arbitrary: fc.constant(['GET', '/dataset-groups'] as const) },
    {
      weight: 1,
      arbitrary: pathSegment.map(
        (name) => ['GET', `/dataset-groups/${name}`] as const,
      ),
    },
    {
      weight: 1,
      arbitrary: pathSegment.map(
        (name) => ['DELETE', `/dataset-groups/${name}`] as const,
      ),
    },
    {
      weight: 1,
      arbitrary: pathSegment.map(
        (name) => ['GET', `/executions/${name}`] as const,
      ),
    },
    { weight: 1, arbitrary: fc.tuple(method('PUT'), oddPath) },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom('PATCH', 'PUT', 'OPTIONS', 'HEAD'),
        fc.constant('/dataset-groups'),
      ),
    },
  );
  const body = encoded(
    fc.oneof(
      { weight: 6, arbitrary: requestText },
      { weight: 1, arbitrary: deepText },
      {
        weight: 1,
        arbitrary: hugeString.map((text) =>
          JSON.stringify({ name: 'fz-big', text }),
        ),
      },
      { weight: 1, arbitrary: notAnObjectText },
    ),
  );
  return fc
    .record({
      route,
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            undefined,
            'application/json; charset=utf-8',
            'APPLICATION/JSON',
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/octet-stream',
          ),
        },
        { weight: 1, arbitrary: headerValue },
      ),
      idempotencyKey: fc.option(fc.oneof(poolName, headerValue), { freq: 3 }),
      authorization,
      body,
    })
    .map((request) => ({
      method: request.route[0],
      path: request.route[1],
      headers: definedHeaders({
        'content-type': request.contentType,
        'idempotency-key': request.idempotencyKey ?? undefined,
        authorization: request.authorization,
      }),
      body: request.body,
    }));
};
