/**
 * 3-D Secure challenges waiting for the shopper: the decoded HTML_ANSWER under a one-time random
 * id with a short expiry, consumed in one statement so that two endpoint instances serve it once.
 */
import type { Queryable } from './drivers/driver.js';

/** Stores a challenge (and drops those expired a day ago). */
export async function storeChallenge(
  db: Queryable,
  id: string,
  paymentId: string,
  html: string,
  ttlSeconds: number,
): Promise<void> {
  await db.query(`DELETE FROM challenges WHERE expires_at < now() - interval '1 day'`);
  await db.query(
    `INSERT INTO challenges (id, payment_id, html, expires_at)
     VALUES ($1, $2::bigint, $3, now() + make_interval(secs => $4::integer))`,
    [id, paymentId, html, ttlSeconds],
  );
}

/** What asking for a challenge gives: its HTML once, then `used`; `expired`; `unknown`. */
export type ChallengeTake =
  { kind: 'html'; html: string } | { kind: 'used' } | { kind: 'expired' } | { kind: 'unknown' };

/**
 * Takes the challenge's HTML and marks it consumed, in one statement (the HTML is not kept once
 * served). A second call, here or on another instance, gets `used`.
 */
export async function takeChallenge(db: Queryable, id: string): Promise<ChallengeTake> {
  const taken = await db.query<{ html: string }>(
    `WITH c AS (SELECT id, html FROM challenges
                WHERE id = $1 AND consumed_at IS NULL AND expires_at > now() FOR UPDATE)
     UPDATE challenges SET consumed_at = now(), html = '' FROM c WHERE challenges.id = c.id
     RETURNING c.html AS html`,
    [id],
  );
  if (taken[0] !== undefined) return { kind: 'html', html: taken[0].html };
  const rows = await db.query<{ consumed: boolean }>(
    'SELECT consumed_at IS NOT NULL AS consumed FROM challenges WHERE id = $1',
    [id],
  );
  if (rows[0] === undefined) return { kind: 'unknown' };
  return rows[0].consumed ? { kind: 'used' } : { kind: 'expired' };
}
