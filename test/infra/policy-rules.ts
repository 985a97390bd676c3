/**
 * Least-privilege rules, checked over every IAM policy statement of a
 * CloudFormation template. Intrinsic functions are rendered to strings
 * (`${AWS::Region}` stays as written, GetAtt X.Arn becomes `GETATT:X`), so
 * the rules read resources the way a reviewer would.
 */
export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export interface Template {
  Resources: Record<
    string,
    { Type: string; Properties?: Record<string, unknown> }
  >;
}

/** Actions that AWS only grants on Resource "*"; none of them mutates. */
export const wildcardResourceActions = new Set([
  'personalize:ListDatasetGroups',
  'personalize:ListDatasets',
  'personalize:ListSolutions',
  'personalize:ListSolutionVersions',
  'personalize:ListCampaigns',
  'personalize:ListRecommenders',
  'personalize:ListEventTrackers',
  'personalize:ListFilters',
  'personalize:ListMetricAttributions',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
]);

export const render = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  const node = value as Record<string, unknown>;
  if ('Fn::Sub' in node) {
    const sub = node['Fn::Sub'];
    return Array.isArray(sub) ? render(sub[0]) : render(sub);
  }
  if ('Fn::GetAtt' in node) {
    const [resource] = node['Fn::GetAtt'] as [string, string];
    return `GETATT:${resource}`;
  }
  if ('Ref' in node) return `REF:${String(node.Ref)}`;
  if ('Fn::Join' in node) {
    const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
    return parts.map(render).join(separator);
  }
  return JSON.stringify(value);
};

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : [value];

/** Every statement of every role, policy and managed policy, with its owner. */
export const statementsOf = (
  template: Template,
): Array<{ owner: string; statement: Statement }> =>
  Object.entries(template.Resources).flatMap(([name, resource]) => {
    const properties = resource.Properties ?? {};
    const documents: unknown[] =
      resource.Type === 'AWS::IAM::Role'
        ? asList(properties.Policies ?? []).map(
            (policy) => (policy as { PolicyDocument: unknown }).PolicyDocument,
          )
        : resource.Type === 'AWS::IAM::Policy' ||
            resource.Type === 'AWS::IAM::ManagedPolicy'
          ? [properties.PolicyDocument]
          : [];
    return documents.flatMap((document) =>
      asList((document as { Statement: unknown }).Statement).map(
        (statement) => ({ owner: name, statement: statement as Statement }),
      ),
    );
  });

/** `<kind>/*` of the stack's account and region. */
const personalizeArnOfKind = (kind: string) =>
  new RegExp(
    `^arn:\\$\\{AWS::Partition\\}:personalize:\\$\\{AWS::Region\\}:\\$\\{AWS::AccountId\\}:${kind}\\/\\*$`,
  );

/**
 * The resource kinds each Personalize action may be granted on (its
 * resource types in the Service Authorization Reference); an action not
 * listed, on dataset groups only.
 */
const resourceKindsOfAction: Readonly<Record<string, readonly string[]>> = {
  'personalize:CreateSchema': ['schema'],
  'personalize:DescribeSchema': ['schema'],
  'personalize:CreateDataset': ['dataset', 'dataset-group'],
  'personalize:DescribeDataset': ['dataset'],
  'personalize:TagResource': ['dataset-group', 'dataset'],
  'personalize:ListTagsForResource': ['dataset-group', 'dataset'],
  'personalize:CreateDatasetImportJob': ['dataset-import-job', 'dataset'],
  'personalize:DescribeDatasetImportJob': ['dataset-import-job'],
  'personalize:DeleteDataset': ['dataset'],
  'personalize:DeleteSchema': ['schema'],
  'personalize:DeleteCampaign': ['campaign'],
  'personalize:DeleteRecommender': ['recommender'],
  'personalize:DeleteEventTracker': ['event-tracker'],
  'personalize:DeleteFilter': ['filter'],
  'personalize:DeleteMetricAttribution': ['metric-attribution'],
  'personalize:DeleteSolution': ['solution'],
  'personalize:StopSolutionVersionCreation': ['solution'],
};
const kindsOf = (action: string) =>
  resourceKindsOfAction[action] ?? ['dataset-group'];

/** What breaks the least-privilege rules; empty when nothing does. */
export const leastPrivilegeViolations = (
  template: Template,
  names: { stateMachines: RegExp; eventBusArn: RegExp },
): string[] =>
  statementsOf(template).flatMap(({ owner, statement }) => {
    if (statement.Effect !== 'Allow') return [];
    const actions = asList(statement.Action).map(String);
    const resources = asList(statement.Resource).map(render);
    const where = `${owner}: ${actions.join(', ')}`;
    const problems: string[] = [];
    for (const action of actions) {
      if (action === '*' || action.endsWith(':*')) {
        problems.push(`${where}: wildcard action ${action}`);
      }
    }
    if (
      resources.includes('*') &&
      actions.some((action) => !wildcardResourceActions.has(action))
    ) {
      problems.push(
        `${where}: Resource "*" on an action that has resource-level permissions`,
      );
    }
    if (actions.includes('iam:PassRole')) {
      const passedTo =
        statement.Condition?.StringEquals?.['iam:PassedToService'];
      if (passedTo !== 'personalize.amazonaws.com') {
        problems.push(
          `${where}: iam:PassRole without iam:PassedToService = personalize.amazonaws.com`,
        );
      }
    }
    const scoped = (pattern: RegExp, what: string) => {
      for (const resource of resources) {
        if (!pattern.test(resource)) {
          problems.push(`${where}: ${resource} is not ${what}`);
        }
      }
    };
    const personalizeActions = actions.filter(
      (action) =>
        action.startsWith('personalize:') &&
        !wildcardResourceActions.has(action),
    );
    if (personalizeActions.length > 0) {
      // Every resource must be a kind that every action of the statement
      // takes: a statement never grants an action on a kind it has no use for.
      const kinds = kindsOf(personalizeActions[0] ?? '').filter((kind) =>
        personalizeActions.every((action) => kindsOf(action).includes(kind)),
      );
      for (const resource of resources) {
        if (!kinds.some((kind) => personalizeArnOfKind(kind).test(resource))) {
          problems.push(
            `${where}: ${resource} is not ${kinds
              .map((kind) => `a ${kind.replaceAll('-', ' ')}`)
              .join(' or ')} of the stack's account and region`,
          );
        }
      }
    }
    if (actions.includes('states:StartExecution')) {
      scoped(names.stateMachines, "one of this stack's state machines");
    }
    if (actions.includes('events:PutEvents')) {
      scoped(names.eventBusArn, "the stack's event bus");
    }
    return problems;
  });
