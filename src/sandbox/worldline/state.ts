/**
 * What the Worldline sandbox remembers, all in bounded maps: hosted checkout sessions (by id and
 * by the page token in their URL), payments, tokens (and deleted ones, legacy aliases included),
 * server-to-server 3-D Secure challenges; ids shaped like the platform's (ten digits, `<id>_0`).
 */
import { BoundedMap } from '../../internal/bounded-map.js';
import { randomUrlToken } from '../../internal/random.js';
import type { LegacyAliasLookup } from './options.js';
import { paymentProductId, paymentProductIdOfBrand } from './cards.js';
import type { AuthorizationMode, SandboxCard, SandboxPayment } from './payment-model.js';

export type Tokenization = 'none' | 'ask' | 'always';

/** A checkout page's final answer: a redirect back to the shop, or a page. */
export type PageOutcome =
  { redirect: string } | { html: string; formTargets: (string | undefined)[] };

export interface CheckoutSession {
  hostedCheckoutId: string;
  /** The unguessable part of `redirectUrl`. */
  pageToken: string;
  returnMac: string;
  createdAt: number;
  /** `sessionTimeout` (default 180 minutes) after creation. */
  expiresAt: number;
  amount: number;
  currency: string;
  merchantReference: string;
  locale: string;
  mode: AuthorizationMode;
  returnUrl: string | undefined;
  showResultPage: boolean;
  tokenization: Tokenization;
  /** Tokens offered on the page (the usable ones of `hostedCheckoutSpecificInput.tokens`). */
  tokens: string[];
  webhookUrls: string[];
  /** Set once a payment exists (`<hostedCheckoutId>_0`). */
  paymentId?: string;
  /** Cancelled by the shopper (or expired). */
  cancelled: boolean;
  /** The card waiting for its 3-D Secure challenge. */
  challenge?: { card: SandboxCard; saveCard: boolean };
  /** The page's final answer, once there is one: a second submit gets it again. */
  finished?: Promise<PageOutcome>;
}

/** A 3-D Secure challenge of a server-to-server token payment. */
export interface TokenChallenge {
  paymentId: string;
  returnUrl: string;
  returnMac: string;
  locale: string;
  /** Set once the shopper answered: a second submit is sent back the same way. */
  finished?: Promise<void>;
}

export interface StoredToken {
  id: string;
  card: SandboxCard;
  /** A legacy Ogone alias accepted verbatim. */
  legacy: boolean;
}

/** 3 hours: "Sessions have a maximum life span of 3 hours" (OAS GetHostedCheckout). */
export const SESSION_READ_LIFE_MS = 3 * 60 * 60 * 1000;

export class SandboxState {
  readonly checkouts: BoundedMap<string, CheckoutSession>;
  readonly pages: BoundedMap<string, string>;
  readonly payments: BoundedMap<string, SandboxPayment>;
  readonly tokens: BoundedMap<string, StoredToken>;
  readonly deletedTokens: BoundedMap<string, true>;
  readonly challenges: BoundedMap<string, TokenChallenge>;
  readonly #legacyAlias: LegacyAliasLookup;
  #nextId = 3_000_000_000 + Math.floor(Math.random() * 900_000_000);

  constructor(limit: number, legacyAlias: LegacyAliasLookup) {
    this.checkouts = new BoundedMap(limit);
    this.pages = new BoundedMap(limit);
    this.payments = new BoundedMap(limit);
    this.tokens = new BoundedMap(limit);
    this.deletedTokens = new BoundedMap(limit);
    this.challenges = new BoundedMap(limit);
    this.#legacyAlias = legacyAlias;
  }

  /** A fresh ten-digit id, unique within this sandbox. */
  nextId(): string {
    return String(this.#nextId++);
  }

  /** An unguessable token for a page URL. */
  pageToken(): string {
    return randomUrlToken(18);
  }

  /** A payment by its id, by an operation id of it (`<id>_2`), or by its bare id. */
  payment(id: string): SandboxPayment | undefined {
    const direct = this.payments.get(id);
    if (direct !== undefined) return direct;
    const match = /^(\d{10})(?:_(\d{1,4}))?$/.exec(id);
    if (!match) return undefined;
    const payment = this.payments.get(`${match[1]}_0`);
    if (payment === undefined) return undefined;
    const index = match[2] === undefined ? 0 : Number(match[2]);
    return index < payment.operations.length || index === 0 ? payment : undefined;
  }

  /** A usable token: one this sandbox created, or a legacy Ogone alias; never a deleted one. */
  async token(id: string): Promise<StoredToken | undefined> {
    if (this.deletedTokens.has(id)) return undefined;
    const own = this.tokens.get(id);
    if (own !== undefined) return own;
    let legacy: Awaited<ReturnType<LegacyAliasLookup>>;
    try {
      legacy = await this.#legacyAlias(id);
    } catch {
      return undefined;
    }
    // An expired alias is no usable token either (the platform returns it in invalidTokens).
    if (legacy === undefined || legacy === 'expired') return undefined;
    const masked = legacy.masked.replace(/[\s-]/g, '');
    if (!/^[0-9Xx*]{12,19}$/.test(masked) || !/\d{4}$/.test(masked) || !/^\d{4}$/.test(legacy.ed)) {
      return undefined;
    }
    const bin = /^\d{6}/.test(masked) ? masked.slice(0, 6) : '';
    return {
      id,
      legacy: true,
      card: {
        bin,
        last4: masked.slice(-4),
        length: masked.length,
        expiryDate: legacy.ed,
        cardholderName: legacy.cardholder ?? '',
        paymentProductId:
          legacy.brand === undefined && bin !== ''
            ? paymentProductId(bin.padEnd(16, '0'))
            : paymentProductIdOfBrand(legacy.brand),
        behaviour: legacy.behaviour,
      },
    };
  }

  /** Saves a card as a new token (a UUID, as the platform's are). */
  saveCard(card: SandboxCard): string {
    const id = globalThis.crypto.randomUUID();
    this.tokens.set(id, { id, card, legacy: false });
    return id;
  }
}
