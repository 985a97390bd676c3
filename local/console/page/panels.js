/**
 * The console's lists and details, each drawn from what the stack
 * answered: executions, the selected execution and state, events and
 * dataset groups.
 */
import { h } from './dom.js';
import { eventRow } from './event-feed.js';
import { formatDuration, formatTime, prettyJson } from './format.js';

/**
 * @typedef {import('./execution-path.js').ExecutionPath} ExecutionPath
 * @typedef {import('./event-feed.js').LoggedEvent} LoggedEvent
 * @typedef {Record<string, unknown>} Json
 */

/** @param {unknown} status */
const badge = (status) =>
  h(
    'span',
    { class: `badge badge--${String(status).toLowerCase()}` },
    String(status),
  );

/**
 * @param {HTMLElement} host
 * @param {Json[]} executions ListExecutions' items
 * @param {string | undefined} selectedArn
 * @param {(arn: string) => void} onSelect
 */
export const renderExecutions = (host, executions, selectedArn, onSelect) => {
  if (executions.length === 0) {
    host.replaceChildren(h('p', { class: 'empty' }, 'No executions yet.'));
    return;
  }
  host.replaceChildren(
    h(
      'ul',
      { class: 'executions' },
      ...executions.map((execution) => {
        const arn = String(execution.executionArn);
        const item = h(
          'li',
          {
            class: arn === selectedArn ? 'selected' : '',
            'data-execution': arn,
            'data-status': String(execution.status),
            tabindex: '0',
          },
          badge(execution.status),
          h('span', { class: 'name' }, String(execution.name)),
          h('time', {}, formatTime(execution.startDate)),
        );
        item.addEventListener('click', () => onSelect(arn));
        item.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') onSelect(arn);
        });
        return item;
      }),
    ),
  );
};

/**
 * The selected execution: status, times, error, and its states in order.
 * @param {HTMLElement} host
 * @param {Json} execution DescribeExecution's answer
 * @param {ExecutionPath} path
 * @param {(state: string) => void} onSelectState
 */
