/**
 * Ends a hosted-page session with the acquirer's outcome: records the payment (and the alias the
 * shopper agreed to), holds it uncertain when told to, frees a refused ORDERID, delivers the
 * signed feedback, and keeps what the shopper gets (redirect, or a page when no URL applies).
 */
import { randomUrlToken } from '../../internal/random.js';
import type { SandboxContext } from '../context.js';
import { completionFor } from '../platform/completion.js';
import { rememberAlias, recordPayment } from '../platform/record.js';
import { signedStepResult } from '../platform/results.js';
import { holdStep } from '../platform/settle.js';
import type { StoredCard } from '../state/payments.js';
import type { Completion, Session } from '../state/sessions.js';
import { holdsOrderId, isSuccess, type Outcome } from './acquirer.js';

/** The alias to send back: the form's name, one made up for BYPSP, none unless paid and agreed. */
function aliasOf(session: Session, outcome: Outcome, saveCard: boolean): string | undefined {
  if (!isSuccess(outcome.status) || !saveCard || session.alias === undefined) return undefined;
  return session.alias || randomUrlToken().slice(0, 24).toUpperCase();
}

/** The result of a session: the acquirer's outcome, under a PAYID claimed beforehand. */
export interface SessionResult {
  outcome: Outcome;
  payId: string;
  card: StoredCard | undefined;
  saveCard: boolean;
  /** `5` after a 3-D Secure challenge, `7` for a typed card. */
  eci?: string;
  /** Held uncertain until this moment (sandbox clock, epoch ms) or until released. */
  hold?: { untilMs: number | undefined };
}

export async function completeSession(
  context: SandboxContext,
  session: Session,
  { outcome, payId, card, saveCard, eci, hold }: SessionResult,
): Promise<Completion> {
  const payment = recordPayment(
    context,
    {
      payId,
      pspid: session.pspid,
      orderId: session.orderId,
      currency: session.currency,
      amountMinor: Number(session.amountMinor),
      operation: session.operation,
      card,
      alias: hold ? undefined : aliasOf(session, outcome, saveCard),
      eci: card ? (eci ?? '7') : '',
      complus: session.complus,
      paramPlus: session.paramPlus,
      ip: session.ip,
      cn: session.cn,
      language: session.language,
      urls: session.urls,
    },
    outcome,
  );
  const step = payment.steps[0]!;
  if (hold) holdStep(context, payment, step, outcome, hold.untilMs);
  else if (!holdsOrderId(outcome.status)) context.paidOrders.release(session.orderId, payId);
  if (isSuccess(step.status)) rememberAlias(context, payment);
  const sent = await signedStepResult(context, payment, step);
  if (context.feedback) await context.feedback.deliver(sent);

  session.completed = completionFor(payment, step, sent);
  return session.completed;
}
