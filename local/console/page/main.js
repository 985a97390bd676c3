/**
 * The local console: draws the selected state machine from its ASL, lists
 * its executions, marks the selected (or the newest) execution's path on
 * the graph, and lists the bus events and the dataset groups, polling each
 * once a second until the page goes away.
 */
import { aslGraph } from './asl-graph.js';
import { aws, getJson, StackCallError } from './aws-client.js';
import { byId } from './dom.js';
import { eventCursor, mergeEvents } from './event-feed.js';
import { executionPath } from './execution-path.js';
import { layoutStateGraph } from './graph-layout.js';
import { drawGraph, markExecution } from './graph-view.js';
import {
  childKinds,
  renderEvents,
  renderExecution,
  renderExecutions,
  renderGroups,
  renderState,
} from './panels.js';
import { every } from './poll.js';
import { readUrlState, urlFor } from './url-state.js';

/**
 * @typedef {Record<string, unknown>} Json
 * @typedef {import('./execution-path.js').ExecutionPath} ExecutionPath
 * @typedef {import('./event-feed.js').LoggedEvent} LoggedEvent
 */

const pollMs = 1000;
/** Pages of history or events read in one poll, at most. */
const maxPages = 50;

const ui = {
  message: byId('message'),
  machines: byId('state-machines'),
  graph: byId('graph'),
  executions: byId('executions'),
  execution: byId('execution'),
  state: byId('state'),
  events: byId('events'),
  groups: byId('groups'),
  stack: byId('stack'),
  follow: byId('follow'),
};

const url = readUrlState(location.search);
const app = {
  /** @type {Json[]} */
  machines: [],
  /** @type {string} */
  machine: url.stateMachine ?? 'create-dataset-group',
  /** The execution pinned in the address, or undefined: follow the newest. */
  /** @type {string | undefined} */
  pinned: url.problem === undefined ? url.execution : undefined,
  /** @type {string | undefined} */
  shown: undefined,
  /** @type {ExecutionPath | undefined} */
  path: undefined,
  /** @type {Json | undefined} */
  execution: undefined,
  /** @type {string | undefined} */
  selectedState: undefined,
  /** @type {Json[]} */
  executions: [],
  /** @type {LoggedEvent[]} */
  events: [],
  /** @type {string | undefined} */
  group: undefined,
  drawn: '',
  /** @type {string | undefined} */
  problem: url.problem,
};

/** @param {string | undefined} text */
const showMessage = (text) => {
  ui.message.textContent = text ?? '';
  ui.message.hidden = text === undefined;
};

/** @param {unknown} error */
const describeError = (error) =>
  error instanceof Error ? error.message : String(error);

const ELK =
  /** @type {{ ELK: new () => import('./graph-layout.js').ElkLike }} */ (
    /** @type {unknown} */ (window)
  ).ELK;
const elk = new ELK();

const machineArn = () =>
  String(
    app.machines.find((machine) => machine.name === app.machine)
      ?.stateMachineArn ?? '',
  );

const renderMachines = () => {
  ui.machines.replaceChildren(
    ...app.machines.map((machine) => {
      const option = document.createElement('option');
      option.value = String(machine.name);
      option.textContent = String(machine.name);
      option.selected = machine.name === app.machine;
      return option;
    }),
  );
};

const drawMachine = async () => {
  const arn = machineArn();
  if (arn === '' || app.drawn === arn) return;
  const described = await aws('stepFunctions', 'DescribeStateMachine', {
    stateMachineArn: arn,
  });
  const drawing = await layoutStateGraph(elk, aslGraph(described.definition));
  drawGraph(ui.graph, drawing, (state) => {
    app.selectedState = state;
    renderSelection();
  });
  ui.graph.setAttribute('data-state-machine', app.machine);
  app.drawn = arn;
  markExecution(ui.graph, app.path, app.selectedState);
};

const renderSelection = () => {
  markExecution(ui.graph, app.path, app.selectedState);
  renderState(ui.state, app.selectedState, app.path);
};

/** @param {string} arn */
const pin = (arn) => {
  app.pinned = arn;
  app.problem = undefined;
  showMessage(undefined);
  history.replaceState(null, '', urlFor(app.machine, arn));
  void refreshExecution(new AbortController().signal);
};

/** @param {AbortSignal} signal */
const refreshExecutions = async (signal) => {
  const arn = machineArn();
  if (arn === '') return;
  const answer = await aws(
    'stepFunctions',
    'ListExecutions',
    { stateMachineArn: arn, maxResults: 50 },
    signal,
  );
  app.executions = /** @type {Json[]} */ (answer.executions ?? []);
  renderExecutions(ui.executions, app.executions, app.shown, pin);
  ui.follow.hidden = app.pinned === undefined;
};

/** @param {string} executionArn @param {AbortSignal} signal */
const readHistory = async (executionArn, signal) => {
  /** @type {any[]} */
  const events = [];
  /** @type {unknown} */
  let nextToken;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await aws(
      'stepFunctions',
      'GetExecutionHistory',
      {
        executionArn,
        includeExecutionData: true,
        maxResults: 1000,
        ...(typeof nextToken === 'string' && { nextToken }),
      },
      signal,
    );
    events.push(.../** @type {any[]} */ (answer.events ?? []));
    nextToken = answer.nextToken;
    if (typeof nextToken !== 'string') break;
  }
  return events;
};

