/** What every page of the sandbox shares: the settings and the platform's state. */
import type { FeedbackSender } from './feedback.js';
import type { ResolvedSandboxOptions } from './options.js';
import type { AliasStore } from './state/aliases.js';
import type { ChallengeStore } from './state/challenges.js';
import type { Controls } from './state/controls.js';
import type { PaidOrders } from './state/paid-orders.js';
import type { PayIds } from './state/pay-ids.js';
import type { PaymentStore } from './state/payments.js';
import type { Scheduler } from './state/scheduler.js';
import type { SessionStore } from './state/sessions.js';

export interface SandboxContext {
  config: ResolvedSandboxOptions;
  sessions: SessionStore;
  challenges: ChallengeStore;
  paidOrders: PaidOrders;
  payIds: PayIds;
  payments: PaymentStore;
  aliases: AliasStore;
  scheduler: Scheduler;
  controls: Controls;
  /** `undefined` when no feedback URL is configured. */
  feedback: FeedbackSender | undefined;
}
