// esbuild plugins of the Lambda bundles (esbuild.config.cjs).
const { existsSync } = require('node:fs');
const { builtinModules } = require('node:module');
const { dirname, join } = require('node:path');

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

/** Loaded only by an operation that streams: none of ours. */
const eventStreamsStandIn = `throw new Error(
  'Event streams are not bundled in this function (infra/esbuild-plugins.cjs): ' +
    'none of the operations it calls streams. Bundle @smithy/core/event-streams to call one.',
);`;

/**
 * Imports that load far more than their importer uses, each narrowed for
 * that importer only (matched on its path inside node_modules):
 * - The X-Ray SDK's AWS SDK v2 patcher requires `semver` for one
 *   `semver.gte`; the package builds some forty regular expressions as it
 *   loads.
 * - cls-hooked (the X-Ray SDK's context store) requires `assert` for
 *   `assert.ok`; node:assert costs about 4 ms to load.
 * - Each SDK client's runtime config imports `Sha256` from the
 *   `@smithy/core/checksum` barrel, whose CRC-32 module loads node:zlib as
 *   it is initialised. The client gets the same Sha256Node class.
 * - The SDK's HTTP protocol imports the event-stream codec (15 KiB) for
 *   operations that stream; none of those the functions call does. The
 *   stand-in fails the import with a message that says so.
 * - The X-Ray SDK's middleware starts on the centralised sampler (12 KiB
 *   with its pollers); in Lambda the SDK swaps it for the local sampler as
 *   it loads, so the bundles get the local sampler from the start.
 * Every byte of a bundle costs cold start, used or not: parsing 300 KiB
 * of minified code takes about 20 ms on a 2-core machine.
 * The stand-ins are in infra/shims, or above when they are a line or two;
 * test/infra/esbuild-plugins.test.ts checks that every rule still matches
 * the dependencies it was written for, and that the stand-ins behave as
 * the originals do.
 */
const narrowedImports = [
  {
    name: 'semver for the X-Ray SDK v2 patcher',
    path: 'semver',
    importer:
      /[\\/]aws-xray-sdk-core[\\/]dist[\\/]lib[\\/]patchers[\\/]aws_p\.js$/,
    resolve: () => ({ path: join(__dirname, 'shims/semver-gte.cjs') }),
  },
  {
    name: 'assert for cls-hooked',
    path: 'assert',
    importer: /[\\/]cls-hooked[\\/]context\.js$/,
    resolve: () => ({ path: join(__dirname, 'shims/assert-ok.cjs') }),
  },
  {
    name: 'Sha256 for the SDK clients',
    path: '@smithy/core/checksum',
    importer:
      /[\\/]@aws-sdk[\\/]client-[a-z0-9-]+[\\/]dist-es[\\/]runtimeConfig\.shared\.js$/,
    resolve: async (build, args) => {
      const barrel = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: { narrowed: true },
      });
      const sha256 = join(dirname(barrel.path), 'sha256', 'Sha256Node.js');
      if (barrel.errors.length > 0 || !existsSync(sha256)) return undefined;
      return {
        path: sha256,
        namespace: 'narrowed-import',
        pluginData: {
          contents: `export { Sha256Node as Sha256 } from ${JSON.stringify(sha256)};`,
        },
      };
    },
  },
  {
    name: 'event streams for the SDK protocol',
    path: '@smithy/core/event-streams',
    importer:
      /[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]protocols[\\/]HttpProtocol\.js$/,
    resolve: () => ({
      path: 'event-streams',
      namespace: 'narrowed-import',
      pluginData: { contents: eventStreamsStandIn },
    }),
  },
  {
    name: 'the local sampler for the X-Ray middleware',
    path: './sampling/default_sampler',
    importer:
      /[\\/]aws-xray-sdk-core[\\/]dist[\\/]lib[\\/]middleware[\\/]mw_utils\.js$/,
    resolve: (build, args) =>
      build.resolve('./sampling/local_sampler', {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: { narrowed: true },
      }),
  },
];

/** Narrowed imports met by the builds of this process, by rule name. */
const narrowedImportsMet = new Set();

const narrowImports = {
  name: 'narrow-imports',
  setup(build) {
    for (const rule of narrowedImports) {
      const exact = new RegExp(
        `^${rule.path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`,
      );
      build.onResolve({ filter: exact }, async (args) => {
        if (args.pluginData?.narrowed || !rule.importer.test(args.importer)) {
          return undefined;
        }
        const result = await rule.resolve(build, args);
        if (result !== undefined) narrowedImportsMet.add(rule.name);
        return result;
      });
    }
    build.onLoad({ filter: /.*/, namespace: 'narrowed-import' }, (args) => ({
      contents: args.pluginData.contents,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

module.exports = [narrowImports, requireNodeBuiltins];
module.exports.narrowedImports = narrowedImports;
module.exports.narrowedImportsMet = narrowedImportsMet;
