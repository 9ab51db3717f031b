/** Open payment pages: one session per hosted-page visit (a token store of order forms). */
import type { OrderForm } from '../hosted-page/order-form.js';
import type { Environment } from '../http/router.js';
import type { StoredCard } from './payments.js';
import { TokenStore } from './token-store.js';

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
  /** The environment of the page (`/ncol/test/…` or `/ncol/prod/…`). */
  environment: Environment;
  /** The token of the 3-D Secure challenge the card went to, if any. */
  challenge?: string;
  /** The card saved under the form's ALIAS (unexpired), which the page offers first. */
  savedCard?: StoredCard;
  /** Set once the shopper paid or cancelled: a second submit gets the same answer. */
  completed?: Completion;
  /** The payment in progress (feedback being delivered): a double submit waits for it. */
  done?: Promise<void>;
}

/** The open sessions, by their unguessable token. */
export class SessionStore {
  readonly #store: TokenStore<Session>;

  constructor(limit: number, now: () => Date) {
    this.#store = new TokenStore(limit, now);
  }

  /** Opens a session for an accepted order form. */
  open(
    form: OrderForm,
    payPath: string,
    ip: string,
    environment: Environment,
    savedCard: StoredCard | undefined,
  ): Session {
    return this.#store.add((token, createdAt) => ({
      ...form,
      token,
      payPath,
      createdAt,
      ip,
      environment,
      ...(savedCard ? { savedCard } : {}),
    }));
  }

  /** The session of a token, unless unknown or expired. */
  get(token: string): Session | undefined {
    return this.#store.get(token);
  }
}
