/**
 * The platform's DirectLink errors: one table of NCERROR and NCERRORPLUS text (`{0}`, `{1}` take
 * details). Every error answers STATUS 0 unless the table says otherwise.
 */

export const DIRECTLINK_ERRORS = {
  /** Wrong or missing USERID / PSWD (or no API user configured). */
  'user-not-allowed': {
    ncError: '50001119',
    text: 'Connection to API feature not allowed for this user',
  },
  'sha-missing': { ncError: '50001111', text: 'unknown order/0/s' },
  'sha-mismatch': { ncError: '50001111', text: 'unknown order/1/s' },
  'unknown-pspid': { ncError: '50001111', text: 'PSPID not found or not active' },
  /** A mandatory field is absent, e.g. ` no orderid`. */
  'missing-field': { ncError: '50001111', text: ' no {0}' },
  /** A field has a value the platform refuses. */
  'invalid-field': { ncError: '50001111', text: '{0}' },
  'alias-not-found': { ncError: '50001111', text: 'Alias {0} not Found' },
  'already-processed': { ncError: '50001113', text: 'This order has already been processed' },
  /** The operation is not allowed in the payment's state (a second capture, a refund of 5, …). */
  'not-authorized': { ncError: '50001127', text: '|this order is not authorized|' },
  'over-refund': { ncError: '50001129', text: '|Overflow in refunds requests|' },
  'unknown-order': { ncError: '50001130', text: 'unknown orderid {0} for merchant {1}' },
  'unknown-payid': { ncError: '50001131', text: 'unknown PAYID {0} for merchant {1}' },
} as const satisfies Record<string, { ncError: string; text: string }>;

export type DirectLinkError = keyof typeof DIRECTLINK_ERRORS;

/** NCERROR and NCERRORPLUS of an error, details filled in. */
export function describeError(
  error: DirectLinkError,
  details: readonly string[] = [],
): { ncError: string; ncErrorPlus: string } {
  const { ncError, text } = DIRECTLINK_ERRORS[error];
  const ncErrorPlus = text.replace(/\{(\d)\}/g, (_, index: string) => details[Number(index)] ?? '');
  return { ncError, ncErrorPlus };
}

/** NCSTATUS: the first digit of NCERROR (`0` for no error). */
export function ncStatusOf(ncError: string): string {
  return ncError === '' || ncError === '0' ? '0' : ncError[0]!;
}

/** NCERRORPLUS of the acquirer's answers (STATUS 2, 46, 92, …): `!` when there is no error. */
const OUTCOME_TEXTS: Readonly<Record<string, string>> = {
  '30001001': 'Payment refused by the acquirer',
  '20002001': 'Origin for the response of the bank can not be checked',
  '40001134': 'Authentication failed, please retry or cancel.',
  '40001139': '3-D Secure authentication required by the card issuer',
};

export function outcomeText(ncError: string): string {
  return OUTCOME_TEXTS[ncError] ?? '!';
}
