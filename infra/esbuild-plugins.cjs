// esbuild plugins of the Lambda bundles (serverless.yml custom.esbuild
// .plugins; bench/cold-start.ts builds its bundles through them too).
const { builtinModules } = require('node:module');

const builtins = new Set(builtinModules);

/**
 * Turns `import … from 'node:http'` (and every other Node built-in) into a
 * CommonJS `require`. An ESM import of a built-in makes Node build the
 * module's ESM facade, which reads every export, lazy getters included:
 * `node:http` then loads undici, http2, worker_threads and web streams
 * (about 30 ms in a fresh process) for its WebSocket and MessageEvent
 * exports, which no handler uses. `require` returns the module object and
 * touches nothing; esbuild's interop reads only the exports in use.
 */
const requireNodeBuiltins = {
  name: 'require-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_/0-9]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (args.kind !== 'import-statement' || !builtins.has(name)) {
        return undefined;
      }
      return { path: name, namespace: 'require-node-builtin' };
    });
    build.onLoad(
      { filter: /.*/, namespace: 'require-node-builtin' },
      (args) => ({
        contents: `module.exports = require(${JSON.stringify(`node:${args.path}`)});`,
        loader: 'js',
      }),
    );
  },
};

module.exports = [requireNodeBuiltins];
