import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStackFile } from '#local/commands/serve/stack-file.ts';
import { repositoryRoot, spawnServe } from '#test/helpers/serve-process.ts';
import { oneSpaced, readReadme } from './readme-examples.ts';

const execFileAsync = promisify(execFile);
const heading = '#### A cascade delete on the local stack, step by step';

/** The first sh block after the heading, and the text block after it. */
const walkthrough = () => {
  const readme = readReadme();
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}"`);
  const blocks = [
    ...readme.slice(start).matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm),
  ];
  const script = blocks.find((block) => block[1] === 'sh')?.[2];
  const output = blocks.find((block) => block[1] === 'text')?.[2];
  if (script === undefined || output === undefined) {
    throw new Error(`"${heading}" needs an sh block and a text block`);
  }
  return { script, output };
};

/**
 * The README's cascade walkthrough, run as written by bash with the real
 * AWS CLI and `npm run cli` against `npm run local` started as a user
 * starts it (on free ports, in its own directory): only the ports and the
 * stack directory are put in place.
 */
describe('README: a cascade delete on the local stack', () => {
  const directory = mkdtempSync(join(tmpdir(), 'cascade-walkthrough-'));
  const serve = spawnServe(['--dir', directory, '--port-base', '0']);
  let personalizePort = 0;

  beforeAll(async () => {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const stack = (() => {
        try {
          return readStackFile(directory);
        } catch {
          return undefined;
        }
      })();
      if (stack?.state === 'ready' && stack.ports !== undefined) {
        personalizePort = stack.ports.personalize;
        return;
      }
      await sleep(100);
    }
    throw new Error(`npm run local did not start: ${serve.output()}`);
  });

  afterAll(async () => {
    serve.child.kill('SIGINT');
    await serve.exited;
    rmSync(directory, { recursive: true, force: true });
  });

  it('creates, seeds and tears down the group, printing what it deleted', async () => {
    // Prepare
    const { script, output } = walkthrough();
    const runnable = [
      `cli() { node ${join(repositoryRoot, 'cli/main.ts')} "$@" --local-dir ${directory}; }`,
      script
        .replaceAll(
          'http://127.0.0.1:4566',
          `http://127.0.0.1:${personalizePort}`,
        )
        .replaceAll('npm run cli -- ', 'cli '),
    ].join('\n');

    // Act
    const run = await execFileAsync('bash', ['-c', runnable], {
      cwd: repositoryRoot,
      env: { PATH: process.env.PATH, HOME: directory },
    }).catch(
      (error: { stdout: string; stderr: string; code: number }) => error,
    );
    const printed = `${run.stdout}\n${run.stderr}`.split('\n').map(oneSpaced);

    // Assess: status exits 1 (the group is gone), so the script does too.
    for (const line of output.split('\n').filter((line) => line !== '')) {
      expect(printed).toContain(oneSpaced(line));
    }
  }, 90_000);
});
