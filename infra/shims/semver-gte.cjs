// Stands in for `semver` in the Lambda bundles, for the one module that
// requires it: the X-Ray SDK's AWS SDK v2 patcher, which only calls
// `semver.gte(AWS.VERSION, minimum)` (see esbuild-plugins.cjs). The real
// package builds some forty regular expressions as it loads.

/** [major, minor, patch] of `1.2.3`, `v1.2.3`, `1.2.3-beta.1+build`. */
const numbersOf = (version) => {
  const match = /^\s*v?(\d+)\.(\d+)\.(\d+)/.exec(String(version));
  if (match === null) throw new TypeError(`Invalid Version: ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
};

const prereleaseOf = (version) =>
  /^\s*v?\d+\.\d+\.\d+-([0-9A-Za-z.-]+)/.exec(String(version))?.[1];

/** -1, 0 or 1, as semver orders prerelease identifiers. */
const comparePrereleases = (left, right) => {
  if (left === right) return 0;
  if (left === undefined) return 1;
  if (right === undefined) return -1;
  const a = left.split('.');
  const b = right.split('.');
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const x = a[index];
    const y = b[index];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const numericX = /^\d+$/.test(x);
    const numericY = /^\d+$/.test(y);
    if (numericX && numericY) return Number(x) > Number(y) ? 1 : -1;
    if (numericX) return -1;
    if (numericY) return 1;
    return x > y ? 1 : -1;
  }
  return 0;
};

/** semver.gte: is `left` the same version as `right`, or later? */
const gte = (left, right) => {
  const a = numbersOf(left);
  const b = numbersOf(right);
  for (let index = 0; index < 3; index += 1) {
    if (a[index] !== b[index]) return a[index] > b[index];
  }
  return comparePrereleases(prereleaseOf(left), prereleaseOf(right)) >= 0;
};

module.exports = { gte };
