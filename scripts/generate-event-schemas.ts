/**
 * Writes the JSON Schema of every event detail (see
 * functions/commons/events/registry.ts) to schemas/events/.
 *
 *   node scripts/generate-event-schemas.ts          write the files
 *   node scripts/generate-event-schemas.ts --check  exit 1 if a committed
 *                                                   file is missing or differs
 *
 * Only the current version of each detail is generated; files of earlier
 * versions are left alone, since published versions never change.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  eventJsonSchemaFiles,
  eventSchemaDirectory,
} from '#commons/events/json-schema.ts';

const repositoryRoot = join(import.meta.dirname, '..');
const directory = join(repositoryRoot, eventSchemaDirectory);
const print = (line: string) => process.stdout.write(`${line}\n`);

const readIfPresent = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

const main = (argv: readonly string[]): number => {
  const unknown = argv.filter((argument) => argument !== '--check');
  if (unknown.length > 0) {
    print(`Unknown argument(s): ${unknown.join(' ')}`);
    print('Usage: node scripts/generate-event-schemas.ts [--check]');
    return 2;
  }
  const check = argv.includes('--check');
  const files = eventJsonSchemaFiles();

  if (check) {
    const stale = files.filter(
      (file) => readIfPresent(join(directory, file.fileName)) !== file.content,
    );
    for (const file of stale) {
      print(`${eventSchemaDirectory}/${file.fileName} is missing or stale`);
    }
    if (stale.length > 0) {
      print('Run: node scripts/generate-event-schemas.ts');
      return 1;
    }
    print(`${files.length} event schemas are up to date`);
    return 0;
  }

  mkdirSync(directory, { recursive: true });
  for (const file of files) {
    const path = join(directory, file.fileName);
    const changed = readIfPresent(path) !== file.content;
    if (changed) writeFileSync(path, file.content);
    print(
      `${changed ? 'wrote    ' : 'unchanged'} ${eventSchemaDirectory}/${file.fileName}`,
    );
  }
  return 0;
};

process.exitCode = main(process.argv.slice(2));
