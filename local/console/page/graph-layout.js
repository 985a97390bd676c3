/**
 * Lays a state graph out with ELK's layered algorithm, top to bottom, the
 * states of a Map inside its box, and returns every box and edge route in
 * the coordinates of the whole drawing. The ELK instance is passed in (the
 * page's is elkjs's browser bundle, the tests' the same package in Node).
 */

/**
 * @typedef {import('./asl-graph.js').StateGraph} StateGraph
 * @typedef {import('./asl-graph.js').GraphNode} GraphNode
 * @typedef {import('./asl-graph.js').GraphEdge} GraphEdge
 * @typedef {{ x: number, y: number }} Point
 * @typedef {{ node: GraphNode, x: number, y: number, width: number, height: number, container: boolean }} PlacedNode
 * @typedef {{ edge: GraphEdge, points: Point[], label: (Point & { width: number, height: number }) | undefined }} PlacedEdge
 * @typedef {{ width: number, height: number, nodes: PlacedNode[], edges: PlacedEdge[] }} Drawing
 * @typedef {{
 *   id: string,
 *   width?: number,
 *   height?: number,
 *   x?: number,
 *   y?: number,
 *   layoutOptions?: Record<string, string>,
 *   children?: ElkInputNode[],
 *   edges?: ElkInputEdge[],
 *   labels?: Array<{ text: string, width: number, height: number, x?: number, y?: number }>,
 * }} ElkInputNode
 * @typedef {{
 *   id: string,
 *   sources: string[],
 *   targets: string[],
 *   labels?: Array<{ text: string, width: number, height: number, x?: number, y?: number }>,
 *   sections?: Array<{ startPoint: Point, endPoint: Point, bendPoints?: Point[] }>,
 *   container?: string,
 * }} ElkInputEdge
 * @typedef {{ layout: (graph: ElkInputNode) => Promise<ElkInputNode> }} ElkLike
 */

/** Characters of an edge label drawn; the rest is in its tooltip. */
export const maxLabelLength = 32;
const characterWidth = 7;
const nodeHeight = 44;
const markerSize = 18;

/** @param {string} label */
export const shortLabel = (label) =>
  label.length > maxLabelLength
    ? `${label.slice(0, maxLabelLength - 1)}…`
    : label;

/** @param {GraphNode} node */
const sizeOf = (node) =>
  node.type === 'Start' || node.type === 'End'
    ? { width: markerSize * 3, height: markerSize + 6 }
    : {
        width: Math.max(120, node.name.length * characterWidth + 32),
        height: nodeHeight,
      };

const rootOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeLabel': '4',
  'elk.edgeLabels.inline': 'false',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/**
 * The ELK input for a state graph: nested states are children of their
 * Map (or Parallel) state, each edge sits in its states' scope.
 * @param {StateGraph} graph
 * @returns {ElkInputNode}
 */
export const elkInput = (graph) => {
  /** @type {Map<string | undefined, ElkInputNode>} */
  const containers = new Map();
  /** @type {ElkInputNode} */
  const root = {
    id: '(root)',
    layoutOptions: rootOptions,
    children: [],
    edges: [],
  };
  containers.set(undefined, root);
  const parents = new Set(graph.nodes.map((node) => node.parent));
  for (const node of graph.nodes) {
    const parent = containers.get(node.parent);
    if (parent === undefined) continue;
    /** @type {ElkInputNode} */
    const elkNode = parents.has(node.id)
      ? {
          id: node.id,
          layoutOptions: {
            'elk.padding': '[top=34,left=16,bottom=16,right=16]',
          },
          children: [],
          edges: [],
        }
      : { id: node.id, ...sizeOf(node) };
    parent.children?.push(elkNode);
    if (parents.has(node.id)) containers.set(node.id, elkNode);
  }
  const parentOf = new Map(graph.nodes.map((node) => [node.id, node.parent]));
  for (const edge of graph.edges) {
    const container = containers.get(parentOf.get(edge.from)) ?? root;
    const label = shortLabel(edge.label);
    container.edges?.push({
      id: edge.id,
      sources: [edge.from],
      targets: [edge.to],
      ...(label !== '' && {
        labels: [{ text: label, width: label.length * 6 + 8, height: 14 }],
      }),
    });
  }
  return root;
};

/**
 * @param {ElkLike} elk
 * @param {StateGraph} graph
 * @returns {Promise<Drawing>}
 */
export const layoutStateGraph = async (elk, graph) => {
  const laidOut = await elk.layout(elkInput(graph));
  const nodeById = new Map(graph.nodes.map((node) => [node.id, node]));
  const edgeById = new Map(graph.edges.map((edge) => [edge.id, edge]));
  /** @type {PlacedNode[]} */
  const nodes = [];
  /** @type {PlacedEdge[]} */
  const edges = [];
  /** Absolute offsets of every ELK node, by id. */
  /** @type {Map<string, Point>} */
  const offsets = new Map([['(root)', { x: 0, y: 0 }]]);

  /** @param {ElkInputNode} elkNode @param {Point} origin */
  const visit = (elkNode, origin) => {
    for (const child of elkNode.children ?? []) {
      const x = origin.x + (child.x ?? 0);
      const y = origin.y + (child.y ?? 0);
      offsets.set(child.id, { x, y });
      const node = nodeById.get(child.id);
      if (node !== undefined) {
        nodes.push({
          node,
          x,
          y,
          width: child.width ?? 0,
          height: child.height ?? 0,
          container: (child.children?.length ?? 0) > 0,
        });
      }
      visit(child, { x, y });
    }
  };
  visit(laidOut, { x: 0, y: 0 });

  /** @param {ElkInputNode} elkNode */
  const collectEdges = (elkNode) => {
    for (const elkEdge of elkNode.edges ?? []) {
      const edge = edgeById.get(elkEdge.id);
      if (edge === undefined) continue;
      // ELK gives routes relative to the edge's container.
      const origin = offsets.get(elkEdge.container ?? elkNode.id) ?? {
        x: 0,
        y: 0,
      };
      /** @param {Point} point */
      const shift = (point) => ({
        x: point.x + origin.x,
        y: point.y + origin.y,
      });
      const points = (elkEdge.sections ?? []).flatMap((section) => [
        shift(section.startPoint),
        ...(section.bendPoints ?? []).map(shift),
        shift(section.endPoint),
      ]);
      const elkLabel = elkEdge.labels?.[0];
      edges.push({
        edge,
        points,
        label:
          elkLabel === undefined
            ? undefined
            : {
                ...shift({ x: elkLabel.x ?? 0, y: elkLabel.y ?? 0 }),
                width: elkLabel.width,
                height: elkLabel.height,
              },
      });
    }
    for (const child of elkNode.children ?? []) collectEdges(child);
  };
  collectEdges(laidOut);
  return {
    width: laidOut.width ?? 0,
    height: laidOut.height ?? 0,
    nodes,
    edges,
  };
};
