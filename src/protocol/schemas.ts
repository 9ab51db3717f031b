/**
 * The contracts between the browser and the companion endpoint, as zod/mini schemas (small enough
 * for browser bundles) with their inferred types.
 */
import * as z from 'zod/mini';
import { OUTCOMES, type Outcome } from './status.js';

/** Merchant order references: what `resolveOrder` receives and what comes back in COMPLUS. */
export const ORDER_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** What the element POSTs to `<endpoint>/sign`. Never carries an amount: the server decides it. */
// Bundlers cannot prove a `.check()` method call pure, so schemas that use one are built inside an
// annotated arrow call: a browser bundle that never uses such a schema drops it with its checks.
export const SignRequestSchema = /* @__PURE__ */ (() =>
  z.object({
    orderRef: z
      .string()
      .check(
        z.regex(ORDER_REF_PATTERN, 'orderRef must be 1-64 letters, digits, ".", "_", ":" or "-"'),
      ),
    saveCard: z.optional(z.boolean()),
    language: z.optional(z.string().check(z.maxLength(35))),
    returnUrl: z.string().check(z.minLength(1), z.maxLength(2000)),
  }))();
export type SignRequest = z.infer<typeof SignRequestSchema>;

/** Ogone field names: upper-case letters, digits and `_`. */
const FIELD_NAME = /^[A-Z][A-Z0-9_]*$/;
const SIGNATURE = /^[0-9A-F]{40,128}$/;

/** A plain JSON object whose values are all strings. */
function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === 'string')
  );
}

/*
 * The schemas the browser uses (SignedPayload, PaymentResult, EndpointError) stick to z.object,
 * z.string, z.optional, z.custom and one z.refine each, the cheapest parts of zod/mini (z.literal,
 * z.record, z.number, z.boolean and string checks each add to `<ogone-checkout>`'s 16 KB budget).
 * A z.custom field fails alone ("Invalid input" at its path); the cross-field checks are refined.
 */

/** What `<endpoint>/sign` answers: everything the redirect form needs, already signed. */
export const SignedPayloadSchema = /* @__PURE__ */ z
  .object({
    action: z.string(),
    method: z.custom<'POST'>((value) => value === 'POST'),
    fields: z.custom<Record<string, string>>(isStringRecord),
    orderId: z.string(),
  })
  .check(
    z.refine(
      ({ action, fields, orderId }) =>
        action.length > 0 &&
        orderId.length > 0 &&
        orderId.length <= 30 &&
        fields['ORDERID'] === orderId &&
        SIGNATURE.test(fields['SHASIGN'] ?? '') &&
        Object.keys(fields).every((name) => FIELD_NAME.test(name)),
      'Not a signed payload: needs an action, ORDERID = orderId (max 30), upper-case names, hex SHASIGN.',
    ),
  );
export type SignedPayload = z.infer<typeof SignedPayloadSchema>;

/** What the element POSTs to `<endpoint>/verify`: the return page's raw query string. */
export const VerifyRequestSchema = /* @__PURE__ */ (() =>
  z.object({ query: z.string().check(z.minLength(1), z.maxLength(8000)) }))();
export type VerifyRequest = z.infer<typeof VerifyRequestSchema>;

/** Fields every verified payment result carries. */
export interface PaymentResultBase {
  /** STATUS code and its name (see `describeStatus`). */
  status: number;
  statusName: string;
  /** Ogone will not move this payment on by itself. */
  final: boolean;
  /** The merchant's order reference (signed, via COMPLUS). */
  orderRef: string;
  /** Ogone ORDERID of this payment attempt. */
  orderId: string;
  payId: string;
  /** Two-decimal major units, e.g. `"19.99"`. */
  amount: string;
  currency: string;
  /** The stored card alias, only when the shopper agreed and the card was saved. */
  alias?: string | undefined;
  /** Masked card number, e.g. `XXXXXXXXXXXX1111`. */
  cardNumber?: string | undefined;
  brand?: string | undefined;
  /** Ogone NCERROR, `"0"` when none. */
  ncError: string;
  /** `MM/DD/YY` as Ogone sends it. */
  trxDate?: string | undefined;
  /** Stable across redeliveries of the same result: orderId + payId + status. */
  idempotencyKey: string;
}

/** A verified payment result, discriminated on `outcome`. */
export type PaymentResult = { [O in Outcome]: PaymentResultBase & { outcome: O } }[Outcome];

const optionalString = z.optional(z.string());

/** Validates what `<endpoint>/verify` answers. */
export const PaymentResultSchema = /* @__PURE__ */ z
  .object({
    outcome: z.custom<Outcome>((value) => OUTCOMES.includes(value as Outcome)),
    status: z.custom<number>(Number.isInteger),
    statusName: z.string(),
    final: z.custom<boolean>((value) => typeof value === 'boolean'),
    orderRef: z.string(),
    orderId: z.string(),
    payId: z.string(),
    amount: z.string(),
    currency: z.string(),
    alias: optionalString,
    cardNumber: optionalString,
    brand: optionalString,
    ncError: z.string(),
    trxDate: optionalString,
    idempotencyKey: z.string(),
  })
  .check(
    z.refine(
      (r) =>
        r.orderRef !== '' &&
        r.orderId !== '' &&
        r.idempotencyKey !== '' &&
        /^\d+\.\d{2}$/.test(r.amount) &&
        /^[A-Z]{3}$/.test(r.currency),
      'Not a verified payment result: malformed amount, currency or reference.',
    ),
  );

/** Every error the endpoint answers has this body. */
export const EndpointErrorSchema = /* @__PURE__ */ z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type EndpointError = z.infer<typeof EndpointErrorSchema>;

/** Stable error codes the companion endpoint answers with (HTTP status in brackets). */
export type EndpointErrorCode =
  | 'invalid-json' // 400
  | 'invalid-request' // 400
  | 'return-url-not-allowed' // 400
  | 'invalid-signature' // 403
  | 'unknown-order' // 404
  | 'not-found' // 404
  | 'method-not-allowed' // 405
  | 'amount-mismatch' // 409
  | 'payload-too-large' // 413
  | 'unsupported-media-type' // 415
  | 'save-card-not-allowed' // 422
  | 'order-lookup-failed' // 502
  | 'result-delivery-failed'; // 503
