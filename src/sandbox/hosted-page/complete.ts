/**
 * Ends a hosted-page session with an outcome: signs the result, records a paid ORDERID, delivers
 * the feedback, and keeps what the shopper gets (redirect, or a result page when no URL applies).
 */
import { randomUrlToken } from '../../internal/random.js';
import { describeStatus } from '../../protocol/status.js';
import { renderResultPage } from '../pages/result-page.js';
import { stringsFor } from '../pages/strings.js';
import type { Session } from '../state/sessions.js';
import { isSuccess, type Outcome } from './acquirer.js';
import type { HostedPageContext } from './context.js';
import { returnUrlFor, withQuery } from './redirect.js';
import { signedResult, type ResultCard } from './result.js';

/** The alias to send back: the form's name, one made up for BYPSP, none unless paid and agreed. */
function aliasOf(session: Session, outcome: Outcome, saveCard: boolean): string | undefined {
  if (!isSuccess(outcome.status) || !saveCard || session.alias === undefined) return undefined;
  return session.alias || randomUrlToken().slice(0, 24).toUpperCase();
}

/** The result of a session: its outcome, under a PAYID (claimed beforehand for a payment). */
export interface SessionResult {
  outcome: Outcome;
  payId: string;
  card: ResultCard | undefined;
  saveCard: boolean;
}

export async function completeSession(
  context: HostedPageContext,
  session: Session,
  { outcome, payId, card, saveCard }: SessionResult,
): Promise<void> {
  const { config } = context;
  const sent = await signedResult(
    {
      orderId: session.orderId,
      currency: session.currency,
      amountMinor: session.amountMinor,
      outcome,
      payId,
      card,
      cn: session.cn,
      alias: aliasOf(session, outcome, saveCard),
      complus: session.complus,
      ip: session.ip,
      paramPlus: session.paramPlus,
      now: config.now(),
    },
    config.shaOut,
    config.hashAlgorithm,
  );
  if (context.feedback) await context.feedback.deliver(sent);

  const target = returnUrlFor(outcome.status, session.urls);
  if (target !== undefined) {
    session.completed = { location: withQuery(target, sent) };
    return;
  }
  const success = isSuccess(outcome.status);
  session.completed = {
    html: renderResultPage({
      strings: stringsFor(session.language),
      status: outcome.status,
      statusName: describeStatus(outcome.status).name,
      tone: success ? 'success' : outcome.status === 2 ? 'error' : 'neutral',
      orderId: session.orderId,
      payId,
      amountMinor: session.amountMinor,
      currency: session.currency,
      ncError: outcome.ncError,
    }),
  };
}
