/**
 * `X-GCS-Idempotence-Key` as the platform honours it (notes §1.5): a completed request's answer is
 * replayed for the same key "even with different payloads", with
 * `X-GCS-Idempotence-Request-Timestamp` (ms of the first request); a request still in progress
 * answers 409. Keys live 24 hours ("the idempotence period (at least 24 hours)"), bounded in count.
 */
import { BoundedMap } from '../../internal/bounded-map.js';

export const IDEMPOTENCE_KEY_HEADER = 'x-gcs-idempotence-key';
export const IDEMPOTENCE_TIMESTAMP_HEADER = 'X-GCS-Idempotence-Request-Timestamp';
const PERIOD_MS = 24 * 60 * 60 * 1000;

/** What was answered, kept to be answered again. */
export interface StoredAnswer {
  status: number;
  body: string | null;
  headers: [string, string][];
}

interface Entry {
  /** `METHOD path` of the first request: the key belongs to that operation only. */
  target: string;
  firstAt: number;
  answer: StoredAnswer | undefined;
}

export type Begin =
  | { kind: 'new'; finish(answer: StoredAnswer): void; abandon(): void }
  | { kind: 'replay'; answer: StoredAnswer; firstAt: number }
  | { kind: 'in-progress' }
  | { kind: 'other-request' };

/** A key the platform accepts: at most 40 ASCII characters ("Should be ASCII compliant"). */
export function validIdempotenceKey(value: string): boolean {
  return /^[\x20-\x7e]{1,40}$/.test(value);
}

export class IdempotenceStore {
  readonly #entries: BoundedMap<string, Entry>;
  readonly #now: () => number;

  constructor(limit: number, now: () => number) {
    this.#entries = new BoundedMap(limit);
    this.#now = now;
  }

  /**
   * Starts a request under `key` for `target` (`METHOD path`). Reusing a key for another
   * operation is refused here (`other-request`): the platform's behaviour is unspecified there,
   * and a client that does it has a bug this sandbox should show.
   */
  begin(key: string, target: string): Begin {
    const now = this.#now();
    const existing = this.#entries.get(key);
    if (existing !== undefined && now - existing.firstAt <= PERIOD_MS) {
      if (existing.target !== target) return { kind: 'other-request' };
      if (existing.answer === undefined) return { kind: 'in-progress' };
      return { kind: 'replay', answer: existing.answer, firstAt: existing.firstAt };
    }
    const entry: Entry = { target, firstAt: now, answer: undefined };
    this.#entries.set(key, entry);
    return {
      kind: 'new',
      finish: (answer) => {
        entry.answer = answer;
      },
      abandon: () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    };
  }
}