/** @param {AbortSignal} signal */
const refreshExecution = async (signal) => {
  if (app.problem !== undefined) return;
  const arn = app.pinned ?? app.executions[0]?.executionArn;
  if (typeof arn !== 'string') {
    app.shown = undefined;
    return;
  }
  // A finished execution's history does not change: read it once.
  if (arn === app.shown && app.execution?.status !== 'RUNNING') return;
  let execution;
  try {
    execution = await aws(
      'stepFunctions',
      'DescribeExecution',
      { executionArn: arn },
      signal,
    );
  } catch (error) {
    if (error instanceof StackCallError && arn === app.pinned) {
      app.problem =
        error.code === 'ExecutionDoesNotExist'
          ? `Execution ${arn} does not exist on this stack (ExecutionDoesNotExist). Pick one from the list, or start one: npm run cli -- create NAME`
          : `Cannot read execution ${arn}: ${error.message}`;
      showMessage(app.problem);
      return;
    }
    throw error;
  }
  const machine = String(execution.stateMachineArn).split(':').at(-1) ?? '';
  if (machine !== app.machine) {
    app.machine = machine;
    renderMachines();
    await drawMachine();
  }
  const history = await readHistory(arn, signal);
  if (app.shown !== arn) app.selectedState = undefined;
  app.shown = arn;
  app.execution = execution;
  app.path = executionPath(history);
  if (app.selectedState === undefined && app.path.failedState !== undefined) {
    app.selectedState = app.path.failedState;
  }
  renderExecution(ui.execution, execution, app.path, (state) => {
    app.selectedState = state;
    renderSelection();
  });
  renderExecutions(ui.executions, app.executions, app.shown, pin);
  renderSelection();
};

/** @param {AbortSignal} signal */
const refreshEvents = async (signal) => {
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await getJson(
      `/events?after=${eventCursor(app.events)}`,
      signal,
    );
    const incoming = /** @type {LoggedEvent[]} */ (answer.events ?? []);
    if (incoming.length === 0) break;
    app.events = mergeEvents(app.events, incoming);
  }
  renderEvents(ui.events, app.events);
};

/** @param {string} groupArn @param {AbortSignal} signal */
const childrenOf = async (groupArn, signal) => {
  const lists = await Promise.all(
    childKinds.map(async ([operation, member, kind]) => {
      const answer = await aws(
        'personalize',
        operation,
        { datasetGroupArn: groupArn, maxResults: 100 },
        signal,
      );
      return /** @type {Json[]} */ (answer[member] ?? []).map(
        (child) => /** @type {Json} */ ({ ...child, kind }),
      );
    }),
  );
  const children = lists.flat();
  const campaigns = await Promise.all(
    children
      .filter((child) => child.kind === 'solution')
      .map(async (solution) => {
        const answer = await aws(
          'personalize',
          'ListCampaigns',
          { solutionArn: solution.solutionArn, maxResults: 100 },
          signal,
        );
        return /** @type {Json[]} */ (answer.campaigns ?? []).map(
          (campaign) => /** @type {Json} */ ({ ...campaign, kind: 'campaign' }),
        );
      }),
  );
  return [...children, ...campaigns.flat()].map((child) => ({
    kind: String(child.kind),
    name: String(child.name ?? ''),
    status: String(child.status ?? ''),
  }));
};

/** @param {AbortSignal} signal */
const refreshGroups = async (signal) => {
  const answer = await getJson('/api/dataset-groups', signal);
  const groups = /** @type {Json[]} */ (answer.datasetGroups ?? []);
  const selected = groups.find((group) => group.name === app.group);
  let details;
  if (selected !== undefined) {
    const group = await getJson(
      `/api/dataset-groups/${encodeURIComponent(String(selected.name))}`,
      signal,
    );
    details = {
      datasets: /** @type {Json[]} */ (group.datasets ?? []),
      children: await childrenOf(String(selected.datasetGroupArn), signal),
    };
  }
  renderGroups(ui.groups, groups, app.group, details, (name) => {
    app.group = app.group === name ? undefined : name;
    void refreshGroups(signal);
  });
};

const start = async () => {
  const stop = new AbortController();
  addEventListener('pagehide', () => stop.abort(), { once: true });
  /** @param {string} part */
  const report = (part) => (/** @type {unknown} */ error) => {
    ui.stack.setAttribute('data-error', `${part}: ${describeError(error)}`);
    ui.stack.textContent = `Cannot read ${part}: ${describeError(error)}`;
  };
  if (app.problem !== undefined) showMessage(app.problem);
  const stack = await getJson('/stack');
  ui.stack.textContent = `region ${String(stack.region)} · bus ${String(stack.eventBusName)}`;
  const listed = await aws('stepFunctions', 'ListStateMachines', {});
  app.machines = /** @type {Json[]} */ (listed.stateMachines ?? []);
  if (!app.machines.some((machine) => machine.name === app.machine)) {
    showMessage(`State machine ${app.machine} does not exist on this stack`);
    app.machine = String(app.machines[0]?.name ?? '');
  }
  renderMachines();
  ui.machines.addEventListener('change', () => {
    app.machine = /** @type {HTMLSelectElement} */ (ui.machines).value;
    app.pinned = undefined;
    app.shown = undefined;
    app.path = undefined;
    app.execution = undefined;
    app.selectedState = undefined;
    ui.execution.replaceChildren();
    history.replaceState(null, '', urlFor(app.machine, undefined));
    void drawMachine().then(() => refreshExecutions(stop.signal));
  });
  ui.follow.addEventListener('click', () => {
    app.pinned = undefined;
    history.replaceState(null, '', urlFor(app.machine, undefined));
    void refreshExecution(stop.signal);
  });
  await drawMachine();
  void every(
    pollMs,
    async (signal) => {
      await drawMachine();
      await refreshExecutions(signal);
      await refreshExecution(signal);
    },
    stop.signal,
    report('executions'),
  );
  void every(pollMs, refreshEvents, stop.signal, report('events'));
  void every(2 * pollMs, refreshGroups, stop.signal, report('dataset groups'));
};

start().catch((error) => {
  showMessage(`The console cannot start: ${describeError(error)}`);
});
