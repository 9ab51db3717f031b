/**
 * The two encodings of the DirectLink pages: the `_utf8.asp` pages read UTF-8, the plain ones
 * ISO-8859-1 / windows-1252, for the form and for the bytes the SHA-IN is computed over (an
 * `é` signed as UTF-8 but posted to a plain page does not verify, as at Ogone).
 */

export type PageEncoding = 'utf-8' | 'windows-1252';

/**
 * Bytes 0x80-0x9F of windows-1252 and their characters (the WHATWG table; the five unassigned
 * bytes stand for themselves). Written out because Node's TextDecoder may treat the label as
 * ISO-8859-1.
 */
const HIGH_1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const TO_1252 = new Map(HIGH_1252.map((char, i) => [char, 0x80 + i]));

/** The text of windows-1252 bytes. */
function decode1252(bytes: readonly number[]): string {
  let text = '';
  for (const byte of bytes) {
    text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? HIGH_1252[byte - 0x80]! : byte);
  }
  return text;
}

/** The bytes of a text in an encoding; characters windows-1252 cannot write become `?`. */
export function encodeText(text: string, encoding: PageEncoding): Uint8Array<ArrayBuffer> {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const mapped = TO_1252.get(code);
    bytes.push(mapped ?? (code <= 0xff && (code < 0x80 || code > 0x9f) ? code : 0x3f));
  }
  return Uint8Array.from(bytes);
}

/** Percent-decodes one form component (`+` is a space) of a binary string into text. */
function decodeComponent(raw: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const char = raw.charCodeAt(i);
    if (char === 0x2b) bytes.push(0x20);
    else if (char === 0x25 && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(char);
  }
  return decode1252(bytes);
}

/** An `application/x-www-form-urlencoded` body in the page's encoding. */
export function decodeForm(body: Uint8Array, encoding: PageEncoding): URLSearchParams {
  if (encoding === 'utf-8') return new URLSearchParams(new TextDecoder().decode(body));
  // Each byte as one character (a "binary string"), so the split on & and = sees raw bytes.
  let raw = '';
  for (const byte of body) raw += String.fromCharCode(byte);
  const search = new URLSearchParams();
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = at === -1 ? pair : pair.slice(0, at);
    const value = at === -1 ? '' : pair.slice(at + 1);
    search.append(decodeComponent(name), decodeComponent(value));
  }
  return search;
}
