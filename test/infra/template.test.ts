import { beforeAll, describe, expect, it } from 'vitest';
import { detailTypes } from '#commons/events/detail-types.ts';
import { datasetsTriggerPattern } from '#local/eventbridge/stack-rules.ts';
import { httpApiRoutes } from '#local/http-api/routes.ts';
import { packageTemplate, testStage } from './package-template.ts';
import {
  leastPrivilegeViolations,
  render,
  type Template,
} from './policy-rules.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

/**
 * The deployable stack, packaged for real and offline (serverless package
 * with no credentials), checked on its CloudFormation template.
 */
describe('packaged CloudFormation template', () => {
  let template: Template & { Outputs: Record<string, unknown> };
  const service = 'personalize-dataset-groups';
  const stateMachineNames = new RegExp(
    `^arn:\\$\\{AWS::Partition\\}:states:\\$\\{AWS::Region\\}:\\$\\{AWS::AccountId\\}:stateMachine:${service}-${testStage}-((create|delete)-dataset-group|create-datasets)$`,
  );
  const eventBusArn = new RegExp(
    `^arn:\\$\\{AWS::Partition\\}:events:\\$\\{AWS::Region\\}:\\$\\{AWS::AccountId\\}:event-bus/${service}-${testStage}$`,
  );

  beforeAll(() => {
    template = packageTemplate();
  }, 180_000);

  const resourcesOf = (type: string): Array<[string, Resource]> =>
    Object.entries(template.Resources).filter(
      ([, resource]) => resource.Type === type,
    ) as Array<[string, Resource]>;

  it('runs every function on nodejs24.x, arm64, traced, with its own role', () => {
    // Act
    const functions = resourcesOf('AWS::Lambda::Function');

    // Assess
    expect(functions).toHaveLength(14);
    for (const [, fn] of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(render(fn.Properties.Role)).toMatch(/^GETATT:\w+Role$/);
    }
    expect(template.Resources.IamRoleLambdaExecution).toBeUndefined();
  });

  it('keeps every log group for a bounded time', () => {
    const groups = resourcesOf('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThanOrEqual(8);
    for (const [, group] of groups) {
      expect(group.Properties.RetentionInDays).toBe(30);
    }
  });

  it('defines the three state machines with logging and X-Ray tracing on', () => {
    // Act
    const machines = resourcesOf('AWS::StepFunctions::StateMachine');

    // Assess
    expect(
      machines.map(([, machine]) => machine.Properties.StateMachineName),
    ).toEqual([
      `${service}-${testStage}-create-dataset-group`,
      `${service}-${testStage}-delete-dataset-group`,
      `${service}-${testStage}-create-datasets`,
    ]);
    for (const [, machine] of machines) {
      expect(machine.Properties.StateMachineType).toBe('STANDARD');
      expect(machine.Properties.TracingConfiguration).toEqual({
        Enabled: true,
      });
      expect(machine.Properties.LoggingConfiguration).toMatchObject({
        Level: 'ERROR',
        Destinations: [expect.anything()],
      });
      const definition = render(machine.Properties.DefinitionString);
      expect(definition).not.toMatch(
        /\$\{(EventBusName|EventSource|\w+FunctionArn)\}/,
      );
      expect(definition).toContain(`"EventBusName": "${service}-${testStage}"`);
    }
  });

  it('matches the documented detail-types and source, with a DLQ and a retry policy', () => {
    // Act
    const rules = resourcesOf('AWS::Events::Rule');

    // Assess
    expect(rules.map(([, rule]) => rule.Properties.EventPattern)).toEqual([
      {
        source: ['personalize.dataset-groups'],
        'detail-type': [detailTypes.createRequested],
      },
      {
        source: ['personalize.dataset-groups'],
        'detail-type': [detailTypes.deleteRequested],
      },
      datasetsTriggerPattern(['personalize.dataset-groups']),
    ]);
    for (const [, rule] of rules) {
      const [target] = rule.Properties.Targets as Array<
        Record<string, unknown>
      >;
      expect(target?.DeadLetterConfig).toEqual({
        Arn: { 'Fn::GetAtt': ['RequestsDeadLetterQueue', 'Arn'] },
      });
      expect(target?.RetryPolicy).toMatchObject({ MaximumRetryAttempts: 8 });
    }
  });

  it('authorizes every HTTP API route with IAM, and serves the local routes', () => {
    // Act
    const routes = resourcesOf('AWS::ApiGatewayV2::Route');

    // Assess
    expect(routes.map(([, route]) => route.Properties.RouteKey).sort()).toEqual(
      [...httpApiRoutes].sort(),
    );
    for (const [, route] of routes) {
      expect(route.Properties.AuthorizationType).toBe('AWS_IAM');
    }
    expect(template.Outputs.HttpApiUrl).toBeDefined();
  });

  it('alarms on failed and timed-out executions and on the dead-letter queue', () => {
    const metrics = resourcesOf('AWS::CloudWatch::Alarm').map(
      ([, alarm]) => alarm.Properties.MetricName,
    );
    expect(metrics).toEqual(
      expect.arrayContaining([
        'ExecutionsFailed',
        'ExecutionsTimedOut',
        'ApproximateNumberOfMessagesVisible',
      ]),
    );
  });

  it.each([
    ['create', 'ExecutionsFailed'],
    ['create', 'ExecutionsTimedOut'],
    ['delete', 'ExecutionsFailed'],
    ['delete', 'ExecutionsTimedOut'],
  ])(
    'alarms on %s-dataset-group executions counted by %s',
    (workflow, metric) => {
      // Prepare
      const stateMachineArn = `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:${service}-${testStage}-${workflow}-dataset-group`;

      // Act
      const alarms = resourcesOf('AWS::CloudWatch::Alarm').filter(
        ([, alarm]) =>
          alarm.Properties.Namespace === 'AWS/States' &&
          alarm.Properties.MetricName === metric &&
          (
            alarm.Properties.Dimensions as Array<{
              Name: string;
              Value: unknown;
            }>
          ).some(
            (dimension) =>
              dimension.Name === 'StateMachineArn' &&
              render(dimension.Value) === stateMachineArn,
          ),
      );

      // Assess
      expect(alarms).toHaveLength(1);
      expect(alarms[0]?.[1].Properties).toMatchObject({
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: {
          'Fn::If': [
            'HasAlarmTopic',
            expect.any(Array),
            { Ref: 'AWS::NoValue' },
          ],
        },
      });
    },
  );

  it.each([
    [
      'PrepareDatasetsRole',
      [
        'personalize:DescribeDatasetGroup',
        'personalize:DescribeSchema',
        'personalize:ListDatasetGroups',
      ],
    ],
    [
      'CreateDatasetRole',
      [
        'personalize:CreateDataset',
        'personalize:CreateSchema',
        'personalize:DescribeDataset',
        'personalize:DescribeSchema',
        'personalize:TagResource',
      ],
    ],
    [
      'DescribeDatasetRole',
      ['personalize:DescribeDataset', 'personalize:DescribeDatasetImportJob'],
    ],
    [
      'CreateDatasetImportJobRole',
      [
        'iam:PassRole',
        'personalize:CreateDatasetImportJob',
        'personalize:DescribeDatasetImportJob',
      ],
    ],
    [
      'OnDatasetGroupCreatedRole',
      ['states:DescribeExecution', 'states:StartExecution'],
    ],
    [
      'DeleteDatasetGroupRole',
      [
        'personalize:DeleteDatasetGroup',
        'personalize:DescribeDatasetGroup',
        'personalize:ListCampaigns',
        'personalize:ListDatasetGroups',
        'personalize:ListDatasets',
        'personalize:ListEventTrackers',
        'personalize:ListFilters',
        'personalize:ListMetricAttributions',
        'personalize:ListRecommenders',
        'personalize:ListSolutionVersions',
        'personalize:ListSolutions',
      ],
    ],
    [
      'TeardownDatasetGroupChildrenRole',
      [
        'personalize:DeleteCampaign',
        'personalize:DeleteDataset',
        'personalize:DeleteEventTracker',
        'personalize:DeleteFilter',
        'personalize:DeleteMetricAttribution',
        'personalize:DeleteRecommender',
        'personalize:DeleteSchema',
        'personalize:DeleteSolution',
        'personalize:DescribeDataset',
        'personalize:ListCampaigns',
        'personalize:ListDatasets',
        'personalize:ListEventTrackers',
        'personalize:ListFilters',
        'personalize:ListMetricAttributions',
        'personalize:ListRecommenders',
        'personalize:ListSolutionVersions',
        'personalize:ListSolutions',
        'personalize:StopSolutionVersionCreation',
      ],
    ],
  ])('gives %s only the calls of its code', (roleName, expected) => {
    // Act
    const role = template.Resources[roleName] as unknown as {
      Properties: {
        Policies: Array<{
          PolicyDocument: {
            Statement: Array<{ Action: string | string[] }>;
          };
        }>;
      };
    };
    const actions = new Set(
      role.Properties.Policies.flatMap((policy) =>
        policy.PolicyDocument.Statement.flatMap((statement) =>
          [statement.Action].flat(),
        ),
      ).filter((action) => !/^(logs|xray):/.test(action)),
    );

    // Assess
    expect([...actions].sort()).toEqual(expected);
  });

  it('starts only the create-datasets workflow from Dataset Group Created', () => {
    const role = JSON.stringify(template.Resources.OnDatasetGroupCreatedRole);
    expect(role).toContain(`${service}-${testStage}-create-datasets`);
    expect(role).not.toMatch(/-(create|delete)-dataset-group/);
  });

  it('grants least privilege in every policy statement', () => {
    // Act
    const violations = leastPrivilegeViolations(template, {
      stateMachines: stateMachineNames,
      eventBusArn,
    });

    // Assess
    expect(violations).toEqual([]);
  });

  it('reports a wildcard statement or a PassRole without its condition (mutations of the real template)', () => {
    // Prepare
    const withWildcard = structuredClone(template);
    const role = withWildcard.Resources.DescribeDatasetGroupRole as unknown as {
      Properties: {
        Policies: Array<{ PolicyDocument: { Statement: unknown[] } }>;
      };
    };
    role.Properties.Policies[0]?.PolicyDocument.Statement.push({
      Effect: 'Allow',
      Action: 'personalize:*',
      Resource: '*',
    });
    const withoutCondition = structuredClone(template);
    const createRole = withoutCondition.Resources
      .CreateDatasetGroupRole as unknown as {
      Properties: {
        Policies: Array<{
          PolicyDocument: { Statement: Array<Record<string, unknown>> };
        }>;
      };
    };
    for (const statement of createRole.Properties.Policies[0]?.PolicyDocument
      .Statement ?? []) {
      if (statement.Action === 'iam:PassRole') delete statement.Condition;
    }

    // Act
    const rules = { stateMachines: stateMachineNames, eventBusArn };
    const wildcard = leastPrivilegeViolations(withWildcard, rules);
    const passRole = leastPrivilegeViolations(withoutCondition, rules);

    // Assess
    expect(wildcard).toEqual([
      'DescribeDatasetGroupRole: personalize:*: wildcard action personalize:*',
      'DescribeDatasetGroupRole: personalize:*: Resource "*" on an action that has resource-level permissions',
      "DescribeDatasetGroupRole: personalize:*: * is not a dataset group of the stack's account and region",
    ]);
    expect(passRole).toEqual([
      'CreateDatasetGroupRole: iam:PassRole: iam:PassRole without iam:PassedToService = personalize.amazonaws.com',
    ]);
  });
});
