import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  aslGraph,
  describeChoiceRule,
  endNodeId,
  InvalidDefinitionError,
  startNodeId,
} from '#local/console/page/asl-graph.js';

const definitionOf = (name: string): string =>
  readFileSync(
    new URL(`../../../../../statemachines/${name}.asl.json`, import.meta.url),
    'utf8',
  );

const edgesFrom = (graph: ReturnType<typeof aslGraph>, from: string) =>
  graph.edges
    .filter((edge) => edge.from === from)
    .map(({ to, kind, label }) => ({ to, kind, label }));

describe('aslGraph', () => {
  it('has one node per state of create-dataset-group, between Start and End', () => {
    // Prepare
    const asl = JSON.parse(definitionOf('create-dataset-group'));

    // Act
    const graph = aslGraph(definitionOf('create-dataset-group'));

    // Assess
    expect(graph.nodes.map((node) => node.id)).toEqual([
      startNodeId,
      ...Object.keys(asl.States),
      endNodeId,
    ]);
    expect(edgesFrom(graph, startNodeId)).toEqual([
      { to: 'ShapeState', kind: 'next', label: '' },
    ]);
    expect(graph.edges.filter((edge) => edge.to === endNodeId)).toEqual([
      expect.objectContaining({ from: 'PublishDatasetGroupCreated' }),
      expect.objectContaining({ from: 'FailCreation' }),
    ]);
  });

  it('draws Next, Retry and Catch edges of a task', () => {
    // Act
    const graph = aslGraph(definitionOf('create-dataset-group'));

    // Assess
    expect(edgesFrom(graph, 'CreateDatasetGroup')).toEqual([
      { to: 'PublishCreationStarted', kind: 'next', label: '' },
      { to: 'CreateDatasetGroup', kind: 'retry', label: 'Retry (3)' },
      {
        to: 'HasRequestCorrelationId',
        kind: 'catch',
        label: 'Catch States.ALL',
      },
    ]);
    const retry = graph.edges.find(
      (edge) => edge.from === 'CreateDatasetGroup' && edge.kind === 'retry',
    );
    expect(retry?.detail.split('\n')[0]).toBe(
      'PersonalizeThrottledError: up to 12 more attempt(s), 1 s × 2',
    );
  });

  it('draws each Choice rule and the Default', () => {
    // Act
    const graph = aslGraph(definitionOf('delete-dataset-group'));

    // Assess
    expect(edgesFrom(graph, 'IsDatasetGroupGone')).toEqual([
      {
        to: 'TearDownChildren',
        kind: 'choice',
        label: '$.progress.outcome == "CHILDREN"',
      },
      {
        to: 'PublishDatasetGroupDeleted',
        kind: 'choice',
        label: '$.progress.outcome == "DELETED"',
      },
      {
        to: 'UseProgressError',
        kind: 'choice',
        label: '$.progress.outcome == "FAILED"',
      },
      { to: 'WaitForDeletion', kind: 'default', label: 'Default' },
    ]);
    expect(edgesFrom(graph, 'AreChildrenGone').map((edge) => edge.to)).toEqual([
      'DeleteEmptyDatasetGroup',
      'UseTeardownError',
      'WaitForChildren',
    ]);
  });

  it('puts the states of a Map inside it, and no End edge from them', () => {
    // Prepare
    const asl = JSON.parse(definitionOf('create-datasets'));
    const nested = Object.keys(asl.States.CreateDatasets.ItemProcessor.States);

    // Act
    const graph = aslGraph(asl);

    // Assess
    const children = graph.nodes.filter(
      (node) => node.parent === 'CreateDatasets',
    );
    expect(children.map((node) => node.id)).toEqual(nested);
    expect(
      graph.edges.filter(
        (edge) => nested.includes(edge.from) && edge.to === endNodeId,
      ),
    ).toEqual([]);
    expect(edgesFrom(graph, 'WaitForDataset')).toEqual([
      { to: 'DescribeDataset', kind: 'next', label: '' },
    ]);
  });

  it.each([
    ['not JSON', '{', 'The definition is not valid JSON'],
    ['no States', '{"StartAt":"A"}', 'The definition has no States'],
    [
      'no StartAt',
      '{"States":{"A":{"Type":"Succeed"}}}',
      'The definition has no StartAt',
    ],
    [
      'a Next to nowhere',
      '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}',
      'A goes to B, a state that does not exist',
    ],
  ])('rejects a definition with %s', (_, definition, message) => {
    // Act
    const build = () => aslGraph(definition);

    // Assess
    expect(build).toThrow(InvalidDefinitionError);
    expect(build).toThrow(message);
  });
});

describe('describeChoiceRule', () => {
  it.each([
    [{ Variable: '$.a', StringEquals: 'X' }, '$.a == "X"'],
    [{ Variable: '$.n', NumericGreaterThanPath: '$.m' }, '$.n > $.m'],
    [{ Variable: '$.b', IsPresent: true }, '$.b is present: true'],
    [
      {
        And: [
          { Variable: '$.a', IsString: true },
          { Not: { Variable: '$.a', StringMatches: 'x*' } },
        ],
      },
      '$.a is string: true and not ($.a matches "x*")',
    ],
    [
      {
        Or: [
          { Variable: '$.a', BooleanEquals: true },
          { Variable: '$.c', NumericLessThan: 3 },
        ],
      },
      '($.a == true) or ($.c < 3)',
    ],
    [{ Condition: '{% $states.input.ok %}' }, '{% $states.input.ok %}'],
  ])('writes %j as %s', (rule, text) => {
    // Act
    const described = describeChoiceRule(rule);

    // Assess
    expect(described).toBe(text);
  });
});
