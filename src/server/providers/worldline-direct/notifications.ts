/**
 * Worldline Direct webhooks on `/feedback`: `X-GCS-Signature` verified over the raw bytes with the
 * secret of the key `X-GCS-KeyId` names (constant time; an unknown key or a bad signature: 403).
 * Each event is a trigger, never the truth: the payment's current state and its operations are
 * read with a signed GET (`payments/{id}/details`, as Worldline's own plugin core does), each
 * operation a result with its own amount. Redeliveries are recognised by event id and by (type,
 * payment id) — duplicates "have identical values for both" [3rd-party, notes §4.5] — and answered
 * without a read (narrowed by the status change they report, `duplicateKeyOf`); an event is
 * remembered only after its results were recorded, so a failure is retried by the platform rather
 * than mistaken for a duplicate.
 */
import {
  parseWebhookEvents,
  type WebhookEvent,
} from '../../../protocol/worldline/webhook-event.js';
import {
  verifyWebhookSignature,
  WorldlineWebhookError,
} from '../../../protocol/worldline/webhook.js';
import type { ResolvedOptions } from '../../config/resolve-options.js';
import type { CoreRequest } from '../../http/core.js';
import { fail } from '../../http/failure.js';
import type { Facts } from '../../http/request-log.js';
import {
  checkoutByOrderId,
  countIfTaken,
  markTaken,
  type WebhookEventKey,
} from '../../ledger/checkouts.js';
import { withLedger } from '../../routes/record.js';
import type { VerifiedResult } from '../../rules/verified-result.js';
import type { TakenNotification } from '../provider.js';
import type { WorldlineDirectClient } from './client.js';
import { defaultHmac } from './hmac.js';
import { readDetails } from './outcome.js';
import { resultsFromDetails } from './result.js';

const PROVIDER = 'worldline-direct';

/** Webhook bodies larger than this are refused (a payment event is a few kilobytes). */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

async function rawBody(req: CoreRequest): Promise<Uint8Array> {
  const body =
    req.bufferedBody?.(MAX_WEBHOOK_BYTES) ??
    (await req
      .readBody(MAX_WEBHOOK_BYTES)
      .catch(() => fail('invalid-request', 'The request body could not be read.')));
  if (body === 'too-large') {
    return fail('payload-too-large', `The webhook is larger than ${MAX_WEBHOOK_BYTES} bytes.`);
  }
  return body;
}

/** The payment an event is about: its own id, or for a refund event the payment's (`<id>_0`). */
function paymentIdOf(event: WebhookEvent): string | undefined {
  const id = event.subject.id;
  if (id === undefined || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return undefined;
  if (event.subject.kind === 'payment') return id;
  if (event.subject.kind === 'refund') return `${id.replace(/_\d+$/, '')}_0`;
  return undefined;
}

function merchantReferenceOf(event: WebhookEvent): string | undefined {
  const subject = event.body[event.subject.kind];
  const output =
    typeof subject === 'object' && subject !== null
      ? ((subject as Record<string, unknown>).paymentOutput ??
        (subject as Record<string, unknown>).refundOutput)
      : undefined;
  const references =
    typeof output === 'object' && output !== null
      ? (output as Record<string, unknown>).references
      : undefined;
  const reference =
    typeof references === 'object' && references !== null
      ? (references as Record<string, unknown>).merchantReference
      : undefined;
  return typeof reference === 'string' && /^[\x20-\x7e]{1,50}$/.test(reference)
    ? reference
    : undefined;
}

/** A text PostgreSQL can store (no NUL), as sent otherwise. */
function storable(text: string): string {
  return text.replace(/\u0000/g, '\ufffd');
}

/**
 * (type, payment id) — what duplicates share [3rd-party] — narrowed by the subject's status code and
 * its `statusCodeChangeDateTime` when sent: a second partial refund (same type, same payment, a
 * later change) is news, not a redelivery (the safe reading of an unconfirmed fact, Gap 1).
 */
function duplicateKeyOf(event: WebhookEvent): string {
  const subject = event.body[event.subject.kind];
  const output =
    typeof subject === 'object' && subject !== null
      ? (subject as Record<string, unknown>).statusOutput
      : undefined;
  const status =
    typeof output === 'object' && output !== null ? (output as Record<string, unknown>) : {};
  const code = typeof status.statusCode === 'number' ? String(status.statusCode) : '';
  const changed =
    typeof status.statusCodeChangeDateTime === 'string'
      ? status.statusCodeChangeDateTime.slice(0, 40)
      : '';
  return `${event.duplicateKey}:${code}:${changed}`;
}

export async function takeWorldlineNotification(
  o: ResolvedOptions,
  client: WorldlineDirectClient,
  req: CoreRequest,
  facts: Facts,
): Promise<TakenNotification> {
  if (req.method !== 'POST') fail('method-not-allowed', 'Worldline Direct webhooks are POSTed.');
  const body = await rawBody(req);
  const settings = o.worldlineDirect!;
  const headers: Record<string, string | undefined> = {
    'X-GCS-Signature': req.header('x-gcs-signature') ?? undefined,
    'X-GCS-KeyId': req.header('x-gcs-keyid') ?? undefined,
  };
  let events: WebhookEvent[];
  try {
    await verifyWebhookSignature(
      body,
      headers,
      (keyId) => (keyId === settings.webhookKeyId ? settings.webhookSecret : undefined),
      defaultHmac,
    );
    events = parseWebhookEvents(body);
  } catch (error) {
    if (!(error instanceof WorldlineWebhookError)) throw error;
    if (error.code === 'invalid-event') return fail('invalid-request', error.message);
    return fail('invalid-signature', `The webhook is refused: ${error.message}.`);
  }

  const results: VerifiedResult[] = [];
  const taken: WebhookEventKey[] = [];
  let duplicates = 0;
  for (const event of events) {
    const key = {
      eventId: storable(event.id),
      duplicateKey: storable(duplicateKeyOf(event)),
      type: storable(event.type),
    };
    const paymentId = paymentIdOf(event);
    if (paymentId === undefined) {
      taken.push(key); // a test event, a token or payout event: nothing to record
      continue;
    }
    const seen = await withLedger(o, 'reading webhook events', (db) =>
      countIfTaken(db, PROVIDER, key),
    );
    if (seen === 'event') {
      duplicates++;
      continue;
    }
    // Same type for the same payment: a redelivery, counted — yet read again, since a second
    // partial refund looks the same; the ledger's keys keep anything from being applied twice.
    if (seen === 'same-change') duplicates++;
    const details = await readDetails(o, client, paymentId);
    const payment = details?.payment;
    const reference = payment?.merchantReference ?? merchantReferenceOf(event);
    const checkout =
      reference === undefined
        ? undefined
        : await withLedger(o, 'reading a checkout', (db) =>
            checkoutByOrderId(db, PROVIDER, reference),
          );
    if (details === undefined || checkout === undefined) {
      o.log({
        level: 'warn',
        event: 'webhook-ignored',
        message: `Worldline Direct event ${event.id.slice(0, 64)} (${event.type.slice(0, 64)}) is about no payment this endpoint started; acknowledged.`,
      });
      taken.push(key);
      continue;
    }
    for (const verified of resultsFromDetails(details, checkout)) {
      facts.orderRef = verified.result.orderRef;
      facts.orderId = verified.result.orderId;
      facts.idempotencyKey = verified.result.idempotencyKey;
      results.push(verified);
    }
    taken.push(key);
  }
  return {
    results,
    duplicates,
    settle: () => withLedger(o, 'recording webhook events', (db) => markTaken(db, PROVIDER, taken)),
  };
}
