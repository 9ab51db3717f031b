/**
 * How old a shopper's return is, from its signed `TRXDATE` (`MM/DD/YY`, day precision, no time
 * zone): a return is too old only when even the last moment of its day, in the latest time zone
 * (UTC−12), is older than the limit. Pure.
 */

const TRX_DATE = /^(\d{2})\/(\d{2})\/(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The end of a day at UTC−12 is 36 h after its start at UTC. */
const LATEST_END_OF_DAY_MS = 36 * 60 * 60 * 1000;

/** Milliseconds since the epoch at the start (UTC) of a `MM/DD/YY` day, `undefined` if malformed. */
export function trxDayStart(trxDate: string): number | undefined {
  const match = TRX_DATE.exec(trxDate.trim());
  if (match === null) return undefined;
  const [month, day, year] = [Number(match[1]), Number(match[2]), 2000 + Number(match[3])];
  const start = Date.UTC(year, month - 1, day);
  const check = new Date(start);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return start;
}

/**
 * True when a return dated `trxDate` is older than `maxAgeMs` at `now`. A missing or malformed
 * TRXDATE is not judged (false): Ogone sends it only when it is in the SHA-OUT parameter list.
 */
export function isReturnTooOld(
  trxDate: string | undefined,
  now: number,
  maxAgeMs: number,
): boolean {
  if (trxDate === undefined || !Number.isFinite(maxAgeMs)) return false;
  const start = trxDayStart(trxDate);
  if (start === undefined) return false;
  return now - (start + LATEST_END_OF_DAY_MS) > maxAgeMs;
}

export { DAY_MS };
