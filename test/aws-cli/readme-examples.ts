import { readFileSync } from 'node:fs';

/** The AWS CLI examples of a README section, as a shell would read them. */
export interface ReadmeAwsExamples {
  /** The `export …` lines that come before the commands. */
  exports: string[];
  /** Each `aws …` command, continuation lines joined. */
  commands: string[];
  /**
   * The lines of the first `text` block after the commands, each with its
   * runs of blanks made one space.
   */
  output: string[];
}

export const readmePath = new URL('../../README.md', import.meta.url);

const codeBlock = /^```(\w*)\n([\s\S]*?)^```$/gm;

/** Lines of a shell snippet with `\` continuations joined. */
const logicalLines = (snippet: string): string[] =>
  snippet
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

/** `line` trimmed, with each run of blanks (tabs too) made one space. */
export const oneSpaced = (line: string): string =>
  line.trim().split(/\s+/).join(' ');

/**
 * The `sh` block of the section `## <section>` (up to the next `## `)
 * that holds `aws` commands, and the `text` block that follows it.
 */
export const readmeAwsExamples = (
  markdown: string,
  section: string,
): ReadmeAwsExamples => {
  const start = markdown.indexOf(`\n## ${section}\n`);
  if (start < 0) throw new Error(`README has no section "## ${section}"`);
  const end = markdown.indexOf('\n## ', start + 1);
  const text = markdown.slice(start, end < 0 ? undefined : end);
  const blocks = [...text.matchAll(codeBlock)].map((match) => ({
    language: match[1] ?? '',
    body: match[2] ?? '',
    lines: logicalLines(match[2] ?? ''),
  }));
  const index = blocks.findIndex(
    (block) =>
      block.language === 'sh' &&
      block.lines.some((line) => line.startsWith('aws ')),
  );
  const examples = blocks[index];
  if (examples === undefined) {
    throw new Error(`README section "${section}" has no aws example`);
  }
  const output = blocks
    .slice(index + 1)
    .find((block) => block.language === 'text');
  return {
    exports: examples.lines.filter((line) => line.startsWith('export ')),
    commands: examples.lines.filter((line) => line.startsWith('aws ')),
    output: (output?.body ?? '')
      .split('\n')
      .map(oneSpaced)
      .filter((line) => line !== ''),
  };
};

export const readReadme = (): string => readFileSync(readmePath, 'utf8');
