/** What every part of the Worldline sandbox shares: its settings, its memory and its senders. */
import type { IdempotenceStore } from './idempotence.js';
import type { ResolvedWorldlineSandboxOptions } from './options.js';
import { eventType } from './payment-factory.js';
import { paymentJson, type SandboxPayment } from './payment-model.js';
import type { SandboxState } from './state.js';
import type { WebhookSender } from './webhooks.js';

export interface SandboxContext {
  config: ResolvedWorldlineSandboxOptions;
  state: SandboxState;
  idempotence: IdempotenceStore;
  webhooks: WebhookSender;
}

/** `2026-11-23T10:00:00.000+00:00`: the `created` of an event. */
function created(now: Date): string {
  return now.toISOString().replace('Z', '+00:00');
}

/**
 * Announces the payment's current state (the event type follows its status unless given) to the
 * configured URL and the payment's own `feedbacks.webhooksUrls`. Resolves after the first
 * attempts; retries run in the background.
 */
export function notify(
  context: SandboxContext,
  payment: SandboxPayment,
  type = eventType(payment),
): Promise<void> {
  const urls = [
    ...(context.config.webhookUrl === undefined ? [] : [context.config.webhookUrl]),
    ...payment.webhookUrls,
  ];
  const event = {
    apiVersion: 'v1',
    created: created(context.config.now()),
    id: globalThis.crypto.randomUUID(),
    merchantId: context.config.merchantId,
    type,
    payment: paymentJson(payment),
  };
  return context.webhooks.send(event, urls);
}
