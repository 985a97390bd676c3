import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The page's own files, as shipped in the repository (no build). */
export const pageDirectory = join(import.meta.dirname, 'page');

export interface StaticFile {
  file: string;
  contentType: string;
}

/**
 * Every file the console serves, by URL path: `/` the page, `/page/NAME`
 * its modules and stylesheet, `/vendor/elk.bundled.js` the layout
 * library's browser bundle as its npm package installs it.
 */
export const staticFiles = (): ReadonlyMap<string, StaticFile> => {
  const files = new Map<string, StaticFile>();
  for (const name of readdirSync(pageDirectory)) {
    const contentType = contentTypes[extname(name)];
    if (contentType === undefined) continue;
    files.set(`/page/${name}`, {
      file: join(pageDirectory, name),
      contentType,
    });
  }
  files.set('/', {
    file: join(pageDirectory, 'index.html'),
    contentType: contentTypes['.html'] ?? 'text/html',
  });
  const require = createRequire(import.meta.url);
  files.set('/vendor/elk.bundled.js', {
    file: require.resolve('elkjs/lib/elk.bundled.js'),
    contentType: contentTypes['.js'] ?? 'text/javascript',
  });
  return files;
};
