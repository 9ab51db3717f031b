/**
 * `parseDirectLinkAnswer`: a DirectLink `<ncresponse>` answer → a typed object, tolerant of what
 * Ogone varies (name case, order, line breaks, empty and new attributes), strict about the rest.
 */
import { toOgoneAmount } from './amount.js';
import { readNcResponseXml } from './directlink-xml.js';
import { OgoneProtocolError } from './errors.js';
import { describeStatus, type StatusInfo } from './status.js';

/**
 * A DirectLink answer. The answer is not signed: trust it because it came over TLS from the
 * configured Ogone host. Text fields are `undefined` when absent or empty.
 */
export interface DirectLinkAnswer {
  orderId: string | undefined;
  payId: string | undefined;
  /** The step of an after-sale operation in the payment's history (`"1"`, `"2"`, …). */
  payIdSub: string | undefined;
  /** `STATUS` as a number; `undefined` when absent or not a number. Decide on this, not NCSTATUS. */
  status: number | undefined;
  /** `STATUS` explained (`outcome: 'unknown'` when absent or unknown). */
  statusInfo: StatusInfo;
  /** `NCERROR`: `"0"` is no error; kept as text (`"50001113"`). */
  ncError: string | undefined;
  /** `NCSTATUS`, the first digit of NCERROR. */
  ncStatus: string | undefined;
  /** `NCERRORPLUS`, Ogone's explanation (`"!"` when none), as sent. */
  ncErrorPlus: string | undefined;
  acceptance: string | undefined;
  /** `amount` in **major** units, exactly as sent (`"4.5"`, `"125"`). */
  amount: string | undefined;
  /** The same in minor units (`"450"`), exact; `undefined` when absent or not a valid amount. */
  minorAmount: string | undefined;
  currency: string | undefined;
  /** `PM` (`CreditCard`). */
  paymentMethod: string | undefined;
  brand: string | undefined;
  alias: string | undefined;
  /** `CARDNO` as Ogone masks it (`XXXXXXXXXXXX1111`). */
  cardNumber: string | undefined;
  eci: string | undefined;
  ip: string | undefined;
  complus: string | undefined;
  /** The decoded `HTML_ANSWER` of a 3-D Secure challenge (`STATUS` 46): HTML for the shopper. */
  htmlAnswer: string | undefined;
  /** Every attribute, known or not: upper-case name → value exactly as sent. */
  attributes: Readonly<Record<string, string>>;
}

const utf8 = new TextDecoder('utf-8');

/** Standard base64 (line breaks allowed, as MIME writes it) → UTF-8 text. */
function decodeHtmlAnswer(base64: string): string {
  let compact = '';
  for (const char of base64) {
    if (char !== ' ' && char !== '\t' && char !== '\r' && char !== '\n') compact += char;
  }
  let binary: string;
  try {
    binary = atob(compact);
  } catch {
    throw new OgoneProtocolError('invalid-xml', 'The DirectLink HTML_ANSWER is not base64.');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return utf8.decode(bytes);
}

function minorOf(amount: string | undefined): string | undefined {
  if (amount === undefined) return undefined;
  try {
    return toOgoneAmount(amount);
  } catch {
    return undefined;
  }
}

function statusOf(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,3}$/.test(text) ? Number(text) : undefined;
}

/**
 * Parses a DirectLink answer (`orderdirect`, `maintenancedirect`, `querydirect`). Attribute names
 * are read whatever their case, in any order; unknown ones are kept in `attributes`. Throws only
 * {@link OgoneProtocolError} with code `invalid-xml`: not text, over 128 KiB, not well-formed, not
 * one `<ncresponse>`, an attribute spelt twice, an entity beyond the limits, or an `HTML_ANSWER`
 * that is not base64.
 */
export function parseDirectLinkAnswer(xml: string): DirectLinkAnswer {
  const { attributes, htmlAnswer } = readNcResponseXml(xml);
  const read = (name: string): string | undefined => {
    const value = attributes[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const statusText = read('STATUS');
  const amount = read('AMOUNT');
  const html = htmlAnswer?.trim();
  return {
    orderId: read('ORDERID'),
    payId: read('PAYID'),
    payIdSub: read('PAYIDSUB'),
    status: statusOf(statusText),
    statusInfo: describeStatus(statusText ?? ''),
    ncError: read('NCERROR'),
    ncStatus: read('NCSTATUS'),
    ncErrorPlus: attributes['NCERRORPLUS'] === '' ? undefined : attributes['NCERRORPLUS'],
    acceptance: read('ACCEPTANCE'),
    amount,
    minorAmount: minorOf(amount),
    currency: read('CURRENCY'),
    paymentMethod: read('PM'),
    brand: read('BRAND'),
    alias: read('ALIAS'),
    cardNumber: read('CARDNO'),
    eci: read('ECI'),
    ip: read('IP'),
    complus: read('COMPLUS'),
    htmlAnswer: html === undefined || html === '' ? undefined : decodeHtmlAnswer(html),
    attributes: Object.freeze({ ...attributes }),
  };
}
