/**
 * Draws a laid-out state graph as SVG, and marks an execution on it: each
 * state's status and numbers, the transitions taken.
 */
import { endNodeId, startNodeId } from './asl-graph.js';
import { formatDuration } from './format.js';

/**
 * @typedef {import('./graph-layout.js').Drawing} Drawing
 * @typedef {import('./execution-path.js').ExecutionPath} ExecutionPath
 */

const svgNs = 'http://www.w3.org/2000/svg';

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {Element} [parent]
 */
const svg = (tag, attributes, parent) => {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  parent?.append(element);
  return element;
};

/** @param {Element} parent @param {string} text */
const title = (parent, text) => {
  svg('title', {}, parent).textContent = text;
};

/**
 * Replaces the content of `host` with the drawing; `onSelect` gets the
 * name of a state clicked.
 * @param {Element} host
 * @param {Drawing} drawing
 * @param {(state: string) => void} onSelect
 */
export const drawGraph = (host, drawing, onSelect) => {
  const margin = 12;
  const root = svg('svg', {
    class: 'graph',
    width: drawing.width + 2 * margin,
    height: drawing.height + 2 * margin,
    viewBox: `${-margin} ${-margin} ${drawing.width + 2 * margin} ${drawing.height + 2 * margin}`,
    role: 'img',
    'aria-label': 'State machine graph',
  });
  const defs = svg('defs', {}, root);
  for (const kind of ['next', 'choice', 'default', 'catch', 'retry', 'taken']) {
    const marker = svg(
      'marker',
      {
        id: `arrow-${kind}`,
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        orient: 'auto-start-reverse',
      },
      defs,
    );
    svg(
      'path',
      { d: 'M 0 0 L 10 5 L 0 10 z', class: `arrow arrow--${kind}` },
      marker,
    );
  }
  const containers = svg('g', { class: 'containers' }, root);
  const edgeLayer = svg('g', { class: 'edges' }, root);
  const nodeLayer = svg('g', { class: 'nodes' }, root);
  for (const placed of drawing.nodes.filter((node) => node.container)) {
    const group = svg(
      'g',
      { class: 'state state--container', 'data-state': placed.node.id },
      containers,
    );
    svg(
      'rect',
      {
        x: placed.x,
        y: placed.y,
        width: placed.width,
        height: placed.height,
        rx: 8,
      },
      group,
    );
    svg(
      'text',
      { x: placed.x + 12, y: placed.y + 20, class: 'state__name' },
      group,
    ).textContent = `${placed.node.name} (${placed.node.type})`;
    svg(
      'text',
      {
        x: placed.x + placed.width - 12,
        y: placed.y + 20,
        class: 'state__facts',
        'text-anchor': 'end',
        'data-type': '',
      },
      group,
    );
    group.addEventListener('click', (event) => {
      event.stopPropagation();
      onSelect(placed.node.id);
    });
  }
  for (const placed of drawing.edges) {
    const { edge, points } = placed;
    const first = points[0];
    if (first === undefined) continue;
    const group = svg(
      'g',
      {
        class: `edge edge--${edge.kind}`,
        'data-from': edge.from,
        'data-to': edge.to,
        'data-kind': edge.kind,
      },
      edgeLayer,
    );
    svg(
      'path',
      {
        d: `M ${first.x} ${first.y} ${points
          .slice(1)
          .map((point) => `L ${point.x} ${point.y}`)
          .join(' ')}`,
        'marker-end': `url(#arrow-${edge.kind})`,
      },
      group,
    );
    if (edge.detail !== '') title(group, edge.detail);
    if (placed.label !== undefined && edge.label !== '') {
      svg(
        'text',
        {
          x: placed.label.x + 2,
          y: placed.label.y + placed.label.height - 3,
          class: 'edge__label',
        },
        group,
      ).textContent =
        edge.label.length > 32 ? `${edge.label.slice(0, 31)}…` : edge.label;
    }
  }
  for (const placed of drawing.nodes.filter((node) => !node.container)) {
    const { node } = placed;
    const marker = node.id === startNodeId || node.id === endNodeId;
    const group = svg(
      'g',
      {
        class: `state state--${node.type.toLowerCase()}${marker ? ' state--marker' : ''}`,
        'data-state': node.id,
        tabindex: marker ? -1 : 0,
      },
      nodeLayer,
    );
    svg(
      'rect',
      {
        x: placed.x,
        y: placed.y,
        width: placed.width,
        height: placed.height,
        rx: marker ? placed.height / 2 : 6,
      },
      group,
    );
    svg(
      'text',
      {
        x: placed.x + placed.width / 2,
        y: placed.y + (marker ? placed.height / 2 + 4 : 17),
        'text-anchor': 'middle',
        class: 'state__name',
      },
      group,
    ).textContent = node.name;
    if (!marker) {
      svg(
        'text',
        {
          x: placed.x + placed.width / 2,
          y: placed.y + 33,
          'text-anchor': 'middle',
          class: 'state__facts',
          'data-type': node.type,
        },
        group,
      ).textContent = node.type;
      title(group, node.comment ?? `${node.name} (${node.type})`);
      group.addEventListener('click', () => onSelect(node.id));
      group.addEventListener('keydown', (event) => {
        if (event instanceof KeyboardEvent && event.key === 'Enter')
          onSelect(node.id);
      });
    }
  }
  host.replaceChildren(root);
};

