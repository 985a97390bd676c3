import { MissingEnvironmentVariableError } from './errors.ts';

/** Reads a required variable; throws so a missing one fails cold start. */
export const getStringFromEnv = (variable: string): string => {
  const value = process.env[variable];
  if (value === undefined || value.trim() === '') {
    throw new MissingEnvironmentVariableError(variable);
  }
  return value;
};

/** Reads an optional positive number, with a default. */
export const getNumberFromEnv = (
  variable: string,
  fallback: number,
): number => {
  const raw = process.env[variable];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(
      `Environment variable ${variable} must be a positive number, got "${raw}"`,
    );
  }
  return value;
};

/** Reads an optional number ≥ 0 (0 meaning off), with a default. */
export const getNonNegativeNumberFromEnv = (
  variable: string,
  fallback: number,
): number => {
  const raw = process.env[variable];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `Environment variable ${variable} must be a number ≥ 0, got "${raw}"`,
    );
  }
  return value;
};
