/**
 * A verified webhook body read as events: the event id, its type and what it is about. The event
 * is a trigger, never the truth: the receiver reads the payment's current state with a signed GET
 * (Worldline's own plugin core does the same for every event, notes §4.3).
 */
import { WorldlineWebhookError } from './webhook.js';

/** What an event is about, from the one object it carries (`payment`, `refund`, `payout`, `token`). */
export interface WebhookSubject {
  kind: 'payment' | 'refund' | 'payout' | 'token' | 'none';
  /** Its `id` (`3254564310_0` for a payment), `undefined` when absent. */
  id: string | undefined;
}

/** One webhook event. */
export interface WebhookEvent {
  /** Unique per event ("use this id to verify that you did not already receive this event"). */
  id: string;
  /** e.g. `payment.pending_capture`, `payment.captured`, `refund.refund_requested`. */
  type: string;
  apiVersion: string | undefined;
  /** As sent; formats vary (`2017-02-02T11:24:14.040+0100`, 7 fractional digits): not parsed. */
  created: string | undefined;
  merchantId: string | undefined;
  subject: WebhookSubject;
  /**
   * `type:kind:id`. Duplicated deliveries "have identical values for both properties payment.id and
   * type" [3rd-party quote, notes §4.5]: a second event with the same key is a duplicate.
   */
  duplicateKey: string;
  /** The parsed event, for logging or the ledger's record. */
  body: Readonly<Record<string, unknown>>;
}

const SUBJECT_KINDS = ['payment', 'refund', 'payout', 'token'] as const;
const MAX_EVENTS = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, max = 200): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= max ? value : undefined;
}

function invalid(why: string): WorldlineWebhookError {
  return new WorldlineWebhookError('invalid-event', `webhook body is not an event: ${why}`);
}

function readEvent(value: unknown): WebhookEvent {
  if (!isRecord(value)) throw invalid('expected an object');
  const id = text(value.id);
  const type = text(value.type, 100);
  if (id === undefined) throw invalid('no id');
  if (type === undefined) throw invalid('no type');
  const kind = SUBJECT_KINDS.find((name) => isRecord(value[name])) ?? 'none';
  const object = kind === 'none' ? undefined : (value[kind] as Record<string, unknown>);
  const subjectId = object === undefined ? undefined : text(object.id);
  return {
    id,
    type,
    apiVersion: text(value.apiVersion, 20),
    created: text(value.created, 64),
    merchantId: text(value.merchantId, 100),
    subject: { kind, id: subjectId },
    duplicateKey: `${type}:${kind}:${subjectId ?? ''}`,
    body: value,
  };
}

/**
 * The events of a verified body. One object is the documented shape; a JSON array of them is
 * accepted too (a third-party reading of the webhooks guide says its example "renders as a JSON
 * ARRAY", unconfirmed: accepting both is the safe reading). Throws `invalid-event`.
 */
export function parseWebhookEvents(body: string | Uint8Array): WebhookEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body),
    );
  } catch {
    throw invalid('not JSON');
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  if (list.length === 0) throw invalid('an empty list');
  if (list.length > MAX_EVENTS) throw invalid(`more than ${MAX_EVENTS} events`);
  return list.map(readEvent);
}