/** What a state's second line says once it ran. @param {import('./execution-path.js').StateRun} run */
export const stateFacts = (run) =>
  [
    formatDuration(run.durationMs),
    run.visits > 1 ? `${run.visits} visits` : '',
    run.polls ? `${run.polls} poll${run.polls === 1 ? '' : 's'}` : '',
    run.retries > 0
      ? `${run.retries} retr${run.retries === 1 ? 'y' : 'ies'}`
      : '',
  ]
    .filter((fact) => fact !== '')
    .join(' · ');

/**
 * Marks the execution on the drawn graph (or clears it, with undefined).
 * @param {Element} host
 * @param {ExecutionPath | undefined} path
 * @param {string | undefined} selected the state whose details are shown
 */
export const markExecution = (host, path, selected) => {
  for (const group of host.querySelectorAll('g.state')) {
    const name = group.getAttribute('data-state') ?? '';
    const run = path?.states[name];
    let status = run?.status ?? (path === undefined ? 'none' : 'unvisited');
    if (path !== undefined && name === startNodeId) status = 'succeeded';
    if (path !== undefined && name === endNodeId) {
      status =
        path.status === 'SUCCEEDED'
          ? 'succeeded'
          : path.status === 'RUNNING'
            ? 'unvisited'
            : 'failed';
    }
    group.setAttribute('data-status', status);
    group.classList.toggle('state--selected', name === selected);
    const facts = group.querySelector('.state__facts');
    if (facts !== null) {
      facts.textContent =
        run === undefined
          ? (facts.getAttribute('data-type') ?? '')
          : stateFacts(run);
    }
  }
  const taken = new Set(
    (path?.transitions ?? []).map((t) => `${t.from}→${t.to}→${t.caught}`),
  );
  for (const group of host.querySelectorAll('g.edge')) {
    const from = group.getAttribute('data-from') ?? '';
    const to = group.getAttribute('data-to') ?? '';
    const kind = group.getAttribute('data-kind');
    const run = path?.states[from];
    const wasTaken =
      path !== undefined &&
      (kind === 'retry'
        ? (run?.retries ?? 0) > 0
        : to === endNodeId
          ? run !== undefined &&
            run.status !== 'running' &&
            path.status !== 'RUNNING'
          : taken.has(`${from}→${to}→${kind === 'catch'}`));
    group.classList.toggle('edge--taken', wasTaken);
    const arrow = group.querySelector('path');
    arrow?.setAttribute(
      'marker-end',
      `url(#arrow-${wasTaken ? 'taken' : kind})`,
    );
  }
};
