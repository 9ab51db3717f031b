/** Open payment pages: one session per hosted-page visit, bounded in number, expiring after an hour. */
import { BoundedMap } from '../../internal/bounded-map.js';
import { randomUrlToken } from '../../internal/random.js';
import type { OrderForm } from '../hosted-page/order-form.js';

/** How long a payment page stays usable. */
export const SESSION_TTL_MS = 60 * 60 * 1000;

/** What the shopper gets once the session is over: a redirect, or a page when no URL applies. */
export type Completion = { location: string } | { html: string };

/** One visit of the hosted page. */
export interface Session extends OrderForm {
  token: string;
  /** Absolute path the payment form posts to. */
  payPath: string;
  createdAt: number;
  /** The shopper's address, sent back as IP. */
  ip: string;
  /** Set once the shopper paid or cancelled: a second submit gets the same answer. */
  completed?: Completion;
  /** The payment in progress (feedback being delivered): a double submit waits for it. */
  done?: Promise<void>;
}

/** The open sessions, by their unguessable token. */
export class SessionStore {
  readonly #sessions: BoundedMap<string, Session>;
  readonly #now: () => Date;

  constructor(limit: number, now: () => Date) {
    this.#sessions = new BoundedMap(limit);
    this.#now = now;
  }

  /** Opens a session for an accepted order form. */
  open(form: OrderForm, payPath: string, ip: string): Session {
    const session: Session = {
      ...form,
      token: randomUrlToken(),
      payPath,
      createdAt: this.#now().getTime(),
      ip,
    };
    this.#sessions.set(session.token, session);
    return session;
  }

  /** The session of a token, unless unknown or expired. */
  get(token: string): Session | undefined {
    const session = this.#sessions.get(token);
    if (session === undefined) return undefined;
    if (this.#now().getTime() - session.createdAt > SESSION_TTL_MS) return undefined;
    return session;
  }
}
