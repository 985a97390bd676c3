// The esbuild options of the Lambda bundles: serverless.yml points
// serverless-esbuild here (custom.esbuild.config), and the bundle tests
// (test/infra/lambda-bundles.test.ts) build with the same options.
const { join } = require('node:path');
const plugins = require('./esbuild-plugins.cjs');

/** What esbuild itself reads. */
const esbuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  mainFields: ['module', 'main'],
  // In Lambda the credentials are in the environment: skip the chain.
  alias: {
    '@aws-sdk/credential-provider-node': join(
      __dirname,
      '../functions/commons/clients/lambda-credential-provider.ts',
    ),
  },
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  // Node built-ins are required, not imported, and a few imports are
  // narrowed to what their importer uses (see the file).
  plugins,
};

/** serverless-esbuild's config: esbuild's options and its own. */
module.exports = () => ({
  ...esbuildOptions,
  outputFileExtension: '.mjs',
  // The SDK is bundled (measured faster to import than the runtime's copy).
  exclude: [],
});
module.exports.esbuildOptions = esbuildOptions;
