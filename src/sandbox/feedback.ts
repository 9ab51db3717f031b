/**
 * Ogone's "online, then deferred" server-to-server request: one attempt while the shopper waits,
 * then background retries after configurable delays, four tries at most.
 */
import type { SandboxFetch } from './options.js';

/** One attempt to deliver a result to the feedback URL. */
export interface FeedbackDelivery {
  orderID: string;
  STATUS: string;
  PAYID: string;
  /** 1 for the online attempt, 2-4 for deferred retries. */
  attempt: number;
  ok: boolean;
  /** HTTP status of the answer, when there was one. */
  httpStatus?: number;
  /** Why the attempt failed (network error, timeout, non-2xx). */
  error?: string;
  /** True on the last failed attempt: the sandbox gives up on this result. */
  gaveUp: boolean;
  /** ISO time the attempt finished. */
  at: string;
}

interface Job {
  body: string;
  orderID: string;
  STATUS: string;
  PAYID: string;
}

export interface FeedbackSenderOptions {
  url: string;
  fetch: SandboxFetch;
  retryDelaysMs: readonly number[];
  timeoutMs: number;
  maxLogEntries: number;
  now: () => Date;
}

/** Delivers feedback and keeps a bounded log of attempts. */
export class FeedbackSender {
  readonly #options: FeedbackSenderOptions;
  readonly #log: FeedbackDelivery[] = [];
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #inFlight = new Set<AbortController>();
  #pending = 0;
  #waiters: (() => void)[] = [];
  #closed = false;

  constructor(options: FeedbackSenderOptions) {
    this.#options = options;
  }

  /** The attempts so far, oldest first (bounded). */
  get log(): readonly FeedbackDelivery[] {
    return this.#log;
  }

  /**
   * Sends `params` (form-urlencoded) and resolves after the online attempt; on failure the
   * deferred retries run in the background. Never rejects.
   */
  async deliver(params: [string, string][]): Promise<boolean> {
    const lookup = (name: string) => params.find(([key]) => key.toUpperCase() === name)?.[1] ?? '';
    const job: Job = {
      body: new URLSearchParams(params).toString(),
      orderID: lookup('ORDERID'),
      STATUS: lookup('STATUS'),
      PAYID: lookup('PAYID'),
    };
    this.#pending++;
    try {
      return await this.#attempt(job, 1);
    } finally {
      this.#settle();
    }
  }

  /** True while a delivery is in flight or waiting for a retry. */
  get busy(): boolean {
    return this.#pending > 0;
  }

  /** Resolves once no delivery is in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.#pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Cancels every scheduled retry and aborts attempts in flight. */
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
    if (this.#pending === 0) this.#wake();
  }

  #wake(): void {
    this.#pending = Math.max(0, this.#pending);
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }

  async #attempt(job: Job, attempt: number): Promise<boolean> {
    const { url, fetch, timeoutMs, retryDelaysMs } = this.#options;
    const controller = new AbortController();
    this.#inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let ok = false;
    let httpStatus: number | undefined;
    let error: string | undefined;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
          'user-agent': 'ogone-checkout-sandbox',
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
          ? caught.message
          : 'network error';
    } finally {
      clearTimeout(timer);
      this.#inFlight.delete(controller);
    }
    const delay = retryDelaysMs[attempt - 1];
    const willRetry = !ok && !this.#closed && delay !== undefined;
    this.#record({
      orderID: job.orderID,
      STATUS: job.STATUS,
      PAYID: job.PAYID,
      attempt,
      ok,
      ...(httpStatus === undefined ? {} : { httpStatus }),
      ...(error === undefined ? {} : { error }),
      gaveUp: !ok && !willRetry,
      at: this.#options.now().toISOString(),
    });
    if (willRetry) this.#schedule(job, attempt + 1, delay);
    return ok;
  }

  #schedule(job: Job, attempt: number, delay: number): void {
    this.#pending++;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      void this.#attempt(job, attempt).finally(() => this.#settle());
    }, delay);
    this.#timers.add(timer);
  }

  #record(entry: FeedbackDelivery): void {
    this.#log.push(entry);
    const excess = this.#log.length - this.#options.maxLogEntries;
    if (excess > 0) this.#log.splice(0, excess);
  }
}
