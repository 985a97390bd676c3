import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const plugins = require('../../infra/esbuild-plugins.cjs') as Plugin[] & {
  narrowedImports: Array<{ name: string }>;
  narrowedImportsMet: Set<string>;
};
const { esbuildOptions } = require('../../infra/esbuild.config.cjs') as {
  esbuildOptions: BuildOptions;
};
const semverGte = require('../../infra/shims/semver-gte.cjs') as {
  gte: (left: string, right: string) => boolean;
};
const assertOk = require('../../infra/shims/assert-ok.cjs') as {
  ok: (value: unknown, message?: string) => void;
};
/** The semver the X-Ray SDK's patcher would load without the plugin. */
const semver = createRequire(require.resolve('aws-xray-sdk-core'))(
  'semver',
) as { gte: (left: string, right: string) => boolean };

const repositoryRoot = join(import.meta.dirname, '../..');

const banner =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * Internal modules a fresh process loads while importing `file`, in the
 * environment the functions read as they load.
 */
const modulesLoadedBy = (file: string): string[] => {
  const probe = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const before = new Set(process.moduleLoadList);
       await import(${JSON.stringify(pathToFileURL(file).href)});
       console.log(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m))));`,
    ],
    {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'us-east-1',
        STATE_MACHINE_ARN:
          'arn:aws:states:us-east-1:123456789012:stateMachine:bundle-create',
        DELETE_STATE_MACHINE_ARN:
          'arn:aws:states:us-east-1:123456789012:stateMachine:bundle-delete',
        CREATE_DATASETS_STATE_MACHINE_ARN:
          'arn:aws:states:us-east-1:123456789012:stateMachine:bundle-datasets',
      },
    },
  );
  if (probe.status !== 0) throw new Error(probe.stderr);
  return JSON.parse(probe.stdout) as string[];
};

describe('the esbuild plugins of the Lambda bundles', () => {
  const work = mkdtempSync(join(tmpdir(), 'esbuild-plugins-'));
  const entry = join(work, 'entry.ts');
  const bundle = (name: string, withPlugins: boolean) => async () => {
    const outfile = join(work, `${name}.mjs`);
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      banner: { js: banner },
      outfile,
      logLevel: 'silent',
      plugins: withPlugins ? plugins : [],
    });
    return outfile;
  };
  let plain: string;
  let withPlugins: string;

  beforeAll(async () => {
    writeFileSync(
      entry,
      "import { STATUS_CODES } from 'node:http';\nexport const statusText = (code: number) => STATUS_CODES[code];\n",
    );
    plain = await bundle('plain', false)();
    withPlugins = await bundle('with-plugins', true)();
  });

  it('require Node built-ins instead of importing them', async () => {
    expect(readFileSync(plain, 'utf8')).toMatch(/from\s*"node:http"/);
    const code = readFileSync(withPlugins, 'utf8');
    expect(code).not.toMatch(/from\s*"node:http"/);
    expect(code).toMatch(/require\("node:http"\)/);
    const { statusText } = await import(pathToFileURL(withPlugins).href);
    expect(statusText(404)).toBe('Not Found');
  });

  it('so importing node:http no longer loads undici (the cost they remove)', () => {
    expect(modulesLoadedBy(plain).some((m) => m.includes('undici'))).toBe(true);
    expect(modulesLoadedBy(withPlugins).some((m) => m.includes('undici'))).toBe(
      false,
    );
  });
});

describe('the narrowed imports of the Lambda bundles', () => {
  const work = mkdtempSync(join(tmpdir(), 'narrowed-imports-'));
  const functions = readdirSync(join(repositoryRoot, 'functions')).filter(
    (file) => file.endsWith('.ts'),
  );
  const bundles: string[] = [];

  beforeAll(async () => {
    plugins.narrowedImportsMet.clear();
    for (const file of functions) {
      const outfile = join(work, file.replace(/\.ts$/, '.mjs'));
      await build({
        ...esbuildOptions,
        absWorkingDir: repositoryRoot,
        entryPoints: [join(repositoryRoot, 'functions', file)],
        outfile,
        logLevel: 'silent',
      });
      bundles.push(outfile);
    }
  }, 60_000);

  it('each still matches the dependencies it was written for', () => {
    expect([...plugins.narrowedImportsMet].sort()).toEqual(
      plugins.narrowedImports.map((rule) => rule.name).sort(),
    );
  });

  it('leave semver out of every bundle', () => {
    for (const bundle of bundles) {
      expect(readFileSync(bundle, 'utf8')).not.toContain('SEMVER_SPEC_VERSION');
    }
  });

  it('so no bundle loads node:assert or node:zlib as it is imported', () => {
    const loaded = modulesLoadedBy(bundles[0] as string);
    expect(loaded).toContain('NativeModule https');
    for (const bundle of bundles) {
      const modules = modulesLoadedBy(bundle);
      expect(modules).not.toContain('NativeModule assert');
      expect(modules).not.toContain('NativeModule zlib');
    }
  });

  it.each([
    ['2.1693.0', '2.0.0'],
    ['2.0.0', '2.1693.0'],
    ['1.2.3', '1.2.3'],
    ['v1.10.0', '1.9.9'],
    ['1.2.3-beta.2', '1.2.3-beta.10'],
    ['1.2.3-beta', '1.2.3'],
    ['1.2.3', '1.2.3-rc.1'],
    ['1.2.3-alpha.1', '1.2.3-alpha'],
    ['1.2.3-1', '1.2.3-alpha'],
    ['1.2.3+build.7', '1.2.3'],
    ['10.0.0', '9.99.99'],
  ])('the semver stand-in orders %s ≥ %s as semver does', (left, right) => {
    expect(semverGte.gte(left, right)).toBe(semver.gte(left, right));
  });

  it('the semver stand-in refuses what is not a version, as semver does', () => {
    expect(() => semver.gte('not.a.version', '1.0.0')).toThrow(TypeError);
    expect(() => semverGte.gte('not.a.version', '1.0.0')).toThrow(TypeError);
  });

  it('the assert stand-in throws an AssertionError on a falsy value only', () => {
    expect(() => assertOk.ok(1, 'never')).not.toThrow();
    expect(() => assertOk.ok(0, 'context must be provided')).toThrow(
      expect.objectContaining({
        name: 'AssertionError',
        code: 'ERR_ASSERTION',
        message: 'context must be provided',
      }),
    );
  });

  it('the event-stream stand-in fails the import, saying why', async () => {
    const outfile = join(work, 'event-streams.mjs');
    await build({
      ...esbuildOptions,
      absWorkingDir: repositoryRoot,
      stdin: {
        contents: `import { AwsJson1_1Protocol } from '@aws-sdk/core/protocols';
          export const loadEventStreams = () =>
            new AwsJson1_1Protocol({ defaultNamespace: 'test', errorTypeRegistries: [], serviceTarget: 'Test' })
              .loadEventStreamCapability();`,
        resolveDir: repositoryRoot,
        loader: 'ts',
      },
      outfile,
      logLevel: 'silent',
    });

    const { loadEventStreams } = await import(pathToFileURL(outfile).href);

    await expect(loadEventStreams()).rejects.toThrow(
      /Event streams are not bundled in this function/,
    );
  });
});
