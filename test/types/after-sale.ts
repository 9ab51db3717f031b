// The README's "After the sale" snippet, type-checked with the project (keep the two equal).
import { openLedger } from 'ogone-checkout/ledger';
import {
  createOgoneHandler,
  OgoneOperationError,
  type OgoneHandlerOptions,
} from 'ogone-checkout/server';

declare const options: OgoneHandlerOptions; // your endpoint's options, with `directLink`

const ledger = await openLedger('./.ogone-checkout/ledger');
const ogone = createOgoneHandler({ ...options, ledger });
const ops = ogone.operations; // or createOgoneOperations({ ...options, ledger })

const half = await ops.capture('order-1042', { amount: 755, key: 'capture-1042-1' }); // 7.55
console.log(half.operation, half.state, half.status); // SAL pending 91: Ogone confirms 9 later
try {
  await ops.refund('order-1042', { amount: 10_000 });
} catch (error) {
  if (!(error instanceof OgoneOperationError)) throw error;
  console.log(error.code, error.message); // not-refundable: nothing captured until Ogone confirms
}
await ops.cancel('order-1043'); // DES: 61, then 6
const status = await ops.status('order-1042'); // querydirect now, recorded in the ledger
console.log(status.payment.status, status.payment.capturedAmount);
const report = await ops.reconcile({ olderThan: 10 * 60_000, limit: 20 });
console.log(report.payments.filter((p) => p.flagged)); // left to a person
