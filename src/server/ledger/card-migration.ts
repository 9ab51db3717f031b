/**
 * Moving a ledger's saved cards between providers (`ogone-checkout migrate-to-worldline-direct`):
 * a legacy Ogone alias is used verbatim as a Worldline Direct token (Odoo's migration moves its
 * token records unchanged), so a card moves by its `provider` column alone, in one transaction.
 * An alias the platform cannot take as a token (over 50 characters, or a space or comma: OAS
 * `tokenIdInput`; Gap 4 says which aliases are accepted is unconfirmed) stays where it is and is
 * counted. Back: only cards saved by an Ogone payment go back (a Worldline token is no alias).
 */
import type { Driver } from './drivers/driver.js';

/** A token Worldline Direct accepts in `cardPaymentMethodSpecificInput.token` and in paths. */
export const TOKEN_PATTERN = '^[^[:space:],[:cntrl:]]{1,50}$';

export interface CardMigrationReport {
  from: string;
  to: string;
  /** Active cards moved (or, in a dry run, that would move). */
  moved: number;
  /** Active cards left behind: their alias cannot be a token (or, back, they were saved on `from`). */
  unusable: number;
  /** Removed cards, left as they are. */
  removed: number;
  /** Cards already on `to` before the run. */
  alreadyThere: number;
  dryRun: boolean;
}

const COUNT = `SELECT
   count(*) FILTER (WHERE c.provider = $1 AND c.removed_at IS NULL AND MOVABLE) AS moved,
   count(*) FILTER (WHERE c.provider = $1 AND c.removed_at IS NULL AND NOT MOVABLE) AS unusable,
   count(*) FILTER (WHERE c.provider = $1 AND c.removed_at IS NOT NULL) AS removed,
   count(*) FILTER (WHERE c.provider = $2) AS already
 FROM cards c LEFT JOIN payments p ON p.id = c.payment_id`;

const UPDATE = `UPDATE cards c SET provider = $2 FROM cards c2 LEFT JOIN payments p ON p.id = c2.payment_id
 WHERE c2.id = c.id AND c.provider = $1 AND c.removed_at IS NULL AND MOVABLE`;

/** Moves the active cards of `from` to `to` (or counts them, with `dryRun`). */
export async function moveCards(
  driver: Driver,
  from: string,
  to: string,
  dryRun: boolean,
): Promise<CardMigrationReport> {
  // Forward: the alias must be usable as a token. Back: only what an Ogone payment saved.
  const back = to === 'ogone';
  const movable = back ? `(p.provider IS NOT DISTINCT FROM 'ogone')` : `(c.alias ~ $3::text)`;
  const params = back ? [from, to] : [from, to, TOKEN_PATTERN];
  const sql = (text: string) => text.replaceAll('MOVABLE', () => movable);
  return driver.transaction(async (tx) => {
    const [counts] = await tx.query<Record<string, string>>(sql(COUNT), params);
    if (!dryRun) await tx.query(sql(UPDATE), params);
    return {
      from,
      to,
      moved: Number(counts?.['moved'] ?? 0),
      unusable: Number(counts?.['unusable'] ?? 0),
      removed: Number(counts?.['removed'] ?? 0),
      alreadyThere: Number(counts?.['already'] ?? 0),
      dryRun,
    };
  });
}
