/**
 * Signing in to the payments page: the token compared in constant time, and a limit on wrong
 * attempts per client address (a sliding window kept in this process: a brake on guessing, not a
 * record; every instance brakes on its own).
 */
import { sameText } from './session.js';

/** True when `sent` is the admin token. Constant time; never logs either. */
export function tokenMatches(token: string, sent: unknown): boolean {
  return typeof sent === 'string' && sent.length <= 1024 && sameText(sent, token);
}

export interface AttemptLimiter {
  /** True when `client` may try now. */
  allowed(client: string, now: number): boolean;
  /** Counts a wrong attempt. */
  failed(client: string, now: number): void;
  /** Forgets a client's wrong attempts (a right one). */
  succeeded(client: string): void;
}

/** At most `max` wrong attempts per client in `windowMs`; keeps at most `clients` addresses. */
export function createAttemptLimiter(
  max = 10,
  windowMs = 5 * 60_000,
  clients = 10_000,
): AttemptLimiter {
  const failures = new Map<string, number[]>();
  const recent = (client: string, now: number) =>
    (failures.get(client) ?? []).filter((at) => now - at < windowMs);
  return {
    allowed: (client, now) => recent(client, now).length < max,
    failed(client, now) {
      const list = [...recent(client, now), now];
      failures.delete(client);
      failures.set(client, list);
      if (failures.size > clients) failures.delete(failures.keys().next().value!);
    },
    succeeded(client) {
      failures.delete(client);
    },
  };
}