export const renderExecution = (host, execution, path, onSelectState) => {
  const stopped =
    typeof execution.stopDate === 'number' ? execution.stopDate : undefined;
  const started = Number(execution.startDate);
  const elapsed = ((stopped ?? Date.now() / 1000) - started) * 1000;
  const failed = path.failedState;
  host.replaceChildren(
    h(
      'div',
      { class: 'execution-summary' },
      h('span', { id: 'execution-status' }, badge(execution.status)),
      h('strong', { id: 'execution-name' }, String(execution.name)),
      h('span', {}, `started ${formatTime(execution.startDate)}`),
      h('span', {}, formatDuration(elapsed)),
    ),
    ...(execution.error === undefined
      ? []
      : [
          h(
            'div',
            { class: 'execution-error', role: 'alert', id: 'execution-error' },
            h('strong', {}, String(execution.error)),
            failed === undefined ? '' : ` in ${failed}`,
            h('p', {}, String(execution.cause ?? '')),
          ),
        ]),
    h(
      'table',
      { class: 'path' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['State', 'Status', 'Time', 'Visits', 'Polls', 'Retries'].map(
            (label) => h('th', {}, label),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...path.path.map((name) => {
          const run = path.states[name];
          const row = h(
            'tr',
            { 'data-state': name, 'data-status': run?.status ?? '' },
            h('td', {}, name),
            h('td', {}, run?.status ?? ''),
            h('td', {}, formatDuration(run?.durationMs ?? 0)),
            h('td', {}, String(run?.visits ?? 0)),
            h('td', {}, run?.polls ? String(run.polls) : ''),
            h('td', {}, String(run?.retries ?? 0)),
          );
          row.addEventListener('click', () => onSelectState(name));
          return row;
        }),
      ),
    ),
  );
};

/**
 * One state's details in the selected execution.
 * @param {HTMLElement} host
 * @param {string | undefined} name
 * @param {ExecutionPath | undefined} path
 */
export const renderState = (host, name, path) => {
  if (name === undefined) {
    host.replaceChildren(
      h('p', { class: 'empty' }, 'Select a state to see its input and output.'),
    );
    return;
  }
  const run = path?.states[name];
  if (run === undefined) {
    host.replaceChildren(
      h('h3', {}, name),
      h('p', { class: 'empty' }, 'Not reached in this execution.'),
    );
    return;
  }
  /** @param {string} label @param {string | undefined} text */
  const block = (label, text) =>
    text === undefined || text === ''
      ? ''
      : h(
          'details',
          { open: '' },
          h('summary', {}, label),
          h('pre', {}, prettyJson(text)),
        );
  host.replaceChildren(
    h('h3', {}, name, ' ', badge(run.status)),
    h(
      'p',
      { class: 'facts' },
      `${formatDuration(run.durationMs)} · ${run.visits} visit(s) · ${run.attempts} attempt(s) · ${run.retries} retr${run.retries === 1 ? 'y' : 'ies'}${run.polls ? ` · ${run.polls} poll(s)` : ''}`,
    ),
    ...(run.error === undefined
      ? []
      : [
          h(
            'div',
            { class: 'state-error', role: 'alert' },
            h('strong', {}, run.error.error),
            h('pre', {}, prettyJson(run.error.cause)),
          ),
        ]),
    block('Input', run.input),
    block('Output', run.output),
  );
};

/**
 * @param {HTMLElement} host
 * @param {readonly LoggedEvent[]} events oldest first
 */
export const renderEvents = (host, events) => {
  if (events.length === 0) {
    host.replaceChildren(
      h('p', { class: 'empty' }, 'No events on the bus yet.'),
    );
    return;
  }
  host.replaceChildren(
    h(
      'table',
      { class: 'events' },
      h(
        'tbody',
        {},
        ...[...events].reverse().map((logged) => {
          const row = eventRow(logged);
          return h(
            'tr',
            { 'data-sequence': String(row.sequence) },
            h('td', {}, row.time.slice(11, 19)),
            h('td', {}, row.detailType),
            h('td', {}, row.group),
            h('td', { class: 'error' }, row.error),
          );
        }),
      ),
    ),
  );
};

/** The child kinds of a group, as the Personalize List operations name them. */
export const childKinds = /** @type {const} */ ([
  ['ListEventTrackers', 'eventTrackers', 'event tracker'],
  ['ListFilters', 'Filters', 'filter'],
  ['ListSolutions', 'solutions', 'solution'],
  ['ListRecommenders', 'recommenders', 'recommender'],
  ['ListMetricAttributions', 'metricAttributions', 'metric attribution'],
]);

/**
 * @typedef {{ kind: string, name: string, status: string }} Child
 * @param {HTMLElement} host
 * @param {Json[]} groups GET /dataset-groups' items
 * @param {string | undefined} selected
 * @param {{ datasets: Json[], children: Child[] } | undefined} details
 * @param {(name: string) => void} onSelect
 */
export const renderGroups = (host, groups, selected, details, onSelect) => {
  if (groups.length === 0) {
    host.replaceChildren(h('p', { class: 'empty' }, 'No dataset groups yet.'));
    return;
  }
  host.replaceChildren(
    h(
      'ul',
      { class: 'groups' },
      ...groups.map((group) => {
        const name = String(group.name);
        const open = name === selected && details !== undefined;
        const item = h(
          'li',
          { 'data-group': name, class: name === selected ? 'selected' : '' },
          h(
            'div',
            { class: 'group-line' },
            badge(group.status),
            h('span', { class: 'name' }, name),
          ),
          ...(open
            ? [
                h(
                  'ul',
                  { class: 'children' },
                  ...details.datasets.map((dataset) =>
                    h(
                      'li',
                      {},
                      badge(dataset.status),
                      `dataset ${String(dataset.datasetType ?? '')} ${String(dataset.name ?? '')}`,
                    ),
                  ),
                  ...details.children.map((child) =>
                    h(
                      'li',
                      {},
                      badge(child.status),
                      `${child.kind} ${child.name}`,
                    ),
                  ),
                  ...(details.datasets.length + details.children.length === 0
                    ? [
                        h(
                          'li',
                          { class: 'empty' },
                          'No datasets or other resources.',
                        ),
                      ]
                    : []),
                ),
              ]
            : []),
        );
        item.addEventListener('click', () => onSelect(name));
        return item;
      }),
    ),
  );
};
