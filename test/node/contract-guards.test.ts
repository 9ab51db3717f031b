/**
 * The browser's hand-written guards (`src/contract/guards.ts`) accept exactly the JSON values the
 * zod schemas (`src/contract/schemas.ts`, the source of truth) accept: for valid answers, answers
 * with one field removed, replaced, retyped or added, and any JSON value at all.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  isEndpointError,
  isOrderStatus,
  isPayAnswer,
  isPaymentResult,
  isSavedCards,
  isSignedPayload,
} from '../../src/contract/guards.js';
import {
  EndpointErrorSchema,
  OrderStatusSchema,
  PayAnswerSchema,
  PaymentResultSchema,
  SavedCardsSchema,
  SignedPayloadSchema,
} from '../../src/contract/schemas.js';
import { OUTCOMES } from '../../src/protocol/status.js';

type Json = unknown;

/** Values a field may take in a mutated answer: right, wrong and borderline ones. */
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    '',
    'POST',
    'post',
    '19.99',
    '19.9',
    'EUR',
    'eur',
    'paid',
    'open',
    'AB'.repeat(20),
  ),
  fc.integer({ min: -3, max: 100 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.dictionary(fc.constantFrom('ORDERID', 'SHASIGN', 'x', 'code', 'message'), fc.string()),
);

/** A JSON object with one of these mutations: a key removed, a value replaced, a key added. */
function mutated(valid: fc.Arbitrary<Record<string, Json>>): fc.Arbitrary<Json> {
  const changed = valid.chain((value) => {
    const keys = Object.keys(value);
    return fc.oneof(
      fc.constantFrom(...keys).map((key) => {
        const copy = { ...value };
        delete copy[key];
        return copy;
      }),
      fc
        .tuple(fc.constantFrom(...keys), anyValue)
        .map(([key, item]) => ({ ...value, [key]: item })),
      fc
        .tuple(fc.string({ maxLength: 6 }), anyValue)
        .map(([key, item]) => ({ ...value, [key]: item })),
      fc.constant([value]),
    );
  });
  return fc.oneof(
    { arbitrary: valid, weight: 3 },
    { arbitrary: changed, weight: 2 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  );
}

/** Mostly `good`, sometimes one of the `bad` ones. */
function usually<T>(good: fc.Arbitrary<T>, ...bad: fc.Arbitrary<T>[]): fc.Arbitrary<T> {
  return fc.oneof(
    { arbitrary: good, weight: 8 },
    ...bad.map((arbitrary) => ({ arbitrary, weight: 1 })),
  );
}

const upperHex = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789ABCDEF'), minLength: min, maxLength: max });

const signedPayload = fc
  .record({
    action: usually(
      fc.constant('https://secure.ogone.com/ncol/prod/orderstandard_utf8.asp'),
      fc.string({ maxLength: 3 }),
    ),
    method: usually(fc.constant('POST'), fc.constantFrom('GET', 'post')),
    orderId: usually(fc.constant('SO-1-k3x9'), fc.string({ maxLength: 32 })),
    shasign: usually(
      upperHex(40, 128),
      upperHex(36, 44),
      upperHex(124, 132),
      fc.constant('ab'.repeat(20)),
    ),
    extra: fc.dictionary(
      usually(
        fc.constantFrom('PSPID', 'AMOUNT', 'CN'),
        fc.constantFrom('lower', '1X', ''),
        fc.string({ maxLength: 3 }),
      ),
      fc.string({ maxLength: 4 }),
      { maxKeys: 3 },
    ),
    sameOrderId: usually(fc.constant(true), fc.constant(false)),
  })
  .map(({ action, method, orderId, shasign, extra, sameOrderId }) => ({
    action,
    method,
    orderId,
    fields: { ...extra, ORDERID: sameOrderId ? orderId : `${orderId}x`, SHASIGN: shasign },
  }));

const paymentResult = fc
  .record({
    outcome: usually(fc.constantFrom(...OUTCOMES), fc.constant('done')),
    status: usually(fc.constantFrom(9, 1, 92), fc.double({ min: 0, max: 10 })),
    statusName: fc.constant('Payment requested'),
    final: fc.boolean(),
    orderRef: usually(fc.constant('SO-1'), fc.constant('')),
    orderId: usually(fc.constant('SO-1-x'), fc.constant('')),
    payId: fc.constant('3014'),
    amount: usually(
      fc.constantFrom('19.99', '0.00', '1000000.10'),
      fc.constantFrom('19.9', '1,00', ' 1.00', '.99'),
    ),
    currency: usually(fc.constant('EUR'), fc.constantFrom('eur', 'EURO')),
    alias: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
    cardNumber: fc.option(fc.constant('XXXXXXXXXXXX1111'), { nil: undefined }),
    brand: fc.option(fc.constant('VISA'), { nil: undefined }),
    ncError: fc.constant('0'),
    trxDate: fc.option(fc.constant('05/14/25'), { nil: undefined }),
    idempotencyKey: usually(fc.constant('SO-1-x:3014:9'), fc.constant('')),
  })
  // JSON has no undefined: an absent optional field is a missing key.
  .map((value) => JSON.parse(JSON.stringify(value)) as Record<string, Json>);

const endpointError = fc
  .record({
    code: usually(fc.constantFrom('unknown-order', 'weird'), anyValue),
    message: usually(fc.string({ maxLength: 8 }), anyValue),
  })
  .map((error) => ({ error }));

const orderStatus = fc
  .record({
    orderRef: usually(fc.constant('SO-1'), fc.constant('')),
    state: fc.constantFrom('open', 'paid', 'pending', 'uncertain', 'refunded'),
    result: fc.oneof(fc.constant(null), paymentResult, mutated(paymentResult)),
  })
  .map((value) => JSON.parse(JSON.stringify(value)) as Record<string, Json>);

const savedCard = fc.record({
  id: usually(fc.constant('c_1'), anyValue),
  brand: usually(fc.constantFrom('VISA', 'MasterCard'), anyValue),
  last4: usually(fc.constant('1111'), anyValue),
  expiry: usually(fc.constantFrom('12/34', '01/20'), anyValue),
  expired: usually(fc.boolean(), anyValue),
  lastUsedAt: usually(fc.constantFrom(null, '2026-11-30T10:00:00.000Z'), anyValue),
});

const savedCards = fc
  .record({
    enabled: usually(fc.boolean(), anyValue),
    cards: usually(
      fc.array(savedCard, { maxLength: 3 }),
      fc.array(mutated(savedCard), { minLength: 1, maxLength: 2 }),
      anyValue,
    ),
    selectedCardId: usually(fc.constantFrom(null, 'c_1'), anyValue),
    reason: fc.option(usually(fc.constant('No API user.'), anyValue), { nil: undefined }),
  })
  .map((value) => JSON.parse(JSON.stringify(value)) as Record<string, Json>);

const payAnswer = fc.oneof(
  fc.record({
    kind: usually(fc.constant('result'), fc.constantFrom('challenge', 'redirect', 'Result')),
    result: fc.oneof(paymentResult, mutated(paymentResult)),
    reason: fc.option(usually(fc.constant('Your bank refused the payment.'), anyValue), {
      nil: undefined,
    }),
  }),
  fc.record({
    kind: usually(fc.constant('challenge'), fc.constantFrom('result', 'redirect')),
    url: usually(fc.constant('https://shop.example/ogone/challenge/k3'), anyValue),
  }),
  fc.record({
    kind: usually(fc.constant('redirect'), fc.constantFrom('result', 'challenge')),
    payload: fc.oneof(signedPayload, mutated(signedPayload)),
  }),
) as fc.Arbitrary<Record<string, Json>>;

const cases = [
  ['SignedPayload', isSignedPayload, SignedPayloadSchema, signedPayload],
  ['PaymentResult', isPaymentResult, PaymentResultSchema, paymentResult],
  ['EndpointError', isEndpointError, EndpointErrorSchema, endpointError],
  ['OrderStatus', isOrderStatus, OrderStatusSchema, orderStatus],
  ['SavedCards', isSavedCards, SavedCardsSchema, savedCards],
  ['PayAnswer', isPayAnswer, PayAnswerSchema, payAnswer],
] as const;

describe('contract guards', () => {
  for (const [name, guard, schema, valid] of cases) {
    it(`${name}: the guard accepts exactly what the schema accepts`, () => {
      let accepted = 0;
      let refused = 0;
      fc.assert(
        fc.property(
          // Every value goes through JSON, as an answer does.
          mutated(valid as fc.Arbitrary<Record<string, Json>>).map(
            (value) => JSON.parse(JSON.stringify(value ?? null)) as Json,
          ),
          (value) => {
            const expected = (schema as { safeParse(v: unknown): { success: boolean } }).safeParse(
              value,
            ).success;
            if (expected) accepted += 1;
            else refused += 1;
            assert.equal(guard(value), expected, JSON.stringify(value));
          },
        ),
        { numRuns: 4000 },
      );
      // Both sides were exercised, so the comparison could have failed either way.
      assert.ok(accepted > 200, `${accepted} accepted`);
      assert.ok(refused > 200, `${refused} refused`);
    });
  }
});
