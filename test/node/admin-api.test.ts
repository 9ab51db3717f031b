/**
 * The payments page's JSON API against a real ledger (embedded, and PostgreSQL when configured):
 * the list newest first in pages, search by order reference / ORDERID / PAYID, the status
 * filters with "Needs attention", a payment's detail with its history and deliveries, and the
 * actions handed to the operations with refusals in plain words.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Ledger } from '../../src/ledger/index.js';
import type { AdminOperationOptions, AdminOperations } from '../../src/server/admin/operations.js';
import type { AdminPaymentDetail, AdminPaymentView } from '../../src/server/admin/views.js';
import {
  adminEndpoint,
  adminOptions,
  Browser,
  recordPayment,
  type Fetch,
} from '../helpers/admin.js';
import { eventually, targets } from '../helpers/ledger-targets.js';
import { TEST_SHA_OUT } from '../helpers/ogone-messages.js';
import { createOgoneHandler } from '../../src/server/index.js';

interface ListBody {
  payments: AdminPaymentView[];
  total: number;
  page: number;
}

/** Stands in for the after-sale operations: records each call, refuses over the remaining amount. */
function recordingOperations() {
  const calls: { action: string; ref: string; options: AdminOperationOptions }[] = [];
  const refuse = (code: string, message: string) => Object.assign(new Error(message), { code });
  const operations: AdminOperations = {
    async capture(ref, options) {
      calls.push({ action: 'capture', ref, options });
      if ((options.amount ?? 0) > 2500)
        throw Object.assign(refuse('capture-exceeds-authorised', 'over'), {
          details: { availableMinor: 1250 },
        });
      return { status: 91 };
    },
    async cancel(ref, options) {
      calls.push({ action: 'cancel', ref, options });
      return { status: 61 };
    },
    async status(ref) {
      calls.push({ action: 'status', ref, options: {} });
      return { queried: calls.filter((c) => c.action === 'status').length === 1 };
    },
    async refund(ref, options) {
      calls.push({ action: 'refund', ref, options });
      throw refuse('refund-not-allowed-here', 'Refund refused: the payment was never captured.');
    },
  };
  return { calls, operations };
}

