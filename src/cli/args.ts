/** Command-line arguments of the ledger commands: parsed strictly, a mistake is a `UsageError`. */
import { parseArgs } from 'node:util';

/** A wrong command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses `argv` for the given string and boolean options (`--name value`, `--flag`). */
export function parseCommandArgs(
  argv: readonly string[],
  strings: readonly string[],
  booleans: readonly string[],
  maxPositionals: number,
): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const name of strings) options[name] = { type: 'string' };
  for (const name of booleans) options[name] = { type: 'boolean' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new UsageError(text.split('\n')[0]!.slice(0, 200));
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(
      `unexpected argument ${JSON.stringify(parsed.positionals[maxPositionals]!.slice(0, 80))}`,
    );
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}

const DURATION = /^(\d{1,6})(m|h|d)$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `--since`: an ISO date (`2026-11-30`, `2026-11-30T12:00Z`) or a duration back from now (`30m`, `24h`, `7d`). */
export function parseSince(value: string, now = Date.now()): Date {
  const duration = DURATION.exec(value);
  if (duration !== null) {
    return new Date(now - Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS]);
  }
  if (/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new UsageError(
    `--since must be a date like 2026-11-30 or a duration like 24h or 7d, not ${JSON.stringify(value.slice(0, 40))}`,
  );
}

/** `--status`: a STATUS code (`9`) or an outcome name (`paid`, `refund-pending`). */
export function parseStatus(value: string, outcomes: readonly string[]): number | string {
  if (/^\d{1,3}$/.test(value)) return Number(value);
  if (outcomes.includes(value)) return value;
  throw new UsageError(`--status must be a STATUS code like 9 or one of: ${outcomes.join(', ')}`);
}

/** `--limit`: 1 to 10 000. */
export function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 10_000) {
    throw new UsageError('--limit must be a whole number from 1 to 10000');
  }
  return Number(value);
}
