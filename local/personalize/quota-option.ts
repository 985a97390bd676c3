/** A quota option: an integer >= 0, or Infinity for none. */
export const assertQuota = (quota: number, name: string): void => {
  if (!(quota >= 0) || !(Number.isInteger(quota) || quota === Infinity)) {
    throw new RangeError(`${name} must be an integer >= 0 (or Infinity)`);
  }
};
