import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveProcesses, waitUntilReady } from '#test/helpers/serve-process.ts';

const { newDirectory, serve } = serveProcesses('serve-e2e-');

const createGroup = async (apiUrl: string, name: string) => {
  const response = await fetch(`${apiUrl}/dataset-groups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  return { status: response.status, body: await response.json() };
};

const groupNames = async (apiUrl: string): Promise<string[]> => {
  const response = await fetch(`${apiUrl}/dataset-groups`);
  const { datasetGroups } = (await response.json()) as {
    datasetGroups: Array<{ name: string }>;
  };
  return datasetGroups.map((group) => group.name).sort();
};

describe('npm run local', () => {
  it('serves two stacks side by side on free ports, each with its own state', async () => {
    // Prepare
    const [first, second] = [newDirectory(), newDirectory()];
    const a = serve(['--dir', first, '--port-base', '0']);
    const b = serve(['--dir', second, '--port-base', '0']);
    const [stackA, stackB] = await Promise.all([
      waitUntilReady(a, first),
      waitUntilReady(b, second),
    ]);

    // Act
    const created = await Promise.all([
      createGroup(stackA.apiUrl, 'tenant-a'),
      createGroup(stackB.apiUrl, 'tenant-b'),
    ]);

    // Assess
    expect(created.map(({ status }) => status)).toEqual([202, 202]);
    expect(new Set(Object.values(stackA.ports))).not.toContain(0);
    expect(
      Object.values(stackA.ports).filter((port) =>
        Object.values(stackB.ports).includes(port),
      ),
    ).toEqual([]);
    expect(a.output()).toContain(`HTTP API        ${stackA.apiUrl}`);
    expect(a.output()).toContain(
      `Console         ${stackA.consoleUrl}  (open it in a browser)`,
    );
    expect(stackA.consoleUrl).not.toBe(stackB.consoleUrl);
    expect(await groupNames(stackA.apiUrl)).toEqual(['tenant-a']);
    expect(await groupNames(stackB.apiUrl)).toEqual(['tenant-b']);
  });

  it('refuses a second start from the same directory in one line and leaves the first stack be', async () => {
    // Prepare
    const directory = newDirectory();
    const first = serve(['--dir', directory, '--port-base', '0']);
    const stack = await waitUntilReady(first, directory);
    await createGroup(stack.apiUrl, 'tenant-a');
    const stackFileBefore = readFileSync(join(directory, 'stack.json'), 'utf8');
    const databaseBefore = statSync(join(directory, 'stack.db')).size;

    // Act
    const second = serve(['--dir', directory, '--port-base', '0']);
    const code = await second.exited;

    // Assess
    expect(code).toBe(1);
    expect(second.output().trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^A local stack is already running from ${directory} \\(pid ${first.child.pid}, HTTP API ${stack.apiUrl}\\): stop it, or start another one with its own directory and ports`,
        ),
      ),
    ]);
    expect(readFileSync(join(directory, 'stack.json'), 'utf8')).toBe(
      stackFileBefore,
    );
    expect(statSync(join(directory, 'stack.db')).size).toBe(databaseBefore);
    expect(await groupNames(stack.apiUrl)).toEqual(['tenant-a']);
  });

  it('says which port is taken, by whom, and the flag to use', async () => {
    // Prepare
    const [first, second] = [newDirectory(), newDirectory()];
    const a = serve(['--dir', first, '--port-base', '0']);
    const stack = await waitUntilReady(a, first);

    // Act
    const b = serve([
      '--dir',
      second,
      '--port-base',
      '0',
      '--eventbridge-port',
      String(stack.ports.eventBridge),
    ]);
    const code = await b.exited;

    // Assess
    expect(code).toBe(1);
    expect(b.output().trim()).toMatch(
      new RegExp(
        `^Port ${stack.ports.eventBridge} \\(EventBridge\\) is in use by pid ${a.child.pid} \\(.*serve\\.ts --dir ${first} --port-base 0\\): choose another with --eventbridge-port N, or --port-base 0 for free ports$`,
      ),
    );
    expect(existsSync(join(second, 'stack.json'))).toBe(false);
  });
});