for (const target of targets()) {
  describe(`payments page API (${target.name})`, { skip: target.skip }, () => {
    let ledger: Ledger;
    let feed: Fetch;
    const ids = new Map<string, string>();

    before(async () => {
      ledger = await target.open();
      feed = adminEndpoint(adminOptions(ledger));
      const seed = [
        { orderRef: 'SO-PAID', orderId: 'SO-PAID-1', status: '9', payId: '3100000001' },
        {
          orderRef: 'SO-AUTH',
          orderId: 'SO-AUTH-1',
          status: '5',
          amount: '25',
          payId: '3100000002',
        },
        { orderRef: 'SO-UNCLEAR', orderId: 'SO-UNCLEAR-1', status: '92', payId: '3100000003' },
        { orderRef: 'SO-WAIT', orderId: 'SO-WAIT-1', status: '51', payId: '3100000004' },
        { orderRef: 'SO-REFUSED', orderId: 'SO-REFUSED-1', status: '2', payId: '3100000005' },
        { orderRef: 'SO.100', orderId: 'SO.100-1', status: '9', payId: '3100000006' },
      ];
      for (let i = 0; i < 24; i += 1) {
        seed.push({
          orderRef: `BULK-${i}`,
          orderId: `BULK-${i}-A`,
          status: '9',
          payId: `32000000${10 + i}`,
        });
      }
      for (const payment of seed) await recordPayment(feed, payment);
      await recordPayment(feed, seed[0]!); // the same message again: counted, not applied twice
      for (const payment of await ledger.listPayments({ limit: 100 }))
        ids.set(payment.orderRef, payment.id);
    });
    after(async () => {
      await ledger.close();
      await target.cleanup();
    });

    async function staff(handler: Fetch = feed): Promise<Browser> {
      const browser = new Browser(handler);
      assert.equal((await browser.signIn()).status, 303);
      return browser;
    }

    it('lists payments newest first, 25 a page, with plain statuses, amounts and cards', async () => {
      const browser = await staff();
      const first = (await browser.json('/ogone/admin/api/payments')).body as unknown as ListBody;
      assert.equal(first.total, 30);
      assert.equal(first.payments.length, 25);
      assert.equal(first.payments[0]!.orderRef, 'BULK-23');
      const second = (await browser.json('/ogone/admin/api/payments?page=2'))
        .body as unknown as ListBody;
      assert.equal(second.page, 2);
      // Oldest last: the first payments recorded end the second page.
      assert.deepEqual(
        second.payments.map((p) => p.orderRef),
        ['SO-REFUSED', 'SO-WAIT', 'SO-UNCLEAR', 'SO-AUTH', 'SO-PAID'],
      );
      assert.equal(second.payments.length, 5);
      const all = [...first.payments, ...second.payments];
      assert.equal(new Set(all.map((p) => p.id)).size, 30, 'no payment on two pages');
      const paid = all.find((p) => p.orderRef === 'SO-PAID')!;
      assert.equal(paid.label, 'Captured');
      assert.equal(paid.tone, 'good');
      assert.equal(paid.amount, '10.00');
      assert.equal(paid.currency, 'EUR');
      assert.equal(paid.cardNumber, 'XXXXXXXXXXXX1111');
      assert.equal(paid.brand, 'VISA');
      assert.equal(paid.statusName, 'Payment requested');
      const auth = all.find((p) => p.orderRef === 'SO-AUTH')!;
      assert.equal(auth.label, 'Authorised, not captured yet');
      assert.equal(auth.amount, '25.00');
      assert.equal(all.find((p) => p.orderRef === 'SO-WAIT')!.label, 'Waiting for the bank');
      assert.equal(all.find((p) => p.orderRef === 'SO-UNCLEAR')!.attention, true);
    });

    it('finds a payment by the start of its order reference or ORDERID, or by its PAYID', async () => {
      const browser = await staff();
      const find = async (q: string) =>
        (
          (await browser.json(`/ogone/admin/api/payments?q=${encodeURIComponent(q)}`))
            .body as unknown as ListBody
        ).payments.map((p) => p.orderRef);
      assert.deepEqual(await find('so-au'), ['SO-AUTH']);
      assert.deepEqual(await find('SO-UNCLEAR-1'), ['SO-UNCLEAR']);
      assert.deepEqual(await find('3100000004'), ['SO-WAIT']);
      assert.deepEqual(await find('310000000'), [], 'a PAYID matches whole');
      assert.deepEqual(await find('SO.1'), ['SO.100']);
      assert.deepEqual(await find('SO_1'), [], 'LIKE wildcards are taken literally');
      assert.deepEqual(await find('%'), []);
      assert.equal((await find('BULK-1')).length, 11);
    });

    it('filters by status; "Needs attention" holds uncertain ones and those waiting too long', async () => {
      const browser = await staff();
      const filter = async (id: string, b = browser) =>
        (
          (await b.json(`/ogone/admin/api/payments?filter=${id}`)).body as unknown as ListBody
        ).payments
          .map((p) => p.orderRef)
          .sort();
      assert.deepEqual(await filter('attention'), ['SO-UNCLEAR']);
      assert.deepEqual(await filter('authorised'), ['SO-AUTH']);
      assert.deepEqual(await filter('waiting'), ['SO-WAIT']);
      assert.deepEqual(await filter('failed'), ['SO-REFUSED']);
      const captured = (await browser.json('/ogone/admin/api/payments?filter=captured')).body;
      assert.equal((captured as unknown as ListBody).total, 26);
      assert.equal((await filter('nonsense')).length, 25, 'an unknown filter shows all');
      // With a threshold of 50 ms, the payment still waiting for the bank needs attention too.
      const impatient = await staff(
        adminEndpoint(
          adminOptions(ledger, {
            admin: { token: 'test-admin-token-0123456789', staleAfterMinutes: 50 / 60_000 },
          }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 80));
      assert.deepEqual(await filter('attention', impatient), ['SO-UNCLEAR', 'SO-WAIT']);
    });

    it("a payment's detail: facts, history newest first, deliveries, and no buttons without operations", async () => {
      const browser = await staff();
      const { status, body } = await browser.json(
        `/ogone/admin/api/payments/${ids.get('SO-PAID')}`,
      );
      assert.equal(status, 200);
      const detail = body as unknown as AdminPaymentDetail;
      assert.equal(detail.orderId, 'SO-PAID-1');
      assert.equal(detail.payId, '3100000001');
      assert.equal(detail.capturedAmount, '10.00');
      assert.equal(detail.refundedAmount, '0.00');
      assert.equal(detail.timeline.length, 1);
      assert.equal(detail.timeline[0]!.label, 'Captured');
      assert.equal(detail.timeline[0]!.source, 'Message from Ogone');
      assert.equal(detail.timeline[0]!.amount, '10.00');
      assert.equal(detail.timeline[0]!.note, 'Arrived 2 times');
      assert.equal(detail.deliveries.length, 1);
      assert.equal(detail.deliveries[0]!.state, 'waiting');
      assert.match(detail.deliveries[0]!.label, /^Waiting to be sent/);
      assert.equal(detail.deliveries[0]!.about, 'Captured, 10.00 EUR');
      assert.deepEqual(detail.actions, {
        capture: null,
        cancel: false,
        refund: null,
        check: false,
        reason: 'Capture, cancel and refund are off: the endpoint has no API user (directLink).',
      });
      assert.equal((await browser.json('/ogone/admin/api/payments/999999')).status, 404);
      assert.equal((await browser.json('/ogone/admin/api/payments/abc')).status, 404);
    });

    it("shows a failed delivery's error without the endpoint's secrets", async () => {
      const handler = createOgoneHandler(
        adminOptions(ledger, {
          onPaymentResult: () => {
            throw new Error(`the shop's hook echoed ${TEST_SHA_OUT}`);
          },
          outbox: { pollIntervalMs: 20, retryBaseMs: 10, retryMaxMs: 20 },
        }),
      );
      try {
        await recordPayment(handler, { orderRef: 'SO-HOOK', orderId: 'SO-HOOK-1', status: '9' });
        const id = (await ledger.findPayments('SO-HOOK'))[0]!.id;
        await eventually(
          async () => (await ledger.paymentHistory(id))!.deliveries[0]?.lastError != null,
          10_000,
          'a failed delivery',
        );
        const browser = await staff(handler);
        const detail = (await browser.json(`/ogone/admin/api/payments/${id}`))
          .body as unknown as AdminPaymentDetail;
        const shown = detail.deliveries[0]!.lastError!;
        assert.match(shown, /the shop's hook echoed \[redacted\]/);
        assert.ok(!JSON.stringify(detail).includes(TEST_SHA_OUT));
      } finally {
        await handler.close();
      }
    });

    it('actions go to the operations by ORDERID in minor units; refusals come back in plain words', async () => {
      const { calls, operations } = recordingOperations();
      const browser = await staff(adminEndpoint(adminOptions(ledger), operations));
      const auth = ids.get('SO-AUTH')!;
      const detail = (await browser.json(`/ogone/admin/api/payments/${auth}`))
        .body as unknown as AdminPaymentDetail;
      assert.deepEqual(detail.actions, {
        capture: '25.00',
        cancel: true,
        refund: null,
        check: false,
        reason: null,
      });

      const captured = await browser.post(`/ogone/admin/api/payments/${auth}/capture`, {
        amount: '12.50',
        final: true,
        key: 'page-key-0001',
      });
      assert.equal(captured.status, 200);
      assert.equal((captured.body as unknown as AdminPaymentDetail).id, auth);
      assert.deepEqual(calls.at(-1), {
        action: 'capture',
        ref: 'SO-AUTH-1',
        options: { amount: 1250, final: true, key: 'page-key-0001' },
      });

      const over = await browser.post(`/ogone/admin/api/payments/${auth}/capture`, {
        amount: '30',
        key: 'page-key-0002',
      });
      assert.equal(over.status, 409);
      assert.deepEqual(over.body['error'], {
        code: 'operation-refused',
        message: 'That is more than is left to capture on this payment. At most 12.50 EUR is left.',
        reason: 'capture-exceeds-authorised',
      });
      const refund = await browser.post(`/ogone/admin/api/payments/${auth}/refund`, {
        key: 'page-key-0003',
      });
      assert.equal(
        (refund.body['error'] as { message: string }).message,
        'Refund refused: the payment was never captured.',
      );

      for (const bad of [
        { amount: 'ten', key: 'page-key-0004' },
        { amount: '0', key: 'page-key-0005' },
        { amount: '5' },
      ]) {
        const answer = await browser.post(`/ogone/admin/api/payments/${auth}/capture`, bad);
        assert.equal(answer.status, 400, JSON.stringify(bad));
      }
      const cancelled = await browser.post(`/ogone/admin/api/payments/${auth}/cancel`, {
        key: 'page-key-0006',
      });
      assert.equal(cancelled.status, 200);
      assert.deepEqual(calls.at(-1), {
        action: 'cancel',
        ref: 'SO-AUTH-1',
        options: { key: 'page-key-0006' },
      });
      assert.equal(calls.length, 4, 'bad input reached no operation');

      // An unclear payment: ask Ogone (the operations allow one query per 30 s).
      const unclear = ids.get('SO-UNCLEAR')!;
      const unclearDetail = (await browser.json(`/ogone/admin/api/payments/${unclear}`))
        .body as unknown as AdminPaymentDetail;
      assert.equal(unclearDetail.actions.check, true);
      assert.match(unclearDetail.actions.reason!, /Ask Ogone for the status/);
      const asked = await browser.post(`/ogone/admin/api/payments/${unclear}/check`, {});
      assert.equal(asked.status, 200);
      assert.equal(asked.body['queried'], true);
      assert.deepEqual(calls.at(-1), { action: 'status', ref: 'SO-UNCLEAR-1', options: {} });
      const soon = await browser.post(`/ogone/admin/api/payments/${unclear}/check`, {});
      assert.equal(soon.body['queried'], false);
      const noCsrf = await browser.post(
        `/ogone/admin/api/payments/${unclear}/check`,
        {},
        { 'x-ogone-csrf': '' },
      );
      assert.equal(noCsrf.status, 403);
    });
  });
}
