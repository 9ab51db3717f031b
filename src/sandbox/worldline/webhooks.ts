/**
 * Signed webhooks as the platform sends them (notes §4): a JSON event POSTed with
 * `X-GCS-Signature` (base64 HMAC-SHA256 of the exact body bytes) and `X-GCS-KeyId`; a non-2xx or
 * a failure is retried after the configured delays. The pattern of the Ogone sandbox's feedback
 * sender: a bounded log, `idle()` and `close()`, built to be tested.
 */
import { signWebhookBody } from '../../protocol/worldline/webhook.js';
import type { SandboxFetch } from '../options.js';

/** One delivery attempt. */
export interface WebhookDelivery {
  eventId: string;
  type: string;
  url: string;
  /** 1 for the first try, then 2, 3, … */
  attempt: number;
  ok: boolean;
  httpStatus?: number;
  error?: string;
  /** The last failed attempt: no more retries. */
  gaveUp: boolean;
  at: string;
}

export interface WebhookSenderOptions {
  keyId: string;
  secret: string;
  fetch: SandboxFetch;
  retryDelaysMs: readonly number[];
  timeoutMs: number;
  maxLogEntries: number;
  now: () => Date;
}

interface Job {
  eventId: string;
  type: string;
  url: string;
  body: string;
  signature: string;
}

export class WebhookSender {
  readonly #options: WebhookSenderOptions;
  readonly #log: WebhookDelivery[] = [];
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #inFlight = new Set<AbortController>();
  #pending = 0;
  #waiters: (() => void)[] = [];
  #closed = false;

  constructor(options: WebhookSenderOptions) {
    this.#options = options;
  }

  /** Attempts so far, oldest first (bounded). */
  get log(): readonly WebhookDelivery[] {
    return this.#log;
  }

  /** Signs `event` once and sends it to every URL; first attempts run now, retries later. */
  async send(event: { id: string; type: string }, urls: readonly string[]): Promise<void> {
    if (this.#closed || urls.length === 0) return;
    // Counted before the first await, so idle() called right after send() waits for it.
    this.#pending++;
    try {
      const body = JSON.stringify(event);
      const signature = await signWebhookBody(this.#options.secret, body);
      await Promise.all(
        [...new Set(urls)].map((url) => {
          this.#pending++;
          const job = { eventId: event.id, type: event.type, url, body, signature };
          return this.#attempt(job, 1).finally(() => this.#settle());
        }),
      );
    } finally {
      this.#settle();
    }
  }

  /** Resolves once nothing is in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.#pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Cancels scheduled retries and aborts attempts in flight. */
  close(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#pending -= this.#timers.size;
    this.#timers.clear();
    for (const controller of this.#inFlight) controller.abort();
    if (this.#pending <= 0) this.#wake();
  }

  #settle(): void {
    this.#pending--;
    if (this.#pending <= 0) this.#wake();
  }

  #wake(): void {
    this.#pending = Math.max(0, this.#pending);
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }

  async #attempt(job: Job, attempt: number): Promise<void> {
    const { fetch, timeoutMs, retryDelaysMs, keyId } = this.#options;
    const controller = new AbortController();
    this.#inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let ok = false;
    let httpStatus: number | undefined;
    let error: string | undefined;
    try {
      const response = await fetch(job.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'ogone-checkout-worldline-sandbox',
          'X-GCS-Signature': job.signature,
          'X-GCS-KeyId': keyId,
        },
        body: job.body,
        redirect: 'manual',
        signal: controller.signal,
      });
      httpStatus = response.status;
      ok = response.status >= 200 && response.status < 300;
      if (!ok) error = `HTTP ${response.status}`;
      await response.body?.cancel().catch(() => undefined);
    } catch (caught) {
      error = controller.signal.aborted
        ? this.#closed
          ? 'cancelled'
          : `timed out after ${timeoutMs} ms`
        : caught instanceof Error
          ? caught.message.slice(0, 200)
          : 'network error';
    } finally {
      clearTimeout(timer);
      this.#inFlight.delete(controller);
    }
    const delay = retryDelaysMs[attempt - 1];
    const willRetry = !ok && !this.#closed && delay !== undefined;
    this.#record({
      eventId: job.eventId,
      type: job.type,
      url: job.url,
      attempt,
      ok,
      ...(httpStatus === undefined ? {} : { httpStatus }),
      ...(error === undefined ? {} : { error }),
      gaveUp: !ok && !willRetry,
      at: this.#options.now().toISOString(),
    });
    if (willRetry) this.#schedule(job, attempt + 1, delay);
  }

  #schedule(job: Job, attempt: number, delay: number): void {
    this.#pending++;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      void this.#attempt(job, attempt).finally(() => this.#settle());
    }, delay);
    this.#timers.add(timer);
  }

  #record(entry: WebhookDelivery): void {
    this.#log.push(entry);
    const excess = this.#log.length - this.#options.maxLogEntries;
    if (excess > 0) this.#log.splice(0, excess);
  }
}
