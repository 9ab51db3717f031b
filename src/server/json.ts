/**
 * JSON text for the hot /sign answer. On the V8 of Node 20, `JSON.stringify` costs about 0.2 µs
 * per string even for plain ASCII; these helpers quote such strings directly and hand everything
 * else to `JSON.stringify`, so their output is always exactly what `JSON.stringify` gives.
 */

/** Printable ASCII without `"` and `\`: needs no escaping in JSON. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** `JSON.stringify(value)` for a string. */
export function jsonString(value: string): string {
  return PLAIN.test(value) ? `"${value}"` : JSON.stringify(value);
}

/** `JSON.stringify(record)` for a record of strings (own enumerable keys, in order). */
export function jsonStringRecord(record: Readonly<Record<string, string>>): string {
  let out = '{';
  for (const name of Object.keys(record)) {
    out += `${out.length === 1 ? '' : ','}${jsonString(name)}:${jsonString(record[name]!)}`;
  }
  return `${out}}`;
}
