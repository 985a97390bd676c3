/**
 * A state machine's ASL definition as a graph to draw: one node per state
 * (the states of a Map's ItemProcessor, or of each Parallel branch, as
 * children of that state), and one edge per transition: Next, each Choice
 * rule and its Default, each Catch, and a Retry loop on a state that
 * retries. Pure: the page draws it, the unit tests read it.
 */

/**
 * @typedef {'next' | 'choice' | 'default' | 'catch' | 'retry'} EdgeKind
 * @typedef {{
 *   id: string,
 *   name: string,
 *   type: string,
 *   parent: string | undefined,
 *   terminal: boolean,
 *   comment: string | undefined,
 * }} GraphNode
 * @typedef {{
 *   id: string,
 *   from: string,
 *   to: string,
 *   kind: EdgeKind,
 *   label: string,
 *   detail: string,
 * }} GraphEdge
 * @typedef {{ nodes: GraphNode[], edges: GraphEdge[], startAt: string }} StateGraph
 * @typedef {Record<string, unknown>} Json
 */

/** The start and end markers of the top-level scope. */
export const startNodeId = '(start)';
export const endNodeId = '(end)';

/** The definition is not ASL the graph can be drawn from. */
export class InvalidDefinitionError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'InvalidDefinitionError';
  }
}

/** @param {unknown} value @returns {value is Json} */
const isObject = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** @param {unknown} value @returns {string[]} */
const errorNames = (value) =>
  Array.isArray(value) ? value.map((name) => String(name)) : [];

/** Comparison operators of Choice rules, as the console shows them. */
const comparisons = /** @type {const} */ ([
  ['StringEquals', '=='],
  ['StringLessThan', '<'],
  ['StringGreaterThan', '>'],
  ['StringLessThanEquals', '<='],
  ['StringGreaterThanEquals', '>='],
  ['StringMatches', 'matches'],
  ['NumericEquals', '=='],
  ['NumericLessThan', '<'],
  ['NumericGreaterThan', '>'],
  ['NumericLessThanEquals', '<='],
  ['NumericGreaterThanEquals', '>='],
  ['BooleanEquals', '=='],
  ['TimestampEquals', '=='],
  ['TimestampLessThan', '<'],
  ['TimestampGreaterThan', '>'],
  ['TimestampLessThanEquals', '<='],
  ['TimestampGreaterThanEquals', '>='],
  ['IsNull', 'is null:'],
  ['IsPresent', 'is present:'],
  ['IsNumeric', 'is numeric:'],
  ['IsString', 'is string:'],
  ['IsBoolean', 'is boolean:'],
  ['IsTimestamp', 'is timestamp:'],
]);

/**
 * One Choice rule in a line: `$.progress.outcome == "ACTIVE"`, with And,
 * Or and Not spelled out; a JSONata rule shows its Condition.
 * @param {unknown} rule
 * @returns {string}
 */
export const describeChoiceRule = (rule) => {
  if (!isObject(rule)) return '?';
  if (typeof rule.Condition === 'string') return rule.Condition;
  if (Array.isArray(rule.And)) {
    return rule.And.map(describeChoiceRule).join(' and ');
  }
  if (Array.isArray(rule.Or)) {
    return rule.Or.map((inner) => `(${describeChoiceRule(inner)})`).join(
      ' or ',
    );
  }
  if (rule.Not !== undefined) return `not (${describeChoiceRule(rule.Not)})`;
  const variable = String(rule.Variable ?? '?');
  for (const [operator, symbol] of comparisons) {
    if (operator in rule) {
      return `${variable} ${symbol} ${JSON.stringify(rule[operator])}`;
    }
    if (`${operator}Path` in rule) {
      return `${variable} ${symbol} ${String(rule[`${operator}Path`])}`;
    }
  }
  return variable;
};

/** @param {unknown} retrier */
const describeRetrier = (retrier) => {
  if (!isObject(retrier)) return '?';
  const attempts = retrier.MaxAttempts ?? 3;
  const interval = retrier.IntervalSeconds ?? 1;
  const backoff = retrier.BackoffRate ?? 2;
  return `${errorNames(retrier.ErrorEquals).join(', ')}: up to ${attempts} more attempt(s), ${interval} s × ${backoff}`;
};

