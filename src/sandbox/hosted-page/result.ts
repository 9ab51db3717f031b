/** The SHA-OUT-signed parameters of a result, in Ogone's order and formats (redirect and feedback). */
import { fromOgoneAmount } from '../../protocol/amount.js';
import { signShaOut, type HashAlgorithm } from '../../protocol/sign.js';
import type { Outcome } from './acquirer.js';

/** Ogone's `amount`: major units without trailing zeros (`15`, `15.1`, `15.12`). */
export function ogoneReturnAmount(amountMinor: string): string {
  return fromOgoneAmount(amountMinor).replace(/\.?0+$/, '');
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** `MM/DD/YY` in UTC, as Ogone's TRXDATE. */
export function trxDate(date: Date): string {
  return `${pad2(date.getUTCMonth() + 1)}/${pad2(date.getUTCDate())}/${pad2(date.getUTCFullYear() % 100)}`;
}

/** The card as the result shows it: never the full number. */
export interface ResultCard {
  /** `XXXXXXXXXXXX1111`. */
  masked: string;
  brand: string;
  /** `MMYY`. */
  ed: string;
  cardholder: string;
}

/** Everything a result is made of. */
export interface ResultInput {
  orderId: string;
  currency: string;
  amountMinor: string;
  outcome: Outcome;
  payId: string;
  /** The step of an after-sale operation (capture, cancel, refund); absent for the payment. */
  payIdSub?: number;
  /** `undefined` when no card was used (the shopper cancelled). */
  card: ResultCard | undefined;
  /** The form's CN, shown when no card was used. */
  cn: string;
  /** The alias created or used, sent only for a successful payment. */
  alias: string | undefined;
  complus: string;
  ip: string;
  /** Expanded PARAMPLUS pairs: appended after the signed ones, unsigned. */
  paramPlus: readonly [string, string][];
  now: Date;
}

/** The signed pairs of a result, `SHASIGN` last. */
export async function signedResult(
  input: ResultInput,
  shaOut: string,
  algorithm: HashAlgorithm,
): Promise<[string, string][]> {
  const { card, outcome } = input;
  const pairs: [string, string][] = [
    ['orderID', input.orderId],
    ['currency', input.currency],
    ['amount', ogoneReturnAmount(input.amountMinor)],
    ['PM', card ? 'CreditCard' : ''],
    ['ACCEPTANCE', outcome.acceptance],
    ['STATUS', String(outcome.status)],
    ['CARDNO', card ? card.masked : ''],
    ['ED', card ? card.ed : ''],
    ['CN', card ? card.cardholder : input.cn],
    ['TRXDATE', trxDate(input.now)],
    ['PAYID', input.payId],
    ...(input.payIdSub ? ([['PAYIDSUB', String(input.payIdSub)]] as [string, string][]) : []),
    ['NCERROR', outcome.ncError],
    ['BRAND', card ? card.brand : ''],
  ];
  if (input.alias !== undefined) pairs.push(['ALIAS', input.alias]);
  if (input.complus !== '') pairs.push(['COMPLUS', input.complus]);
  pairs.push(['IP', input.ip]);
  const shaSign = await signShaOut(Object.fromEntries(pairs), shaOut, algorithm);
  return [...pairs, ...input.paramPlus, ['SHASIGN', shaSign]];
}
