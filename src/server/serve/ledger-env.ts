/**
 * `serve`'s ledger settings from the environment (`OGONE_DATABASE_URL` and friends), read once
 * with their own schema; and opening the ledger with an error that names the variable.
 */
import * as z from 'zod';
import { issuePath } from '../../internal/issues.js';
import { describeLedgerUrl, openLedger } from '../ledger/open.js';
import type { Ledger } from '../ledger/ledger.js';
import { OgoneLedgerError } from '../ledger/ledger-error.js';

/** Where `serve` keeps its embedded ledger when `OGONE_DATABASE_URL` is not set. */
export const DEFAULT_DATABASE_URL = './.ogone-checkout/ledger';

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, { message: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, {
      message: `must be a whole number from ${min} to ${max}`,
    });

const LedgerEnvSchema = z.object({
  OGONE_DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  OGONE_DATABASE_POOL_SIZE: integer(1, 1000).optional(),
  OGONE_DELIVERY: z
    .enum(['outbox', 'sync'], { message: 'must be outbox or sync' })
    .default('outbox'),
  OGONE_DELIVERY_MAX_ATTEMPTS: integer(1, 1000).optional(),
  OGONE_MAX_RETURN_AGE_DAYS: z
    .string()
    .regex(/^(off|\d{1,4})$/, { message: 'must be a number of days or off' })
    .transform((value) => (value === 'off' ? (false as const) : Number(value)))
    .refine((value) => value === false || value > 0, { message: 'must be at least 1 day, or off' })
    .default(7),
  OGONE_RECONCILE_INTERVAL: z
    .string()
    .regex(/^(off|\d{1,6})$/, { message: 'must be a number of seconds (at least 30) or off' })
    .transform((value) => (value === 'off' ? (false as const) : Number(value)))
    .refine((value) => value === false || value >= 30, {
      message: 'must be at least 30 seconds (Ogone allows one query per payment per 30 s), or off',
    })
    .default(60),
});

export type LedgerEnv = z.infer<typeof LedgerEnvSchema>;

/** The variables, with a line per problem naming the variable. */
export function readLedgerEnv(env: NodeJS.ProcessEnv): LedgerEnv {
  const present: Record<string, string> = {};
  for (const name of Object.keys(LedgerEnvSchema.shape)) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') present[name] = value.trim();
  }
  const parsed = LedgerEnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues
        .map((issue) => `Invalid ${issuePath(issue, 'environment')}: ${issue.message}`)
        .join('\n'),
    );
  }
  return parsed.data;
}

/** `off` runs without a ledger (each feedback straight to the webhook, as before the ledger). */
export function ledgerDisabled(config: LedgerEnv): boolean {
  return config.OGONE_DATABASE_URL.toLowerCase() === 'off';
}

/** Opens the ledger; a failure becomes one line naming `OGONE_DATABASE_URL`. */
export async function openServeLedger(config: LedgerEnv): Promise<Ledger> {
  try {
    return await openLedger(config.OGONE_DATABASE_URL, {
      poolSize: config.OGONE_DATABASE_POOL_SIZE,
    });
  } catch (error) {
    const reason = error instanceof OgoneLedgerError ? error.message : String(error);
    throw new Error(
      `Invalid OGONE_DATABASE_URL (${describeLedgerUrl(config.OGONE_DATABASE_URL)}): ${reason}`,
    );
  }
}
