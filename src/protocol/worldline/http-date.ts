/**
 * The `Date` header of a v1HMAC request: RFC 1123 (`Fri, 06 Jun 2014 13:39:43 GMT`), written from a
 * clock and read back strictly, so a verifier can apply its clock-skew window.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC1123 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `Fri, 06 Jun 2014 13:39:43 GMT` for a moment (milliseconds dropped). Throws for an invalid date. */
export function formatHttpDate(date: Date): string {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError('formatHttpDate: invalid date');
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) throw new RangeError('formatHttpDate: year out of range');
  return (
    `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${year} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} GMT`
  );
}

/**
 * Milliseconds since the epoch of an RFC 1123 date, or `undefined` for any other spelling or an
 * impossible date (31 Feb, a weekday that does not match, 24:00:00).
 */
export function parseHttpDate(value: string | null | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = RFC1123.exec(value);
  if (!match) return undefined;
  const [, , day, month, year, hours, minutes, seconds] = match;
  const time = Date.UTC(
    Number(year),
    MONTHS.indexOf(month!),
    Number(day),
    Number(hours),
    Number(minutes),
    Number(seconds),
  );
  // Date.UTC rolls 31 Feb over into March: a round trip catches every impossible field.
  return formatHttpDate(new Date(time)) === value ? time : undefined;
}
