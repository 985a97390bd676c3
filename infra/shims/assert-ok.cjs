// Stands in for `node:assert` in the Lambda bundles, for the one module
// that requires it: cls-hooked's context.js (the X-Ray SDK's context
// store), which only calls `assert.ok`. Loading node:assert costs about
// 4 ms of cold start; this throws the same kind of error.

class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AssertionError';
    this.code = 'ERR_ASSERTION';
  }
}

/** assert.ok: throws an AssertionError when `value` is falsy. */
const ok = (value, message) => {
  if (!value) {
    throw new AssertionError(
      message ?? 'The expression evaluated to a falsy value',
    );
  }
};

module.exports = ok;
module.exports.ok = ok;
module.exports.AssertionError = AssertionError;
