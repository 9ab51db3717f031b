/** `ogone-checkout payments show <orderRef|orderId> [--json]`: state, events timeline, deliveries. */
import type { PaymentHistory } from '../server/ledger/records.js';
import { parseCommandArgs, UsageError } from './args.js';
import { databaseUrl, openForCommand } from './database.js';
import { cell, table } from './table.js';

export const PAYMENTS_SHOW_USAGE = `Usage: ogone-checkout payments show <orderRef|orderId> [--json] [--database <url>]

Shows every attempt of an order (or one ORDERID): its state, the messages received (timeline)
and the deliveries to your result hook or webhook.
`;

function render(history: PaymentHistory): string {
  const p = history.payment;
  const lines = [
    `Payment ${cell(p.orderId)} (order ${cell(p.orderRef)}, ${cell(p.provider)})`,
    `  status     ${cell(p.status)} ${cell(p.statusName)} (${cell(p.outcome)})`,
    `  amount     ${p.amount} ${p.currency}, captured ${p.capturedAmount}, refunded ${p.refundedAmount}`,
    `  payId      ${cell(p.payId)}   card ${cell(p.brand)} ${cell(p.cardNumber)}   alias ${cell(p.alias)}`,
    `  customer   ${cell(p.customerId)}   created ${p.createdAt}   updated ${p.updatedAt}`,
    '',
    'Events',
    table(
      ['RECEIVED', 'SOURCE', 'STATUS', 'STEP', 'DISPOSITION', 'DUPLICATES', 'KEY'],
      history.events.map((e) => [
        e.receivedAt,
        e.source,
        e.status,
        e.step,
        e.disposition,
        e.duplicates,
        e.idempotencyKey,
      ]),
    ).trimEnd(),
    '',
    'Deliveries',
    history.deliveries.length === 0
      ? '  none'
      : table(
          ['KEY', 'ATTEMPTS', 'DELIVERED', 'DEAD', 'NEXT ATTEMPT', 'LAST ERROR'],
          history.deliveries.map((d) => [
            d.idempotencyKey,
            d.attempts,
            d.deliveredAt,
            d.deadAt,
            d.deliveredAt === null && d.deadAt === null ? d.nextAttemptAt : null,
            d.lastError,
          ]),
        ).trimEnd(),
  ];
  return `${lines.join('\n')}\n`;
}

export async function paymentsShow(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, ['database'], ['json'], 1);
  const reference = positionals[0];
  if (reference === undefined)
    throw new UsageError('payments show needs an orderRef or an ORDERID');
  const ledger = await openForCommand(
    databaseUrl(values['database'] as string | undefined, env),
    false,
  );
  try {
    const histories: PaymentHistory[] = [];
    for (const payment of await ledger.findPayments(reference)) {
      const history = await ledger.paymentHistory(payment.id);
      if (history !== null) histories.push(history);
    }
    if (values['json'] === true) {
      process.stdout.write(`${JSON.stringify(histories, null, 2)}\n`);
      return histories.length === 0 ? 1 : 0;
    }
    if (histories.length === 0) {
      process.stderr.write(
        `ogone-checkout payments show: no payment for ${JSON.stringify(cell(reference))}\n`,
      );
      return 1;
    }
    process.stdout.write(histories.map(render).join('\n'));
    return 0;
  } finally {
    await ledger.close();
  }
}
