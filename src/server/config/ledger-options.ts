/**
 * The ledger-related options of `createOgoneHandler` (ledger, delivery mode, outbox retries,
 * maximum return age): validated with their own schema, resolved into what the routes read.
 */
import * as z from 'zod';
import { issuePath } from '../../internal/issues.js';
import type { Driver } from '../ledger/drivers/driver.js';
import { driverOf, isLedger, type Ledger } from '../ledger/ledger.js';
import type { OgoneHandlerOptions } from '../types.js';
import { OgoneConfigError } from './config-error.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const count = (min: number, max: number) =>
  z
    .number({ message: 'must be a number' })
    .int({ message: 'must be an integer' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });

const LedgerOptionsSchema = z.object({
  ledger: z
    .custom<Ledger>(isLedger, {
      message: 'must be a ledger from openLedger() (ogone-checkout/ledger)',
    })
    .optional(),
  delivery: z.enum(['outbox', 'sync'], { message: 'must be "outbox" or "sync"' }).default('outbox'),
  outbox: z
    .object(
      {
        maxAttempts: count(1, 1000).default(25),
        retryBaseMs: count(1, DAY_MS).default(1000),
        retryMaxMs: count(1, 7 * DAY_MS).default(60 * 60 * 1000),
        pollIntervalMs: count(10, 10 * 60 * 1000).default(1000),
        leaseMs: count(100, DAY_MS).default(60_000),
        concurrency: count(1, 256).default(8),
        worker: z.boolean({ message: 'must be a boolean' }).default(true),
      },
      { message: 'must be an object' },
    )
    .default({
      maxAttempts: 25,
      retryBaseMs: 1000,
      retryMaxMs: 60 * 60 * 1000,
      pollIntervalMs: 1000,
      leaseMs: 60_000,
      concurrency: 8,
      worker: true,
    }),
  maxReturnAgeDays: z
    .union(
      [
        z.number({ message: 'must be a number of days or false' }).positive().max(3650),
        z.literal(false),
      ],
      {
        message: 'must be a positive number of days or false',
      },
    )
    .default(7),
});

/** The outbox settings, resolved. */
export type OutboxSettings = z.infer<typeof LedgerOptionsSchema>['outbox'];

export interface ResolvedLedgerOptions {
  /** The ledger's driver, `undefined` without a ledger. */
  ledger: Driver | undefined;
  delivery: 'outbox' | 'sync';
  outbox: OutboxSettings;
  /** Oldest return `/verify` shows, in ms (`Infinity`: no limit). */
  maxReturnAgeMs: number;
}

export function resolveLedgerOptions(input: OgoneHandlerOptions): ResolvedLedgerOptions {
  const parsed = LedgerOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OgoneConfigError(issuePath(issue, 'options'), issue.message);
  }
  const { ledger, delivery, outbox, maxReturnAgeDays } = parsed.data;
  return {
    ledger: ledger === undefined ? undefined : driverOf(ledger),
    delivery,
    outbox,
    maxReturnAgeMs: maxReturnAgeDays === false ? Infinity : maxReturnAgeDays * DAY_MS,
  };
}
