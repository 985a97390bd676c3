import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const plugins = createRequire(import.meta.url)(
  '../../infra/esbuild-plugins.cjs',
) as Plugin[];

const banner =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** Internal modules a fresh process loads while importing `file`. */
const modulesLoadedBy = (file: string): string[] => {
  const probe = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const before = new Set(process.moduleLoadList);
       const module = await import(${JSON.stringify(pathToFileURL(file).href)});
       if (typeof module.statusText(404) !== 'string') process.exit(3);
       console.log(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m))));`,
    ],
    { encoding: 'utf8' },
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

  it('require Node built-ins instead of importing them', () => {
    expect(readFileSync(plain, 'utf8')).toMatch(/from\s*"node:http"/);
    const code = readFileSync(withPlugins, 'utf8');
    expect(code).not.toMatch(/from\s*"node:http"/);
    expect(code).toMatch(/require\("node:http"\)/);
  });

  it('so importing node:http no longer loads undici (the cost they remove)', () => {
    expect(modulesLoadedBy(plain).some((m) => m.includes('undici'))).toBe(true);
    expect(modulesLoadedBy(withPlugins).some((m) => m.includes('undici'))).toBe(
      false,
    );
  });
});
