// Command lines of both programs (`release-health`, `release-health-server`): what a usage
// problem is, and the strict parse that turns node's own errors into one.
import { parseArgs, type ParseArgsConfig } from 'util';

/** A problem with the command line or its input: exit code 2 with one clear line. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Named options only (no positionals, no unknown option); a mistake is a UsageError. */
export function parseStrictArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
