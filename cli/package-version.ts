import { readFileSync } from 'node:fs';

interface PackageJson {
  name: string;
  version: string;
}

/** This project's package.json: its name and version. */
export const packageJson = (): PackageJson =>
  JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as PackageJson;
