import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's `chromium` package, unless CHROMIUM_PATH names another. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where each test writes its screenshot (git-ignored). */
export const artifactsDirectory = join(import.meta.dirname, 'artifacts');

/** No Chromium where the browser tests look for it. */
export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(
      `No Chromium at ${path}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
    this.name = 'ChromiumMissingError';
  }
}

export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(chromiumPath)) throw new ChromiumMissingError(chromiumPath);
  mkdirSync(artifactsDirectory, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
};

/** A page of the size the README's screenshot has, its errors collected. */
export const openPage = async (browser: Browser) => {
  const page = await browser.newPage({
    viewport: { width: 1600, height: 1100 },
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
};

/** Writes test/browser/artifacts/NAME.png and returns its path. */
export const screenshot = async (page: Page, name: string) => {
  const path = join(artifactsDirectory, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
};
