import type { CliOptions } from '../cli-options.ts';
import {
  describeEvent,
  type LoggedEvent,
  readStackEvents,
} from '../follow-events.ts';
import type { Target } from '../target.ts';
import { type CliIo, interruptedExitStatus } from './cli-io.ts';

/**
 * events: the local stack's lifecycle events, one a line; with --json one
 * JSON array, or with --follow --json one JSON object a line (a stream
 * has no end to close an array at).
 */
export const showEvents = async (
  options: CliOptions,
  target: Target,
  io: CliIo,
): Promise<number> => {
  if (target.events === undefined) {
    io.err(
      'This local stack keeps no events (its stack.json names no databaseFile)',
    );
    return 1;
  }
  const collected: LoggedEvent[] = [];
  const count = await readStackEvents(target.events.databaseFile, {
    busName: target.events.busName,
    follow: options.follow,
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(io.signal === undefined ? {} : { signal: io.signal }),
    onEvent: (event) => {
      if (!options.json) io.out(describeEvent(event));
      else if (options.follow) io.out(JSON.stringify(event));
      else collected.push(event);
    },
  });
  if (options.json && !options.follow) {
    io.out(JSON.stringify(collected, null, 2));
  }
  if (count === 0 && !options.json) io.err('No events yet');
  return options.follow && io.signal?.aborted ? interruptedExitStatus : 0;
};