/** The states a Map (ItemProcessor, or the older Iterator) runs. @param {Json} state */
const nestedScopes = (state) => {
  const processor = isObject(state.ItemProcessor)
    ? state.ItemProcessor
    : isObject(state.Iterator)
      ? state.Iterator
      : undefined;
  if (processor !== undefined) return [processor];
  return Array.isArray(state.Branches) ? state.Branches.filter(isObject) : [];
};

/**
 * The graph of an ASL definition (an object, or its JSON text).
 * @param {unknown} definition
 * @returns {StateGraph}
 */
export const aslGraph = (definition) => {
  /** @type {unknown} */
  let asl = definition;
  if (typeof definition === 'string') {
    try {
      asl = JSON.parse(definition);
    } catch {
      throw new InvalidDefinitionError('The definition is not valid JSON');
    }
  }
  if (!isObject(asl) || !isObject(asl.States)) {
    throw new InvalidDefinitionError('The definition has no States');
  }
  if (typeof asl.StartAt !== 'string') {
    throw new InvalidDefinitionError('The definition has no StartAt');
  }
  /** @type {GraphNode[]} */
  const nodes = [
    {
      id: startNodeId,
      name: 'Start',
      type: 'Start',
      parent: undefined,
      terminal: false,
      comment: undefined,
    },
  ];
  /** @type {GraphEdge[]} */
  const edges = [];
  /** @type {Set<string>} */
  const seen = new Set();
  /**
   * @param {string} from @param {string} to @param {EdgeKind} kind
   * @param {string} label @param {string} detail
   */
  const edge = (from, to, kind, label, detail = label) => {
    edges.push({
      id: `${from}→${to}#${edges.length}`,
      from,
      to,
      kind,
      label,
      detail,
    });
  };

  /** @param {Json} scope @param {string | undefined} parent */
  const addScope = (scope, parent) => {
    if (!isObject(scope.States)) {
      throw new InvalidDefinitionError(
        `${parent ?? 'The definition'} has a scope without States`,
      );
    }
    for (const [name, raw] of Object.entries(scope.States)) {
      if (!isObject(raw)) {
        throw new InvalidDefinitionError(`State ${name} is not an object`);
      }
      if (seen.has(name)) {
        throw new InvalidDefinitionError(
          `State name ${name} is used twice (ASL names are unique in a state machine)`,
        );
      }
      seen.add(name);
      const type = String(raw.Type ?? '?');
      const terminal =
        raw.End === true || type === 'Succeed' || type === 'Fail';
      nodes.push({
        id: name,
        name,
        type,
        parent,
        terminal,
        comment: typeof raw.Comment === 'string' ? raw.Comment : undefined,
      });
      if (typeof raw.Next === 'string') edge(name, raw.Next, 'next', '');
      if (Array.isArray(raw.Choices)) {
        for (const rule of raw.Choices) {
          if (isObject(rule) && typeof rule.Next === 'string') {
            edge(name, rule.Next, 'choice', describeChoiceRule(rule));
          }
        }
      }
      if (typeof raw.Default === 'string') {
        edge(name, raw.Default, 'default', 'Default');
      }
      if (Array.isArray(raw.Retry) && raw.Retry.length > 0) {
        edge(
          name,
          name,
          'retry',
          `Retry (${raw.Retry.length})`,
          raw.Retry.map(describeRetrier).join('\n'),
        );
      }
      if (Array.isArray(raw.Catch)) {
        for (const catcher of raw.Catch) {
          if (isObject(catcher) && typeof catcher.Next === 'string') {
            edge(
              name,
              catcher.Next,
              'catch',
              `Catch ${errorNames(catcher.ErrorEquals).join(', ')}`,
            );
          }
        }
      }
      if (terminal && parent === undefined) edge(name, endNodeId, 'next', '');
      for (const nested of nestedScopes(raw)) addScope(nested, name);
    }
  };

  addScope(asl, undefined);
  nodes.push({
    id: endNodeId,
    name: 'End',
    type: 'End',
    parent: undefined,
    terminal: true,
    comment: undefined,
  });
  edge(startNodeId, asl.StartAt, 'next', '');
  const ids = new Set(nodes.map((node) => node.id));
  for (const { from, to } of edges) {
    if (!ids.has(to)) {
      throw new InvalidDefinitionError(
        `${from} goes to ${to}, a state that does not exist`,
      );
    }
  }
  return { nodes, edges, startAt: asl.StartAt };
};
