/**
 * A shop for the after-sale tests: the sandbox (hosted page, DirectLink, status-change feedback)
 * wired to an endpoint with a ledger and the API user, so a payment authorised on the hosted page
 * is in the ledger and its captures, cancels and refunds go through the real protocol.
 */
import assert from 'node:assert/strict';
import type { Ledger } from '../../src/ledger/index.js';
import type { Sandbox, SandboxOptions } from '../../src/sandbox/index.js';
import {
  createOgoneHandler,
  createOgoneOperations,
  type FeedbackResult,
  type OgoneHandlerOptions,
  type OgoneHandler,
  type OgoneOperations,
} from '../../src/server/index.js';
import { API_USER, directSandbox, DL_SHA_IN } from './directlink.js';
import { baseFields, checkout, HOST, PSPID, SHA_IN, SHA_OUT, URLS } from './sandbox.js';

export interface Shop {
  sandbox: Sandbox;
  handler: OgoneHandler;
  ops: OgoneOperations;
  ledger: Ledger;
  /** What `onPaymentResult` received, in order. */
  delivered: FeedbackResult[];
  /** The DirectLink pages this endpoint called, in order (`maintenancedirect`, `querydirect`). */
  calls: string[];
  /** While false, the sandbox's feedbacks are answered 503 and never reach the endpoint. */
  feedback: { open: boolean };
  /**
   * An authorised (RES) or paid (SAL) payment of `amount` minor units; its orderRef. With
   * `hold`, the sandbox leaves it uncertain (52 / 92) until `releaseUncertain(orderId)`.
   */
  pay(amount?: string, operation?: 'RES' | 'SAL', hold?: boolean): Promise<string>;
  /** The same endpoint's operations with another clock (and a short wait for a busy payment). */
  opsWith(clock: { now(): number }, waitMs?: number): OgoneOperations;
  close(): Promise<void>;
}

export interface ShopOptions {
  sandbox?: Partial<SandboxOptions>;
  clock?: { now(): number };
  /** Another shop's sandbox: a second endpoint instance on the same platform. */
  sharedSandbox?: Sandbox;
  /** More endpoint options (e.g. `admin` for the payments page). */
  endpoint?: Partial<OgoneHandlerOptions>;
}

export function optionsFor(
  ledger: Ledger,
  sandbox: Sandbox,
  delivered: FeedbackResult[],
  calls: string[],
): OgoneHandlerOptions {
  return {
    pspid: PSPID,
    shaIn: SHA_IN,
    shaOut: SHA_OUT,
    environment: { baseUrl: `${HOST}/ncol/test` },
    directLink: {
      userId: API_USER.userId,
      password: API_USER.password,
      shaIn: DL_SHA_IN,
      fetch: ((url: string, init: RequestInit) => {
        calls.push(/\/([a-z]+)_utf8\.asp/.exec(String(url))?.[1] ?? String(url));
        return sandbox.fetch(url, init as never);
      }) as typeof fetch,
    },
    allowedReturnOrigins: ['https://shop.example'],
    resolveOrder: () => ({ amount: '15.10', currency: 'EUR' }),
    onPaymentResult: (result) => {
      delivered.push(result);
    },
    ledger,
    outbox: { pollIntervalMs: 20 },
    logger: false,
  };
}

export async function openShop(ledger: Ledger, options: ShopOptions = {}): Promise<Shop> {
  const delivered: FeedbackResult[] = [];
  const calls: string[] = [];
  const feedback = { open: true };
  const box: { handler?: OgoneHandler } = {};
  const sandbox =
    options.sharedSandbox ??
    directSandbox({
      feedbackUrl: 'https://shop.example/ogone/feedback',
      feedbackRetryDelaysMs: [],
      fetch: (url, init) =>
        feedback.open
          ? box.handler!(new Request(url, init as RequestInit))
          : Promise.resolve(new Response('closed', { status: 503 })),
      ...options.sandbox,
    });
  const endpoint = { ...optionsFor(ledger, sandbox, delivered, calls), ...options.endpoint };
  const handler = createOgoneHandler(endpoint);
  box.handler = handler;
  return {
    sandbox,
    handler,
    ops: handler.operations,
    ledger,
    delivered,
    calls,
    feedback,
    opsWith: (clock, waitMs) => createOgoneOperations({ ...endpoint, clock, waitMs }),
    async pay(amount = '1510', operation = 'RES', hold = false) {
      const orderRef = `ORD-${Math.random().toString(36).slice(2, 10)}`;
      const fields = baseFields({
        ...URLS,
        COMPLUS: orderRef,
        OPERATION: operation,
        AMOUNT: amount,
      });
      if (hold) sandbox.controls.holdUncertain(fields['ORDERID']!);
      const redirect = await checkout(sandbox, fields);
      const status = hold ? (operation === 'RES' ? 52 : 92) : operation === 'RES' ? 5 : 9;
      assert.equal(redirect.params['STATUS'], String(status));
      await sandbox.idle();
      const [payment] = await ledger.findPayments(orderRef);
      assert.equal(payment?.status, status, 'the feedback was recorded');
      return orderRef;
    },
    async close() {
      await sandbox.idle();
      await handler.close();
    },
  };
}
