/** The after-sale commands' human-readable output: one operation, a status, a reconciliation run. */
import { fromOgoneAmount } from '../protocol/amount.js';
import type { OperationResult, ReconcileReport, StatusResult } from '../server/operations/types.js';
import type { PaymentRecord } from '../server/ledger/records.js';
import { cell, table } from './table.js';

const VERB = { capture: 'Capture', cancel: 'Cancellation', refund: 'Refund' } as const;

/** `500` → `5.00`. */
export function money(minor: number): string {
  return fromOgoneAmount(String(minor));
}

function paymentLine(p: PaymentRecord): string {
  return `Payment ${cell(p.orderId)} (order ${cell(p.orderRef)}): ${cell(p.status)} ${cell(p.statusName)}; ${p.amount} ${p.currency}, captured ${p.capturedAmount}, refunded ${p.refundedAmount}`;
}

export function renderOperation(r: OperationResult): string {
  const what = `${VERB[r.kind]} of ${money(r.amount)} ${r.currency} (${r.operation}${r.final ? ', last' : ''})`;
  const state =
    r.state === 'done'
      ? 'done'
      : 'accepted, pending: Ogone confirms it later (feedback, or "ogone-checkout status")';
  return [
    `${what}: ${state}.`,
    `  Ogone: STATUS ${r.status} ${r.statusName}, step ${r.step}.`,
    r.replayed ? '  This key was used before: its recorded result, nothing sent now.' : undefined,
    `  Key: ${cell(r.key)} (give --key ${cell(r.key)} to retry safely).`,
    `  ${paymentLine(r.payment)}.`,
  ]
    .filter((line) => line !== undefined)
    .join('\n')
    .concat('\n');
}

export function renderStatus(s: StatusResult): string {
  const asked = s.queried
    ? `Asked Ogone: STATUS ${cell(s.answeredStatus)} (${cell(s.disposition)}).`
    : 'Not asked: this payment was queried less than 30 s ago (Ogone allows one query per 30 s).';
  const lines = [paymentLine(s.payment), asked];
  if (s.operations.length > 0) {
    lines.push(
      '',
      table(
        ['KEY', 'OPERATION', 'AMOUNT', 'STATE', 'STEP', 'STATUS', 'UPDATED'],
        s.operations.map((op) => [
          op.key,
          op.operation,
          money(op.amount),
          op.state,
          op.step,
          op.status,
          op.updatedAt,
        ]),
      ).trimEnd(),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function renderReconcile(report: ReconcileReport): string {
  if (report.payments.length === 0) {
    return report.dryRun ? 'Nothing is due a status query.\n' : 'Nothing was due a status query.\n';
  }
  const head = report.dryRun
    ? `${report.payments.length} payment(s) due a status query (dry run: nothing asked):`
    : `Queried ${report.payments.length} payment(s):`;
  const rows = report.payments.map((p) => [
    p.orderId,
    p.orderRef,
    p.statusBefore,
    report.dryRun ? '' : p.statusAfter,
    report.dryRun ? 'due' : p.resolved ? 'resolved' : p.flagged ? 'FLAGGED: look at it' : 'pending',
    p.attempts,
    p.nextQueryAt,
    p.problem,
  ]);
  return `${head}\n${table(
    ['ORDERID', 'ORDER', 'BEFORE', 'AFTER', 'RESULT', 'QUERIES', 'NEXT QUERY', 'PROBLEM'],
    rows,
  )}`;
}
