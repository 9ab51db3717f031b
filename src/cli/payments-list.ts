/** `ogone-checkout payments list [--status …] [--since …] [--limit n] [--json]`: recent payments. */
import { OUTCOMES } from '../protocol/status.js';
import { parseCommandArgs, parseLimit, parseSince, parseStatus } from './args.js';
import { databaseUrl, openForCommand } from './database.js';
import { table } from './table.js';

export const PAYMENTS_LIST_USAGE = `Usage: ogone-checkout payments list [--status <code|outcome>] [--since <date|24h|7d>] [--limit <n>] [--json] [--database <url>]

Lists payments, most recently changed first (default 100).
`;

export async function paymentsList(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { values } = parseCommandArgs(argv, ['status', 'since', 'limit', 'database'], ['json'], 0);
  const filter = {
    status:
      typeof values['status'] === 'string' ? parseStatus(values['status'], OUTCOMES) : undefined,
    since: typeof values['since'] === 'string' ? parseSince(values['since']) : undefined,
    limit: parseLimit(values['limit'] as string | undefined),
  };
  const ledger = await openForCommand(
    databaseUrl(values['database'] as string | undefined, env),
    false,
  );
  try {
    const payments = await ledger.listPayments(filter);
    if (values['json'] === true) {
      process.stdout.write(`${JSON.stringify(payments, null, 2)}\n`);
      return 0;
    }
    if (payments.length === 0) {
      process.stdout.write('No payments.\n');
      return 0;
    }
    process.stdout.write(
      table(
        ['UPDATED', 'ORDER', 'ORDERID', 'STATUS', 'OUTCOME', 'AMOUNT', 'REFUNDED', 'CARD'],
        payments.map((p) => [
          p.updatedAt.slice(0, 19).replace('T', ' '),
          p.orderRef,
          p.orderId,
          p.status ?? (p.returnStatus !== null ? `(${p.returnStatus})` : null),
          p.outcome,
          `${p.amount} ${p.currency}`,
          p.refundedAmount === '0.00' ? null : p.refundedAmount,
          p.brand === null ? p.cardNumber : `${p.brand} ${p.cardNumber ?? ''}`.trim(),
        ]),
      ),
    );
    return 0;
  } finally {
    await ledger.close();
  }
}
