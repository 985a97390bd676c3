/**
 * EventBridge event patterns, the subset a local stack needs and a bit
 * more: exact values (strings, numbers, booleans, null) listed in arrays,
 * nested objects down to any field (`detail.…`), `prefix`, `suffix`,
 * `equals-ignore-case`, `wildcard`, `anything-but` (values, prefix,
 * suffix, equals-ignore-case, wildcard), `exists`, `numeric` and `$or`.
 * A field holding an array matches when any of its elements does.
 * Not supported: `cidr`, and a nested pattern applied across the elements
 * of an array of objects (each element is tried on its own).
 */
export type EventPattern = { readonly [field: string]: unknown };

export class InvalidEventPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventPatternError';
  }
}

type Scalar = string | number | boolean | null;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isScalar = (value: unknown): value is Scalar =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

const numericOperators = ['<', '<=', '=', '>', '>='] as const;
type NumericOperator = (typeof numericOperators)[number];

const compare = (
  value: number,
  operator: NumericOperator,
  bound: number,
): boolean => {
  switch (operator) {
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    case '=':
      return value === bound;
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
  }
};

/** `*` matches any run of characters; `\*` is a literal star. */
const wildcardRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .split(/(?<!\\)\*/)
      .map((part) =>
        part.replaceAll('\\*', '*').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('.*')}$`,
    's',
  );

/** A string test given as a string or as `{ "equals-ignore-case": s }`. */
const stringTest = (
  operand: unknown,
  test: (value: string, wanted: string) => boolean,
): ((value: unknown) => boolean) => {
  if (typeof operand === 'string') {
    return (value) => typeof value === 'string' && test(value, operand);
  }
  const wanted = (operand as Record<string, string>)['equals-ignore-case'];
  const lower = String(wanted).toLowerCase();
  return (value) =>
    typeof value === 'string' && test(value.toLowerCase(), lower);
};

/** What `anything-but` excludes, as a test on one value. */
const exclusion = (operand: unknown): ((value: unknown) => boolean) => {
  if (isScalar(operand)) return (value) => value === operand;
  if (Array.isArray(operand)) return (value) => operand.includes(value);
  const [[kind, argument]] = Object.entries(operand as object) as [
    [string, unknown],
  ];
  switch (kind) {
    case 'prefix':
      return (value) =>
        typeof value === 'string' && value.startsWith(String(argument));
    case 'suffix':
      return (value) =>
        typeof value === 'string' && value.endsWith(String(argument));
    case 'wildcard': {
      const regExp = wildcardRegExp(String(argument));
      return (value) => typeof value === 'string' && regExp.test(value);
    }
    default: {
      const listed = (Array.isArray(argument) ? argument : [argument]).map(
        (item) => String(item).toLowerCase(),
      );
      return (value) =>
        typeof value === 'string' && listed.includes(value.toLowerCase());
    }
  }
};

/** Whether one matcher of a leaf array accepts the field's values. */
const matcherAccepts = (matcher: unknown, values: unknown[]): boolean => {
  if (isScalar(matcher)) return values.some((value) => value === matcher);
  const [[kind, operand]] = Object.entries(matcher as object) as [
    [string, unknown],
  ];
  switch (kind) {
    case 'exists':
      return operand === true
        ? values.some((value) => !isPlainObject(value))
        : values.length === 0;
    case 'prefix':
      return values.some(stringTest(operand, (v, w) => v.startsWith(w)));
    case 'suffix':
      return values.some(stringTest(operand, (v, w) => v.endsWith(w)));
    case 'equals-ignore-case':
      return values.some(
        (value) =>
          typeof value === 'string' &&
          value.toLowerCase() === String(operand).toLowerCase(),
      );
    case 'wildcard': {
      const regExp = wildcardRegExp(String(operand));
      return values.some(
        (value) => typeof value === 'string' && regExp.test(value),
      );
    }
    case 'numeric': {
      const terms = operand as Array<NumericOperator | number>;
      return values.some(
        (value) =>
          typeof value === 'number' &&
          terms.every(
            (term, index) =>
              index % 2 === 1 ||
              compare(
                value,
                term as NumericOperator,
                terms[index + 1] as number,
              ),
          ),
      );
    }
    default: {
      // anything-but: some value is present and not excluded.
      const excluded = exclusion(operand);
      return values.some((value) => !isPlainObject(value) && !excluded(value));
    }
  }
};

const leafValues = (field: unknown): unknown[] => {
  if (field === undefined) return [];
  return Array.isArray(field) ? field : [field];
};

const matchesObject = (pattern: EventPattern, value: unknown): boolean =>
  Object.entries(pattern).every(([key, sub]) => {
    if (key === '$or') {
      return (sub as EventPattern[]).some((branch) =>
        matchesObject(branch, value),
      );
    }
    const field = isPlainObject(value) ? value[key] : undefined;
    if (Array.isArray(sub)) {
      const values = leafValues(field);
      return sub.some((matcher) => matcherAccepts(matcher, values));
    }
    if (Array.isArray(field)) {
      return field.some((element) =>
        matchesObject(sub as EventPattern, element),
      );
    }
    return matchesObject(sub as EventPattern, field);
  });

/** Whether `event` (an EventBridge envelope) matches a valid `pattern`. */
export const matchesEventPattern = (
  pattern: EventPattern,
  event: unknown,
): boolean => matchesObject(pattern, event);

const invalid = (path: string, problem: string) =>
  new InvalidEventPatternError(
    `Event pattern is not valid at ${path === '' ? 'its root' : path}: ${problem}`,
  );

const checkStringOperand = (path: string, operand: unknown): void => {
  if (typeof operand === 'string') return;
  if (
    isPlainObject(operand) &&
    Object.keys(operand).length === 1 &&
    typeof operand['equals-ignore-case'] === 'string'
  ) {
    return;
  }
  throw invalid(path, 'expects a string or {"equals-ignore-case": string}');
};

const checkAnythingBut = (path: string, operand: unknown): void => {
  if (isScalar(operand)) return;
  if (Array.isArray(operand)) {
    if (operand.length > 0 && operand.every(isScalar)) return;
    throw invalid(path, 'expects a non-empty array of values');
  }
  const entries = isPlainObject(operand) ? Object.entries(operand) : [];
  const [entry] = entries;
  if (entries.length !== 1 || entry === undefined) {
    throw invalid(path, 'expects a value, an array or one operator');
  }
  const [kind, argument] = entry;
  const isText = typeof argument === 'string';
  const isTextList =
    Array.isArray(argument) &&
    argument.length > 0 &&
    argument.every((item) => typeof item === 'string');
  if (
    (['prefix', 'suffix', 'wildcard'].includes(kind) && isText) ||
    (kind === 'equals-ignore-case' && (isText || isTextList))
  ) {
    return;
  }
  throw invalid(path, `"${kind}" is not valid inside anything-but`);
};

const checkNumeric = (path: string, operand: unknown): void => {
  const terms = Array.isArray(operand) ? operand : [];
  const wellFormed =
    terms.length > 0 &&
    terms.length % 2 === 0 &&
    terms.every((term, index) =>
      index % 2 === 0
        ? numericOperators.includes(term as NumericOperator)
        : typeof term === 'number' && Number.isFinite(term),
    );
  if (!wellFormed) {
    throw invalid(path, 'numeric expects [operator, number, ...] pairs');
  }
};

const checkMatcher = (path: string, matcher: unknown): void => {
  if (isScalar(matcher)) return;
  const entries = isPlainObject(matcher) ? Object.entries(matcher) : [];
  const [entry] = entries;
  if (entries.length !== 1 || entry === undefined) {
    throw invalid(path, 'a matcher is a value or an object with one operator');
  }
  const [kind, operand] = entry;
  switch (kind) {
    case 'exists':
      if (typeof operand !== 'boolean') {
        throw invalid(path, 'exists expects true or false');
      }
      break;
    case 'prefix':
    case 'suffix':
      checkStringOperand(path, operand);
      break;
    case 'equals-ignore-case':
    case 'wildcard':
      if (typeof operand !== 'string') {
        throw invalid(path, `${kind} expects a string`);
      }
      break;
    case 'numeric':
      checkNumeric(path, operand);
      break;
    case 'anything-but':
      checkAnythingBut(path, operand);
      break;
    default:
      throw invalid(path, `unsupported operator "${kind}"`);
  }
};

const checkObject = (path: string, pattern: unknown): void => {
  if (!isPlainObject(pattern) || Object.keys(pattern).length === 0) {
    throw invalid(path, 'expects a non-empty JSON object');
  }
  for (const [key, sub] of Object.entries(pattern)) {
    const subPath = path === '' ? key : `${path}.${key}`;
    if (key === '$or') {
      if (!Array.isArray(sub) || sub.length < 2) {
        throw invalid(subPath, '$or expects an array of at least 2 patterns');
      }
      sub.forEach((branch, index) => {
        checkObject(`${subPath}[${index}]`, branch);
      });
    } else if (Array.isArray(sub)) {
      if (sub.length === 0)
        throw invalid(subPath, 'empty arrays match nothing');
      for (const matcher of sub) checkMatcher(subPath, matcher);
    } else {
      checkObject(subPath, sub);
    }
  }
};

/** Throws InvalidEventPatternError unless `pattern` is one we can match. */
export function assertValidEventPattern(
  pattern: unknown,
): asserts pattern is EventPattern {
  checkObject('', pattern);
}
