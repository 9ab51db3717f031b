/**
 * What a value of the hosted-page form must look like before it is signed: one line, no control
 * characters, well-formed Unicode, within the field's length. The browser posts a form value with
 * line breaks as CRLF and lone surrogates as U+FFFD, so anything else would be signed as one
 * string and received as another (Ogone then answers `unknown order/1/s`).
 */

/**
 * Longest value Ogone accepts per field (its parameter list; sources disagree on a few, the
 * smaller is used). Free text is shortened to fit; a longer `EMAIL` is left out instead, since a
 * truncated address is a wrong one.
 */
export const FORM_FIELD_LIMITS: Readonly<Record<string, number>> = {
  CN: 35,
  EMAIL: 50,
  OWNERADDRESS: 35,
  OWNERZIP: 10,
  OWNERTOWN: 40,
  OWNERCTY: 2,
  OWNERTELNO: 30,
  COM: 100,
  COMPLUS: 1000,
  ALIAS: 50,
  ALIASUSAGE: 255,
};

/** Fields whose value is dropped rather than shortened when too long. */
const OMIT_WHEN_TOO_LONG = new Set(['EMAIL']);

/** Anything the normalisation below would change (a value without any is kept as it is). */
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\uD800-\uDFFF]| {2}|^ | $/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAKS_AND_TABS = /\r\n|[\r\n\t\v\f\u0085\u2028\u2029]/g;
const OTHER_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * The value as it must be signed and posted: line breaks and tabs become one space, other
 * control characters are removed, lone surrogates become U+FFFD, runs of spaces collapse and
 * leading and trailing spaces go, then the field's limit applies (whole characters, never half a pair).
 * Idempotent. Returns `''` for a value that must be left out.
 */
export function normalizeFormValue(name: string, value: string): string {
  let text = value;
  if (NEEDS_CLEANING.test(text)) {
    text = text
      .replace(LONE_SURROGATE, '\uFFFD')
      .replace(LINE_BREAKS_AND_TABS, ' ')
      .replace(OTHER_CONTROLS, '')
      .replace(/ {2,}/g, ' ')
      .replace(/^ | $/g, '');
  }
  const limit = FORM_FIELD_LIMITS[name.toUpperCase()];
  if (limit !== undefined && text.length > limit) {
    const characters = [...text];
    if (characters.length > limit) {
      if (OMIT_WHEN_TOO_LONG.has(name.toUpperCase())) return '';
      text = characters.slice(0, limit).join('').replace(/ $/, '');
    }
  }
  return text;
}

/** Every value normalised; fields left empty are dropped (Ogone ignores blank values anyway). */
export function normalizeFormFields(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    const normalized = normalizeFormValue(name, value);
    if (normalized !== '') out[name] = normalized;
  }
  return out;
}
