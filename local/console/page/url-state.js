/**
 * What the console's address asks for: `?stateMachine=NAME` (the graph
 * shown) and `?execution=ARN` (the execution shown on it). Pure.
 */

/**
 * @typedef {{ stateMachine: string, name: string }} ExecutionRef
 * @typedef {{
 *   stateMachine: string | undefined,
 *   execution: string | undefined,
 *   executionRef: ExecutionRef | undefined,
 *   problem: string | undefined,
 * }} UrlState
 */

const executionArnPattern =
  /^arn:aws[\w-]*:states:[a-z0-9-]+:\d{12}:execution:([A-Za-z0-9_-]{1,80}):([A-Za-z0-9_-]{1,80})$/;

/**
 * @param {string} search `location.search`
 * @returns {UrlState}
 */
export const readUrlState = (search) => {
  const parameters = new URLSearchParams(search);
  const stateMachine = parameters.get('stateMachine') ?? undefined;
  const execution = parameters.get('execution') ?? undefined;
  if (execution === undefined) {
    return {
      stateMachine,
      execution,
      executionRef: undefined,
      problem: undefined,
    };
  }
  const match = executionArnPattern.exec(execution);
  if (match === null) {
    return {
      stateMachine,
      execution,
      executionRef: undefined,
      problem: `"${execution}" in the address is not an execution ARN (arn:aws:states:REGION:ACCOUNT:execution:STATE_MACHINE:NAME)`,
    };
  }
  const [, machine = '', name = ''] = match;
  return {
    stateMachine: machine,
    execution,
    executionRef: { stateMachine: machine, name },
    problem: undefined,
  };
};

/**
 * The address of a state machine's graph, with an execution on it.
 * @param {string} stateMachine @param {string | undefined} executionArn
 */
export const urlFor = (stateMachine, executionArn) => {
  const parameters = new URLSearchParams({ stateMachine });
  if (executionArn !== undefined) parameters.set('execution', executionArn);
  return `?${parameters}`;
};
