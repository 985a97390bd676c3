import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LocalServer,
  startLocalServer,
} from '#local/commands/serve/local-server.ts';
import { postAwsJson } from '#test/helpers/post-aws-json.ts';
import {
  repositoryRoot,
  spawnServe,
  stopServe,
  waitUntilReady,
} from '#test/helpers/serve-process.ts';
import { launchChromium, openPage, screenshot } from './chromium.ts';

/**
 * The console in headless Chromium against a live local stack: the one
 * `npm run local` starts (as a user does), and one booted in-process with
 * a slower emulated lifecycle so that a run stays RUNNING long enough to
 * be seen. UPDATE_README_SCREENSHOT=1 copies the screenshot of a
 * `npm run cli -- create acme` run to docs/console.png.
 */
const execFileAsync = promisify(execFile);
const readmeScreenshot = join(repositoryRoot, 'docs/console.png');

describe('local console in Chromium', () => {
  let browser: Browser;
  let server: LocalServer;
  let consoleUrl: string;

  const createGroup = async (name: string) => {
    const response = await fetch(
      `${server.description.apiUrl}/dataset-groups`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      },
    );
    expect(response.status).toBe(202);
    return (await response.json()) as { executionArn: string };
  };

  beforeAll(async () => {
    browser = await launchChromium();
    server = await startLocalServer({
      ports: {
        api: 0,
        stepFunctions: 0,
        eventBridge: 0,
        personalize: 0,
        console: 0,
      },
      waitMs: 250,
      retryMs: 50,
      emulator: {
        quota: 50,
        lifecycle: { pendingMs: 1500, inProgressMs: 2000, deleteMs: 200 },
      },
    });
    consoleUrl = server.description.consoleUrl;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a creation RUNNING, then SUCCEEDED with its path highlighted', async () => {
    // Prepare
    const { page, errors } = await openPage(browser);
    await page.goto(consoleUrl);
    await page.locator('svg.graph g[data-state="ShapeState"]').waitFor();

    // Act
    const { executionArn } = await createGroup('browser-running');

    // Assess
    const status = page.locator('#execution-status');
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toBe('RUNNING');
    await expect
      .poll(
        () =>
          page
            .locator('svg.graph g.state[data-status="running"]')
            .getAttribute('data-state'),
        { timeout: 10_000 },
      )
      .toMatch(/^(DescribeDatasetGroup|CreateDatasetGroup)$/);
    await screenshot(page, 'creation-running');
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toBe('SUCCEEDED');
    const statusOf = (state: string) =>
      page
        .locator(`svg.graph g.state[data-state="${state}"]`)
        .getAttribute('data-status');
    for (const state of [
      'ShapeState',
      'CreateDatasetGroup',
      'PublishCreationStarted',
      'DescribeDatasetGroup',
      'IsDatasetGroupSettled',
      'PublishDatasetGroupCreated',
    ]) {
      expect(await statusOf(state), state).toBe('succeeded');
    }
    expect(await statusOf('FailCreation')).toBe('unvisited');
    expect(
      await page
        .locator(
          'svg.graph g.edge--taken[data-from="IsDatasetGroupSettled"][data-to="PublishDatasetGroupCreated"]',
        )
        .count(),
    ).toBe(1);
    expect(
      await page
        .locator('svg.graph g.edge--taken[data-to="UseProgressError"]')
        .count(),
    ).toBe(0);
    expect(await page.locator('#execution-name').textContent()).toBe(
      executionArn.split(':').at(-1),
    );
    await screenshot(page, 'creation-succeeded');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the failing state of a failed run and its error', async () => {
    // Prepare
    const started = await postAwsJson(
      server.description.stepFunctionsEndpoint,
      'AWSStepFunctions.StartExecution',
      JSON.stringify({
        stateMachineArn: server.description.createStateMachineArn,
        name: 'browser-bad-name',
        input: JSON.stringify({ name: 'bad name!' }),
      }),
      'application/x-amz-json-1.0',
    );
    const executionArn = String(started.body.executionArn);
    const { page, errors } = await openPage(browser);

    // Act
    await page.goto(
      `${consoleUrl}/?execution=${encodeURIComponent(executionArn)}`,
    );

    // Assess
    const failure = page.locator('#execution-error');
    await failure.waitFor({ timeout: 10_000 });
    expect(await failure.textContent()).toContain(
      'InvalidDatasetGroupRequestError in FailCreation',
    );
    expect(await failure.textContent()).toContain(
      'name: must start with a letter or digit',
    );
    expect(await page.locator('#execution-status').textContent()).toBe(
      'FAILED',
    );
    const statusOf = (state: string) =>
      page
        .locator(`svg.graph g.state[data-state="${state}"]`)
        .getAttribute('data-status');
    expect(await statusOf('FailCreation')).toBe('failed');
    expect(await statusOf('CreateDatasetGroup')).toBe('caught');
    expect(
      await page
        .locator(
          'svg.graph g.edge--taken[data-kind="catch"][data-from="CreateDatasetGroup"]',
        )
        .count(),
    ).toBe(1);
    const state = page.locator('#state');
    expect(await state.locator('h3').textContent()).toContain('FailCreation');
    expect(await state.locator('.state-error').textContent()).toContain(
      'InvalidDatasetGroupRequestError',
    );
    await screenshot(page, 'failed-run');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds the events of the bus to the list as they arrive, without a reload', async () => {
    // Prepare
    const { page, errors } = await openPage(browser);
    await page.goto(consoleUrl);
    await page.locator('#events').waitFor();
    await page.evaluate(() => {
      (globalThis as unknown as { loadedOnce: boolean }).loadedOnce = true;
    });
    const rows = page.locator('#events tr', { hasText: 'browser-events' });
    expect(await rows.count()).toBe(0);

    // Act
    await createGroup('browser-events');

    // Assess
    await expect
      .poll(() => rows.allTextContents(), { timeout: 20_000 })
      .toEqual([
        expect.stringContaining('Dataset Group Created'),
        expect.stringContaining('Dataset Group Creation Started'),
      ]);
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { loadedOnce?: boolean }).loadedOnce,
      ),
    ).toBe(true);
    await screenshot(page, 'events-live');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    [
      'unknown-execution',
      'arn:aws:states:us-east-1:000000000000:execution:create-dataset-group:no-such-run',
      'Execution arn:aws:states:us-east-1:000000000000:execution:create-dataset-group:no-such-run does not exist on this stack (ExecutionDoesNotExist)',
    ],
    [
      'not-an-arn',
      'no-such-run',
      '"no-such-run" in the address is not an execution ARN',
    ],
  ])(
    'says clearly what is wrong with an execution in the address (%s)',
    async (name, execution, message) => {
      // Prepare
      const { page, errors } = await openPage(browser);

      // Act
      await page.goto(
        `${consoleUrl}/?execution=${encodeURIComponent(execution)}`,
      );

      // Assess
      const banner = page.locator('#message');
      await expect
        .poll(() => banner.textContent(), { timeout: 10_000 })
        .toContain(message);
      expect(await banner.isVisible()).toBe(true);
      await page.locator('svg.graph g[data-state="ShapeState"]').waitFor();
      expect(await page.locator('#execution-status').count()).toBe(0);
      await screenshot(page, `bad-address-${name}`);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('opens at the address npm run local prints and follows npm run cli -- create acme', async () => {
    // Prepare
    const directory = mkdtempSync(join(tmpdir(), 'console-browser-'));
    const serve = spawnServe(['--dir', directory, '--port-base', '0']);
    try {
      const stack = await waitUntilReady(serve, directory);
      const printed =
        /Console {9}(http:\/\/127\.0\.0\.1:\d+) {2}\(open it in a browser\)/.exec(
          serve.output(),
        )?.[1];
      expect(printed).toBe(stack.consoleUrl);
      const { page, errors } = await openPage(browser);
      await page.goto(String(printed));
      await page.locator('svg.graph g[data-state="ShapeState"]').waitFor();

      // Act
      const { stdout } = await execFileAsync(
        process.execPath,
        [
          join(repositoryRoot, 'cli/main.ts'),
          'create',
          'acme',
          '--local-dir',
          directory,
        ],
        { cwd: repositoryRoot },
      );

      // Assess
      expect(stdout).toContain('Dataset group acme is ACTIVE');
      await expect
        .poll(() => page.locator('#execution-status').textContent(), {
          timeout: 10_000,
        })
        .toBe('SUCCEEDED');
      expect(
        await page
          .locator('svg.graph g.state[data-state="PublishDatasetGroupCreated"]')
          .getAttribute('data-status'),
      ).toBe('succeeded');
      await page
        .locator('#groups li[data-group="acme"]', { hasText: 'ACTIVE' })
        .waitFor({ timeout: 10_000 });
      await page.locator('#events tr', { hasText: 'acme' }).first().waitFor();
      await page
        .locator('svg.graph g[data-state="DescribeDatasetGroup"]')
        .click();
      await page
        .locator('#state h3', { hasText: 'DescribeDatasetGroup' })
        .waitFor();
      const path = await screenshot(page, 'cli-create-acme');
      if (process.env.UPDATE_README_SCREENSHOT === '1') {
        copyFileSync(path, readmeScreenshot);
      }
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await stopServe(serve);
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
