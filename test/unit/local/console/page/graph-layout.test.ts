import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { aslGraph } from '#local/console/page/asl-graph.js';
import {
  type ElkLike,
  elkInput,
  layoutStateGraph,
  maxLabelLength,
  shortLabel,
} from '#local/console/page/graph-layout.js';

const graphOf = (name: string) =>
  aslGraph(
    readFileSync(
      new URL(`../../../../../statemachines/${name}.asl.json`, import.meta.url),
      'utf8',
    ),
  );

/** elkjs as the page loads it: the package's bundle, run here in Node. */
const ELK = createRequire(import.meta.url)(
  'elkjs/lib/elk.bundled.js',
) as new () => ElkLike;
const elk = new ELK();

describe('layoutStateGraph', () => {
  it('places every state of create-dataset-group and routes every edge', async () => {
    // Prepare
    const graph = graphOf('create-dataset-group');

    // Act
    const drawing = await layoutStateGraph(elk, graph);

    // Assess
    expect(drawing.nodes).toHaveLength(graph.nodes.length);
    expect(drawing.edges).toHaveLength(graph.edges.length);
    for (const placed of drawing.edges) {
      expect(placed.points.length).toBeGreaterThanOrEqual(2);
    }
    for (const placed of drawing.nodes) {
      expect(placed.x + placed.width).toBeLessThanOrEqual(drawing.width);
      expect(placed.y + placed.height).toBeLessThanOrEqual(drawing.height);
    }
  });

  it('draws the states of a Map inside its box, and their edges there', async () => {
    // Prepare
    const graph = graphOf('create-datasets');

    // Act
    const drawing = await layoutStateGraph(elk, graph);

    // Assess
    const map = drawing.nodes.find(
      (placed) => placed.node.id === 'CreateDatasets',
    );
    expect(map?.container).toBe(true);
    const inside = drawing.nodes.filter(
      (placed) => placed.node.parent === 'CreateDatasets',
    );
    const asl = JSON.parse(
      readFileSync(
        new URL(
          '../../../../../statemachines/create-datasets.asl.json',
          import.meta.url,
        ),
        'utf8',
      ),
    );
    expect(inside.map((placed) => placed.node.id).sort()).toEqual(
      Object.keys(asl.States.CreateDatasets.ItemProcessor.States).sort(),
    );
    for (const placed of inside) {
      expect(placed.x).toBeGreaterThanOrEqual(map?.x ?? Number.NaN);
      expect(placed.y).toBeGreaterThanOrEqual(map?.y ?? Number.NaN);
      expect(placed.x + placed.width).toBeLessThanOrEqual(
        (map?.x ?? 0) + (map?.width ?? 0),
      );
      expect(placed.y + placed.height).toBeLessThanOrEqual(
        (map?.y ?? 0) + (map?.height ?? 0),
      );
    }
    const waitEdge = drawing.edges.find(
      (placed) =>
        placed.edge.from === 'WaitForDataset' &&
        placed.edge.to === 'DescribeDataset',
    );
    const describe = inside.find(
      (placed) => placed.node.id === 'DescribeDataset',
    );
    const end = waitEdge?.points.at(-1);
    // The edge ends on the DescribeDataset box (ELK's coordinates made absolute).
    expect(end?.x).toBeGreaterThanOrEqual((describe?.x ?? 0) - 1);
    expect(end?.x).toBeLessThanOrEqual(
      (describe?.x ?? 0) + (describe?.width ?? 0) + 1,
    );
    expect(
      Math.min(
        Math.abs((end?.y ?? 0) - (describe?.y ?? 0)),
        Math.abs((end?.y ?? 0) - (describe?.y ?? 0) - (describe?.height ?? 0)),
      ),
    ).toBeLessThanOrEqual(1);
  });
});

describe('elkInput', () => {
  it('nests the Map states and keeps their edges in the Map', () => {
    // Act
    const input = elkInput(graphOf('create-datasets'));

    // Assess
    const map = input.children?.find((child) => child.id === 'CreateDatasets');
    expect(map?.children?.map((child) => child.id)).toContain('CreateDataset');
    expect(map?.edges?.map((edge) => edge.sources[0])).toContain(
      'WaitForDataset',
    );
    expect(input.edges?.map((edge) => edge.sources[0])).not.toContain(
      'WaitForDataset',
    );
  });
});

describe('shortLabel', () => {
  it('cuts a long label to its first characters and an ellipsis', () => {
    // Prepare
    const long = 'x'.repeat(maxLabelLength + 5);

    // Act
    const short = shortLabel(long);

    // Assess
    expect(short).toHaveLength(maxLabelLength);
    expect(short.endsWith('…')).toBe(true);
    expect(shortLabel('Default')).toBe('Default');
  });
});
