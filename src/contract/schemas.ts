/**
 * The element <-> endpoint contract as zod/mini schemas (small enough for browser bundles), each
 * checked at compile time against its plain type in `types.ts`.
 */
import * as z from 'zod/mini';
import { OUTCOMES, type Outcome } from '../protocol/status.js';
import type {
  EndpointError,
  OrderStatus,
  PaymentResult,
  SignedPayload,
  SignRequest,
  VerifyRequest,
} from './types.js';

/** Compile-time proof that a schema's output is exactly its contract type (types only). */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/** ISO 4217 currency codes as the protocol carries them. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

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
export type _SignRequestSchemaMatches = Assert<
  Exactly<z.infer<typeof SignRequestSchema>, SignRequest>
>;

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
export type _SignedPayloadSchemaMatches = Assert<
  Exactly<z.infer<typeof SignedPayloadSchema>, SignedPayload>
>;

/** What the element POSTs to `<endpoint>/verify`: the return page's raw query string. */
export const VerifyRequestSchema = /* @__PURE__ */ (() =>
  z.object({ query: z.string().check(z.minLength(1), z.maxLength(8000)) }))();
export type _VerifyRequestSchemaMatches = Assert<
  Exactly<z.infer<typeof VerifyRequestSchema>, VerifyRequest>
>;

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
        CURRENCY_PATTERN.test(r.currency),
      'Not a verified payment result: malformed amount, currency or reference.',
    ),
  );

/** A PaymentResult of any outcome passes the schema's type (the schema cannot discriminate). */
export type _PaymentResultSchemaMatches = Assert<
  PaymentResult extends z.infer<typeof PaymentResultSchema> ? true : false
>;

const ORDER_STATES: readonly string[] = ['open', 'paid', 'pending', 'uncertain'];

/** Validates what `<endpoint>/orders/<orderRef>` answers. */
export const OrderStatusSchema = /* @__PURE__ */ (() =>
  z.object({
    orderRef: z.string(),
    state: z.custom<OrderStatus['state']>((value) => ORDER_STATES.includes(value as string)),
    result: z.nullable(PaymentResultSchema),
  }))();
export type _OrderStatusSchemaMatches = Assert<
  OrderStatus extends z.infer<typeof OrderStatusSchema> ? true : false
>;

/** Every error the endpoint answers has this body. */
export const EndpointErrorSchema = /* @__PURE__ */ z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type _EndpointErrorSchemaMatches = Assert<
  EndpointError extends z.infer<typeof EndpointErrorSchema> ? true : false
>;
