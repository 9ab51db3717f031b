/** 3-D Secure challenges waiting for the shopper: by token, with what finishing them does. */
import type { Environment } from '../http/router.js';
import type { ReturnUrls } from '../hosted-page/redirect.js';
import type { Completion } from './sessions.js';
import { TokenStore } from './token-store.js';

/** One challenge: what the bank's page shows and what its two buttons do. */
export interface Challenge {
  token: string;
  createdAt: number;
  environment: Environment;
  pspid: string;
  orderId: string;
  amountMinor: string;
  currency: string;
  language: string;
  /** `XXXXXXXXXXXX3220`. */
  maskedCard: string;
  brand: string;
  /** Where the buttons' answer may redirect (for the page's form-action). */
  urls: ReturnUrls;
  /** Applies the result (authenticated or not) and says where the shopper goes. */
  finish: (authenticated: boolean) => Promise<Completion>;
  /** Set once finished: a second submit gets the same answer. */
  completed?: Completion;
  done?: Promise<void>;
}

export class ChallengeStore {
  readonly #store: TokenStore<Challenge>;

  constructor(limit: number, now: () => Date) {
    this.#store = new TokenStore(limit, now);
  }

  open(make: (token: string, createdAt: number) => Challenge): Challenge {
    return this.#store.add(make);
  }

  get(token: string): Challenge | undefined {
    return this.#store.get(token);
  }
}
