/** What the hosted-page routes share: the settings and the sandbox's state. */
import type { FeedbackSender } from '../feedback.js';
import type { ResolvedSandboxOptions } from '../options.js';
import type { PaidOrders } from '../state/paid-orders.js';
import type { PayIds } from '../state/pay-ids.js';
import type { SessionStore } from '../state/sessions.js';

export interface HostedPageContext {
  config: ResolvedSandboxOptions;
  sessions: SessionStore;
  paidOrders: PaidOrders;
  payIds: PayIds;
  /** `undefined` when no feedback URL is configured. */
  feedback: FeedbackSender | undefined;
}
