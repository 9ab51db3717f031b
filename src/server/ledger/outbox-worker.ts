/**
 * The outbox worker: claims due deliveries (several instances share them, see `outbox.ts`),
 * hands each to the merchant at least once, in order per payment, retries failures with
 * exponential backoff and dead-letters a delivery after the attempt limit, with a log line.
 */
import type { OutboxSettings } from '../config/ledger-options.js';
import type { Driver } from './drivers/driver.js';
import { claimDue, claimNow, markDelivered, markFailed, type Claimed } from './outbox.js';

/** Hands one result to the merchant; resolves once it is accepted. */
export type Deliver = (payload: unknown, claimed: Claimed) => Promise<void>;

/** What the worker reports (the handler turns it into log entries). */
export type WorkerReport =
  | { kind: 'retry'; claimed: Claimed; error: string; retryInMs: number }
  | { kind: 'dead'; claimed: Claimed; error: string }
  | { kind: 'ledger-failed'; error: string };

/** Delay before attempt `attempt + 1`: base × 2^(attempt−1), capped, ±20% jitter. */
export function retryDelay(
  attempt: number,
  settings: OutboxSettings,
  random = Math.random,
): number {
  const exact = Math.min(
    settings.retryMaxMs,
    settings.retryBaseMs * 2 ** Math.min(attempt - 1, 40),
  );
  return Math.round(exact * (0.8 + 0.4 * random()));
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export class OutboxWorker {
  readonly #driver: Driver;
  readonly #settings: OutboxSettings;
  readonly #deliver: Deliver;
  readonly #report: (report: WorkerReport) => void;
  readonly #inflight = new Set<Promise<unknown>>();
  /** Delivered rows not yet marked: the mark travels with the next claim (one statement). */
  #delivered: string[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #ticking = false;
  #again = false;
  #running = false;
  #lastFailureLog = 0;

  constructor(
    driver: Driver,
    settings: OutboxSettings,
    deliver: Deliver,
    report: (r: WorkerReport) => void,
  ) {
    this.#driver = driver;
    this.#settings = settings;
    this.#deliver = deliver;
    this.#report = report;
  }

  start(): void {
    this.#running = true;
    this.wake();
  }

  /** Looks for work now (a result was just recorded, or a delivery finished). */
  wake(): void {
    if (!this.#running) return;
    if (this.#ticking) {
      this.#again = true;
      return;
    }
    this.#schedule(0);
  }

  #schedule(ms: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tick(), ms);
    this.#timer.unref?.();
  }

  async #tick(): Promise<void> {
    this.#timer = undefined;
    if (!this.#running) return;
    this.#ticking = true;
    this.#again = false;
    let claimed: Claimed[] = [];
    const free = this.#settings.concurrency - this.#inflight.size;
    const marks = this.#delivered;
    this.#delivered = [];
    try {
      if (free > 0) {
        claimed = await claimDue(this.#driver.background, free, this.#settings.leaseMs, marks);
      } else {
        await markDelivered(this.#driver.background, marks);
      }
    } catch (error) {
      this.#delivered.push(...marks); // marked next time; until then the lease holds the rows
      this.#ledgerFailed(error);
    }
    for (const row of claimed) this.#track(this.attempt(row));
    // A payment's next result becomes claimable once the marks above are committed.
    if (marks.length > 0) this.#again = true;
    this.#ticking = false;
    if (!this.#running) return;
    const full = claimed.length > 0 && claimed.length === free;
    this.#schedule(this.#again || full ? 0 : this.#settings.pollIntervalMs);
  }

  #track(delivery: Promise<unknown>): void {
    this.#inflight.add(delivery);
    void delivery.finally(() => {
      this.#inflight.delete(delivery);
      this.wake(); // the payment's next result may be due now
    });
  }

  #ledgerFailed(error: unknown): void {
    const now = Date.now();
    if (now - this.#lastFailureLog < 60_000) return; // one line a minute while the database is down
    this.#lastFailureLog = now;
    this.#report({ kind: 'ledger-failed', error: message(error) });
  }

  /**
   * Delivers one claimed row and records the outcome: the failure's text, or `undefined`. A
   * success is marked with the next claim (`now`: at once, for a synchronous delivery).
   */
  async attempt(row: Claimed, now = false): Promise<string | undefined> {
    let failure: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('delivery timed out')),
          this.#settings.leaseMs * 0.9,
        );
      });
      await Promise.race([this.#deliver(row.payload, row), timeout]);
    } catch (error) {
      failure = message(error);
    } finally {
      clearTimeout(timer);
    }
    try {
      if (failure === undefined) {
        if (now) await markDelivered(this.#driver.background, [row.id]);
        else this.#delivered.push(row.id);
        return undefined;
      }
      const dead = row.attempt >= this.#settings.maxAttempts;
      const retryInMs = retryDelay(row.attempt, this.#settings);
      await markFailed(this.#driver.background, row.id, failure, retryInMs, dead);
      this.#report(
        dead
          ? { kind: 'dead', claimed: row, error: failure }
          : { kind: 'retry', claimed: row, error: failure, retryInMs },
      );
    } catch (error) {
      // The lease runs out and the delivery is retried: at least once, never lost.
      this.#ledgerFailed(error);
    }
    return failure;
  }

  /**
   * Delivers the result of one event now (synchronous mode): resolves once delivered (or if it
   * was already), rejects when the delivery failed or another worker holds it.
   */
  async deliverNow(eventId: string): Promise<void> {
    const row = await claimNow(this.#driver.background, eventId, this.#settings.leaseMs);
    if (row === 'done') return;
    if (row === undefined) throw new Error('the result is being delivered by another worker');
    const failure = await this.attempt(row, true);
    if (failure !== undefined) throw new Error(failure);
  }

  /** Stops claiming and waits for the deliveries in flight (at most `waitMs`). */
  async close(waitMs = 5_000): Promise<void> {
    this.#running = false;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled([...this.#inflight]),
      new Promise((resolve) => {
        timer = setTimeout(resolve, waitMs);
      }),
    ]);
    clearTimeout(timer);
    const marks = this.#delivered;
    this.#delivered = [];
    await markDelivered(this.#driver.background, marks).catch(() => undefined);
  }
}
