/**
 * The payments page's actions on the real operations: the sandbox (hosted page, maintenancedirect,
 * status-change feedback) and a real ledger (embedded, and PostgreSQL when configured). Capture
 * half of an authorisation, refund part of it, cancel another; what the page then offers, and the
 * operations' refusals in plain words; a repeated key does it once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Ledger } from '../../src/ledger/index.js';
import type { AdminPaymentDetail } from '../../src/server/admin/views.js';
import { ADMIN_TOKEN, Browser } from '../helpers/admin.js';
import { openShop, type Shop } from '../helpers/after-sale.js';
import { targets } from '../helpers/ledger-targets.js';

for (const target of targets()) {
  describe(
    `payments page actions on the operations (${target.name})`,
    { skip: target.skip },
    () => {
      let ledger: Ledger;
      let shop: Shop;
      let staff: Browser;

      before(async () => {
        ledger = await target.open();
        shop = await openShop(ledger, { endpoint: { admin: { token: ADMIN_TOKEN } } });
        staff = new Browser(shop.handler);
        assert.equal((await staff.signIn()).status, 303);
      });
      after(async () => {
        await shop.close();
        await ledger.close();
        await target.cleanup();
      });

      const idOf = async (orderRef: string) => (await ledger.findPayments(orderRef))[0]!.id;
      const detail = async (id: string) =>
        (await staff.json(`/ogone/admin/api/payments/${id}`)).body as unknown as AdminPaymentDetail;
      const act = (id: string, action: string, body: Record<string, unknown>) =>
        staff.post(`/ogone/admin/api/payments/${id}/${action}`, body);

      it('captures half, refunds part, and offers only what is left', async () => {
        const id = await idOf(await shop.pay('1510', 'RES'));
        assert.deepEqual((await detail(id)).actions, {
          capture: '15.10',
          cancel: true,
          refund: null,
          check: false,
          reason: null,
        });

        const captured = await act(id, 'capture', { amount: '7.55', key: 'page-capture-1' });
        assert.equal(captured.status, 200, JSON.stringify(captured.body));
        await shop.sandbox.idle();
        let now = await detail(id);
        assert.equal(now.capturedAmount, '7.55');
        assert.equal(now.label, 'Partly captured');
        assert.deepEqual(now.actions, {
          capture: '7.55',
          cancel: false,
          refund: '7.55',
          check: false,
          reason: null,
        });
        assert.ok(shop.calls.includes('maintenancedirect'));

        const refunded = await act(id, 'refund', { amount: '2.00', key: 'page-refund-1' });
        assert.equal(refunded.status, 200, JSON.stringify(refunded.body));
        await shop.sandbox.idle();
        now = await detail(id);
        assert.equal(now.refundedAmount, '2.00');
        assert.equal(now.actions.refund, '5.55');
        assert.ok(
          now.timeline.some((e) => e.label === 'Refunded' || e.label === 'Partly refunded'),
        );

        // The same click again (same key): done once, nothing more sent.
        const sent = shop.calls.length;
        const again = await act(id, 'refund', { amount: '2.00', key: 'page-refund-1' });
        assert.equal(again.status, 200);
        await shop.sandbox.idle();
        assert.equal(shop.calls.length, sent, 'nothing sent for a repeated key');
        const final = await detail(id);
        assert.equal(final.refundedAmount, '2.00');
        assert.deepEqual(
          final.operations.map((op) => [op.label, op.state]),
          [
            ['Refund of 2.00 EUR', 'Done'],
            ['Capture of 7.55 EUR', 'Done'],
          ],
          'each operation once, newest first',
        );
      });

      it('refuses more than is left, in plain words, before anything is sent', async () => {
        const id = await idOf(await shop.pay('1000', 'RES'));
        const sent = shop.calls.length;
        const over = await act(id, 'capture', { amount: '10.01', key: 'page-capture-over' });
        assert.equal(over.status, 409);
        const error = over.body['error'] as { code: string; message: string; reason: string };
        assert.equal(error.code, 'operation-refused');
        assert.equal(error.reason, 'capture-exceeds-authorised');
        assert.match(error.message, /^That is more than is left to capture on this payment\./);
        assert.equal(shop.calls.length, sent, 'no DirectLink call');
        const refund = await act(id, 'refund', { key: 'page-refund-none' });
        assert.equal((refund.body['error'] as { reason: string }).reason, 'not-refundable');
      });

      it('asks Ogone about an unclear payment, at most once per 30 s', async () => {
        const id = await idOf(await shop.pay('900', 'RES', true));
        const before = await detail(id);
        assert.equal(before.label, 'Unclear, needs checking');
        assert.equal(before.actions.check, true);
        const asked = await act(id, 'check', {});
        assert.equal(asked.status, 200, JSON.stringify(asked.body));
        assert.equal(asked.body['queried'], true);
        assert.ok(shop.calls.includes('querydirect'));
        // Ogone still says 52 (held): the same answer as before, so still unclear.
        assert.equal((asked.body as unknown as AdminPaymentDetail).status, 52);
        const queries = shop.calls.filter((c) => c === 'querydirect').length;
        const soon = await act(id, 'check', {});
        assert.equal(soon.body['queried'], false);
        assert.equal(
          shop.calls.filter((c) => c === 'querydirect').length,
          queries,
          'not asked again',
        );
      });

      it('cancels an authorisation; a second cancel is refused', async () => {
        const id = await idOf(await shop.pay('1200', 'RES'));
        const cancelled = await act(id, 'cancel', { key: 'page-cancel-1' });
        assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
        await shop.sandbox.idle();
        const now = await detail(id);
        assert.equal(now.label, 'Cancelled');
        assert.deepEqual(now.actions.cancel, false);
        const twice = await act(id, 'cancel', { key: 'page-cancel-2' });
        assert.equal(twice.status, 409);
        assert.equal((twice.body['error'] as { reason: string }).reason, 'not-cancellable');
      });
    },
  );
}
