/**
 * The element <-> endpoint contract as zod/mini schemas (small enough for browser bundles), each
 * checked at compile time against its plain type in `types.ts`.
 */
import * as z from 'zod/mini';
import type { Outcome } from '../protocol/status.js';
import {
  isConsistentPaymentResult,
  isConsistentSignedPayload,
  isOrderState,
  isOutcome,
  isStringRecord,
  ORDER_REF_PATTERN,
} from './rules.js';
import type {
  BrowserInfo,
  EndpointError,
  OrderState,
  OrderStatus,
  PayAnswer,
  PaymentResult,
  PayRequest,
  SavedCards,
  SignedPayload,
  SignRequest,
  VerifyRequest,
} from './types.js';

export { CURRENCY_PATTERN, ORDER_REF_PATTERN } from './rules.js';

/** Compile-time proof that a schema's output is exactly its contract type (types only). */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

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

/*
 * The answers the browser reads (SignedPayload, PaymentResult, EndpointError, OrderStatus) are
 * checked there by the hand-written guards of `guards.ts`, which a property test holds to accept
 * exactly what these schemas accept; both take their value rules from `rules.ts`. A z.custom
 * field fails alone ("Invalid input" at its path); the cross-field checks are refined.
 */

/** What `<endpoint>/sign` answers: everything the redirect form needs, already signed. */
export const SignedPayloadSchema = /* @__PURE__ */ z
  .object({
    action: z.string(),
    method: z.custom<'POST' | 'GET'>((value) => value === 'POST' || value === 'GET'),
    fields: z.custom<Record<string, string>>(isStringRecord),
    orderId: z.string(),
  })
  .check(
    z.refine(
      isConsistentSignedPayload,
      'Not a signed payload: needs an action, ORDERID = orderId (max 30), upper-case names, hex SHASIGN (a GET: no fields).',
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
    outcome: z.custom<Outcome>(isOutcome),
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
      isConsistentPaymentResult,
      'Not a verified payment result: malformed amount, currency or reference.',
    ),
  );

/** A PaymentResult of any outcome passes the schema's type (the schema cannot discriminate). */
export type _PaymentResultSchemaMatches = Assert<
  PaymentResult extends z.infer<typeof PaymentResultSchema> ? true : false
>;

/** Every error the endpoint answers has this body. */
export const EndpointErrorSchema = /* @__PURE__ */ z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type _EndpointErrorSchemaMatches = Assert<
  EndpointError extends z.infer<typeof EndpointErrorSchema> ? true : false
>;

/**
 * What `GET <endpoint>/orders/<orderRef>` answers: `open` (no payment, or only refused, cancelled
 * or invalid attempts), `paid` (a successful payment, or a later after-sale state; `result` is the
 * receipt), `pending` or `uncertain` (the shopper must not pay again).
 */
export const OrderStatusSchema = /* @__PURE__ */ z
  .object({
    orderRef: z.string(),
    state: z.custom<OrderState>(isOrderState),
    result: z.nullable(PaymentResultSchema),
  })
  .check(z.refine(({ orderRef }) => orderRef !== '', 'Not an order status: empty orderRef.'));

/** An OrderStatus with a result of any outcome passes the schema's type. */
export type _OrderStatusSchemaMatches = Assert<
  OrderStatus extends z.infer<typeof OrderStatusSchema> ? true : false
>;

const SAVED_CARD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** What `GET <endpoint>/cards?orderRef=<ref>` answers. */
export const SavedCardsSchema = /* @__PURE__ */ z.object({
  enabled: z.custom<boolean>((value) => typeof value === 'boolean'),
  cards: z.array(
    z.object({
      id: z.string(),
      brand: z.string(),
      last4: z.string(),
      expiry: z.string(),
      expired: z.custom<boolean>((value) => typeof value === 'boolean'),
      lastUsedAt: z.nullable(z.string()),
    }),
  ),
  selectedCardId: z.nullable(z.string()),
  reason: optionalString,
});
export type _SavedCardsSchemaMatches = Assert<
  Exactly<z.infer<typeof SavedCardsSchema>, SavedCards>
>;

const whole = (min: number, max: number) =>
  z.custom<number>(
    (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
  );

/** The 3-D Secure 2 browser data, within DirectLink's ranges. */
export const BrowserInfoSchema = /* @__PURE__ */ (() =>
  z.object({
    colorDepth: whole(1, 48),
    javaEnabled: z.boolean(),
    language: z.string().check(z.minLength(1), z.maxLength(35)),
    screenHeight: whole(0, 99999),
    screenWidth: whole(0, 99999),
    timeZoneOffset: whole(-900, 900),
    userAgent: z.string().check(z.maxLength(2048)),
  }))();
export type _BrowserInfoSchemaMatches = Assert<
  Exactly<z.infer<typeof BrowserInfoSchema>, BrowserInfo>
>;

/** What the element POSTs to `<endpoint>/pay`. */
export const PayRequestSchema = /* @__PURE__ */ (() =>
  z.object({
    orderRef: z.string().check(z.regex(ORDER_REF_PATTERN, 'orderRef is not an order reference')),
    cardId: z.string().check(z.regex(SAVED_CARD_ID, 'cardId is not a saved card id')),
    browser: BrowserInfoSchema,
    returnUrl: z.string().check(z.minLength(1), z.maxLength(2000)),
    language: z.optional(z.string().check(z.maxLength(35))),
  }))();
export type _PayRequestSchemaMatches = Assert<
  Exactly<z.infer<typeof PayRequestSchema>, PayRequest>
>;

/** What `<endpoint>/pay` answers. */
export const PayAnswerSchema = /* @__PURE__ */ z.union([
  z.object({ kind: z.literal('result'), result: PaymentResultSchema, reason: optionalString }),
  z.object({ kind: z.literal('challenge'), url: z.string() }),
  z.object({ kind: z.literal('redirect'), payload: SignedPayloadSchema }),
]);
export type _PayAnswerSchemaMatches = Assert<
  PayAnswer extends z.infer<typeof PayAnswerSchema> ? true : false
>;
