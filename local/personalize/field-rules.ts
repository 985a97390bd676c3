import { invalidInput } from './emulator-error.ts';

/** A decoded JSON request body. */
export type RequestBody = Readonly<Record<string, unknown>>;

const quote = (value: unknown): string => {
  if (value === undefined || value === null) return 'null';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return typeof value === 'string' ? `'${shown}'` : shown;
};

/**
 * Collects constraint violations the way AWS phrases them ("Value 'x' at
 * 'name' failed to satisfy constraint: Member must …"), then throws one
 * InvalidInputException that names every field and rule.
 */
export class Violations {
  readonly #messages: string[] = [];

  add(path: string, value: unknown, rule: string, sensitive = false): void {
    const shown = sensitive ? '' : ` ${quote(value)}`;
    this.#messages.push(
      `Value${shown} at '${path}' failed to satisfy constraint: Member ${rule}`,
    );
  }

  get count(): number {
    return this.#messages.length;
  }

  throwIfAny(): void {
    const count = this.#messages.length;
    if (count === 0) return;
    const head = `${count} validation error${count === 1 ? '' : 's'} detected`;
    throw invalidInput(`${head}: ${this.#messages.join('; ')}`);
  }
}

export interface StringRule {
  required?: boolean;
  minLength?: number;
  maxLength: number;
  pattern?: RegExp;
  sensitive?: boolean;
}

/** Checks one string member; returns it only when it broke no rule. */
export const checkString = (
  violations: Violations,
  path: string,
  value: unknown,
  rule: StringRule,
): string | undefined => {
  const { sensitive = false } = rule;
  if (value === undefined || value === null) {
    if (rule.required) violations.add(path, value, 'must not be null');
    return undefined;
  }
  if (typeof value !== 'string') {
    violations.add(path, value, 'must be a string', sensitive);
    return undefined;
  }
  const before = violations.count;
  const minLength = rule.minLength ?? 0;
  if (value.length < minLength) {
    violations.add(
      path,
      value,
      `must have length greater than or equal to ${minLength}`,
      sensitive,
    );
  }
  if (value.length > rule.maxLength) {
    violations.add(
      path,
      value,
      `must have length less than or equal to ${rule.maxLength}`,
      sensitive,
    );
  }
  if (rule.pattern !== undefined && !rule.pattern.test(value)) {
    violations.add(
      path,
      value,
      `must satisfy regular expression pattern: ${rule.pattern.source}`,
      sensitive,
    );
  }
  return violations.count === before ? value : undefined;
};

export const checkEnum = <T extends string>(
  violations: Violations,
  path: string,
  value: unknown,
  allowed: readonly T[],
): T | undefined => {
  if (value === undefined || value === null) return undefined;
  if (
    typeof value === 'string' &&
    (allowed as readonly string[]).includes(value)
  ) {
    return value as T;
  }
  violations.add(
    path,
    value,
    `must satisfy enum value set: [${allowed.join(', ')}]`,
  );
  return undefined;
};

export const checkInteger = (
  violations: Violations,
  path: string,
  value: unknown,
  range: { min: number; max: number },
): number | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    violations.add(path, value, 'must be an integer');
    return undefined;
  }
  if (value < range.min) {
    violations.add(
      path,
      value,
      `must have value greater than or equal to ${range.min}`,
    );
    return undefined;
  }
  if (value > range.max) {
    violations.add(
      path,
      value,
      `must have value less than or equal to ${range.max}`,
    );
    return undefined;
  }
  return value;
};

export const checkBoolean = (
  violations: Violations,
  path: string,
  value: unknown,
): boolean | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  violations.add(path, value, 'must be a boolean');
  return undefined;
};

/** Checks a list member; returns its items when it is a list in range. */
export const checkList = (
  violations: Violations,
  path: string,
  value: unknown,
  rule: { required?: boolean; maxItems: number },
): readonly unknown[] | undefined => {
  if (value === undefined || value === null) {
    if (rule.required) violations.add(path, value, 'must not be null');
    return undefined;
  }
  if (!Array.isArray(value)) {
    violations.add(path, value, 'must be a list');
    return undefined;
  }
  if (value.length > rule.maxItems) {
    violations.add(
      path,
      `[${value.length} items]`,
      `must have length less than or equal to ${rule.maxItems}`,
    );
    return undefined;
  }
  return value;
};

export const isObject = (value: unknown): value is RequestBody =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
