import {
  type CommandName,
  commandNames,
  commandSpecs,
  commonOptions,
  flagOf,
  type OptionName,
  optionSpecs,
  targetOptions,
} from './command-specs.ts';

export const binName = 'personalize-dataset-groups';
const width = 80;
const flagColumn = 26;

/** `text` in lines of at most `width - indent`, each after `indent` spaces. */
const wrap = (text: string, indent: number, first = indent): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const room = width - (lines.length === 0 ? first : indent);
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((each, index) =>
    index === 0 ? each : `${' '.repeat(indent)}${each}`,
  );
};

const flagLabel = (option: OptionName): string => {
  const short: string | undefined = (optionSpecs[option] as { short?: string })
    .short;
  return short === undefined ? flagOf(option) : `${flagOf(option)}, -${short}`;
};

const optionLines = (
  options: readonly OptionName[],
  help: Partial<Record<OptionName, string>> = {},
): string[] =>
  options.flatMap((option) => {
    const label = `  ${flagLabel(option)}`;
    const [first = '', ...rest] = wrap(
      help[option] ?? optionSpecs[option].help,
      flagColumn,
    );
    return label.length < flagColumn - 1
      ? [label.padEnd(flagColumn) + first, ...rest]
      : [label, ' '.repeat(flagColumn) + first, ...rest];
  });

const synopsis = (command: CommandName): string => {
  const operand = commandSpecs[command].operand;
  return `${command}${operand === undefined ? '' : ` ${operand}`}`;
};

const exitLines = (text: string) => wrap(`Exit status: ${text}.`, 2, 0);

/** The help of one command: exactly the flags it takes. */
export const commandUsage = (command: CommandName): string => {
  const spec = commandSpecs[command];
  return [
    `Usage: ${binName} ${synopsis(command)} [options]`,
    `       (or: npm run cli -- ${synopsis(command)} [options])`,
    '',
    ...wrap(spec.description, 0),
    '',
    'Options:',
    ...optionLines(spec.options, spec.optionHelp),
    ...(spec.targeted
      ? [
          '',
          'Target (default: the local stack that "npm run local" serves):',
          ...optionLines(targetOptions),
        ]
      : []),
    '',
    ...optionLines(commonOptions),
    '',
    ...exitLines(spec.exitStatus),
  ].join('\n');
};

/** The overview: every command, the target flags, the exit statuses. */
export const cliUsage = [
  `Usage: ${binName} <command> [options]`,
  '       (or: npm run cli -- <command> [options])',
  '',
  'Commands:',
  ...commandNames.map(
    (command) =>
      `  ${synopsis(command).padEnd(16)}${commandSpecs[command].summary}`,
  ),
  '',
  `"${binName} <command> --help" lists the options of a command.`,
  '',
  'Target of every command but events (default: the local stack that',
  '"npm run local" serves):',
  ...optionLines(targetOptions),
  '',
  ...optionLines(commonOptions),
  '',
  ...exitLines(
    '0 success, 1 the workflow failed or the request could not be served, 2 usage (a command, a flag or a request rejected before anything is sent), 130 Ctrl-C while following',
  ),
].join('\n');
