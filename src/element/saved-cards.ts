/**
 * The saved-card list of `<ogone-checkout>`, loaded on demand: asks `<endpoint>/cards`, renders the
 * radio group (saved cards, expired ones disabled, "Use a new card"), removes a card after an
 * inline confirmation (`DELETE <endpoint>/cards/<id>`), and pays with the chosen one
 * (`POST <endpoint>/pay`), turning the answer into the element's next step.
 */
import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import { isPayAnswer, isSavedCards } from '../contract/guards.js';
import type { BrowserInfo, PaymentResult, SavedCard, SignedPayload } from '../contract/types.js';
import type { EndpointAnswer, EndpointClient } from './endpoint-client.js';
import type { OgoneCardRemovedDetail, OgoneErrorCode, OgoneErrorDetail } from './events.js';
import type { ButtonAction, MessageKey } from './phase.js';
import { savedCardStyles } from './saved-cards.styles.js';
import type { OgoneCheckoutStrings } from './strings.js';

/** What the element does after `/pay`. */
export type PayStep =
  | { do: 'show'; result: PaymentResult; card: readonly [MessageKey, ButtonAction] | undefined }
  | { do: 'redirect'; payload: SignedPayload }
  | { do: 'leave'; url: string }
  | { do: 'fail'; error: OgoneErrorDetail; pay: readonly [MessageKey, ButtonAction] };

/** The element as the list sees it: its public configuration, and a place to render into. */
export interface CardsHost extends LitElement {
  endpoint: string;
  orderRef: string;
  verifyTimeout: number;
}

/** What a `/pay` failure means: the message, and whether another card may simply be tried. */
const PAY_ERRORS: Partial<Record<OgoneErrorCode, readonly [MessageKey, ButtonAction]>> = {
  'card-not-found': ['errorCardGone', 'pay'],
  'card-expired': ['errorCardExpired', 'pay'],
  'saved-cards-unavailable': ['errorCardsOff', 'pay'],
  'order-not-payable': ['errorNotPayable', 'check'],
  // The request may have reached Ogone: never "pay again" before the order's status is known.
  network: ['errorPayUnsure', 'check'],
  timeout: ['errorPayUnsure', 'check'],
  'endpoint-unavailable': ['errorPayUnsure', 'check'],
  'platform-unavailable': ['errorPayUnsure', 'check'],
  'invalid-payload': ['errorPayUnsure', 'check'],
};

/**
 * What a saved card's refused (2, 57, 93) or invalid (0) result means for the shopper; `undefined`
 * for any other outcome (shown like a hosted-page return). NCERROR says more for invalid ones:
 * an alias Ogone no longer knows, or an attempt it had already processed (check, never pay).
 */
export function refusalView(
  result: PaymentResult,
): readonly [MessageKey, ButtonAction] | undefined {
  if (result.outcome === 'refused') return ['cardRefused', 'pay'];
  if (result.outcome !== 'invalid') return undefined;
  if (result.ncError === '50001111') return ['errorCardGone', 'pay'];
  if (result.ncError === '50001113') return ['errorNotPayable', 'check'];
  return ['cardInvalid', 'pay'];
}

/** The endpoint's saved-card codes, kept as the element's codes. */
const CARD_CODES: readonly string[] = [
  'card-not-found',
  'card-expired',
  'order-not-payable',
  'saved-cards-unavailable',
  'platform-unavailable',
];

/** The message and next step of a `/pay` failure (anything unlisted: nothing was charged). */
export function payErrorView(code: OgoneErrorCode): readonly [MessageKey, ButtonAction] {
  return PAY_ERRORS[code] ?? ['errorStart', 'pay'];
}

/** Keeps the endpoint's own saved-card code (`card-expired`…) as the `ogone-error` code. */
function cardError(error: OgoneErrorDetail): OgoneErrorDetail {
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && CARD_CODES.includes(code)
    ? { ...error, code: code as OgoneErrorCode }
    : error;
}

/** `VISA` → `Visa`; names that are not one shouted word stay as Ogone spells them. */
export function brandName(brand: string): string {
  const name = brand.trim();
  return /^[A-Z]{4,}$/.test(name) ? name[0] + name.slice(1).toLowerCase() : name;
}

/** The 3-D Secure 2 browser data, within the contract's ranges (the browser sends its own UA). */
export function browserInfo(): BrowserInfo {
  const whole = (value: number, min: number, max: number) =>
    Math.min(max, Math.max(min, Math.round(Number.isFinite(value) ? value : 0)));
  return {
    colorDepth: whole(screen.colorDepth || 24, 1, 48),
    javaEnabled: false,
    language: (navigator.language || 'en').slice(0, 35),
    screenHeight: whole(screen.height, 0, 99999),
    screenWidth: whole(screen.width, 0, 99999),
    timeZoneOffset: whole(new Date().getTimezoneOffset(), -900, 900),
    userAgent: navigator.userAgent.slice(0, 2048),
  };
}

/**
 * The challenge URL as an absolute URL when it is on the endpoint's own origin (http or https,
 * no credentials), else `null`: the element never sends the shopper anywhere else.
 */
export function challengeUrl(url: string, endpoint: string): string | null {
  try {
    const base = new URL(endpoint, location.href);
    const target = new URL(url, base);
    const plain = target.username === '' && target.password === '';
    return target.origin === base.origin && /^https?:$/.test(target.protocol) && plain
      ? target.href
      : null;
  } catch {
    return null;
  }
}

function fill(
  text: string,
  name: string,
  value: string | TemplateResult,
): (string | TemplateResult)[] {
  return text
    .split(`{${name}}`)
    .flatMap((piece, index) => (index === 0 ? [piece] : [value, piece]));
}

export class SavedCardList {
  /** Saved cards as listed; empty when the shop or order has none (nothing is shown). */
  cards: SavedCard[] = [];
  /** The chosen card's id; `''` for "Use a new card". */
  selected = '';
  /** The card whose removal is being confirmed. */
  #confirming: string | null = null;
  /** Polite news (a removal) and errors, each in a live region present with the list. */
  #news = '';
  #alert = '';
  #shown = false;
  #asked = '';
  readonly #host: CardsHost;
  readonly #client: EndpointClient;

  constructor(host: CardsHost, client: EndpointClient) {
    this.#host = host;
    this.#client = client;
    const root = host.renderRoot as ShadowRoot;
    const sheet = savedCardStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  /** The saved card to pay with, if one is chosen and still listed. */
  get chosen(): SavedCard | undefined {
    return this.cards.find((card) => card.id === this.selected && !card.expired);
  }

  /** Asks the endpoint for the order's saved cards. Any failure simply shows no list. */
  async load(orderRef: string): Promise<void> {
    this.#asked = orderRef;
    const answer = await this.#client.request(this.#host.endpoint, {
      route: 'cards',
      path: `cards?orderRef=${encodeURIComponent(orderRef)}`,
      guard: isSavedCards,
      expected: 'a valid saved-card list',
      timeoutMs: this.#host.verifyTimeout,
    });
    // Aborted (the element left), or another order asked for since: this answer is not used.
    if (this.#asked !== orderRef || (!answer.ok && 'aborted' in answer)) return;
    const list = answer.ok && answer.value.enabled ? answer.value : null;
    this.cards = list ? list.cards : [];
    const preferred = this.cards.find((card) => card.id === list?.selectedCardId);
    this.selected = preferred && !preferred.expired ? preferred.id : '';
    this.#shown = this.cards.length > 0;
    this.#host.requestUpdate();
  }

  /** Pays with the chosen card; `null` when the element left the page meanwhile. */
  async pay(request: {
    orderRef: string;
    returnUrl: string;
    language?: string;
  }): Promise<PayStep | null> {
    const card = this.chosen;
    if (!card) return this.#failed({ code: 'card-not-found', message: 'No saved card is chosen.' });
    const endpoint = this.#host.endpoint;
    const answer = await this.#client.request(endpoint, {
      route: 'pay',
      path: 'pay',
      body: { ...request, cardId: card.id, browser: browserInfo() },
      guard: isPayAnswer,
      expected: 'a valid pay answer',
      timeoutMs: this.#host.verifyTimeout,
    });
    if (!answer.ok) return 'aborted' in answer ? null : this.#failed(cardError(answer.error), card);
    const value = answer.value;
    if (value.kind === 'redirect') return { do: 'redirect', payload: value.payload };
    if (value.kind === 'challenge') {
      const url = challengeUrl(value.url, endpoint);
      if (url) return { do: 'leave', url };
      return this.#failed({
        code: 'foreign-action',
        message: `The 3-D Secure challenge URL ${value.url.slice(0, 200)} is not on the endpoint's origin.`,
        cause: { challenge: value.url.slice(0, 200) },
      });
    }
    const { result } = value;
    return { do: 'show', result, card: refusalView(result) };
  }

  #failed(error: OgoneErrorDetail, card?: SavedCard): PayStep {
    if (error.code === 'saved-cards-unavailable') this.#forget();
    else if (error.code === 'card-not-found' && card) this.#drop(card);
    return { do: 'fail', error, pay: payErrorView(error.code) };
  }

  /** Saved cards are off: the list goes, a new card still works. */
  #forget(): void {
    this.cards = [];
    this.selected = '';
    this.#host.requestUpdate();
  }

  #drop(card: SavedCard): void {
    this.cards = this.cards.filter((item) => item !== card);
    if (this.selected === card.id)
      this.selected = this.cards.find((item) => !item.expired)?.id ?? '';
    this.#host.requestUpdate();
  }

  /** `Visa ending in 1111`, for names read aloud. */
  #spoken(card: SavedCard, strings: OgoneCheckoutStrings): string {
    return `${brandName(card.brand)} ${strings.cardEnding} ${card.last4}`;
  }

  /** `Visa •••• 1111` on screen, `Visa ending in 1111` for screen readers. */
  #name(card: SavedCard, strings: OgoneCheckoutStrings): TemplateResult {
    return html`${brandName(card.brand)} <span aria-hidden="true">••••</span
      ><span class="vh">${strings.cardEnding}</span> ${card.last4}`;
  }

  /** The list, or nothing when there are no saved cards. `busy`: a payment is under way. */
  render(strings: OgoneCheckoutStrings, busy: boolean): TemplateResult | typeof nothing {
    if (!this.#shown) return nothing;
    const list =
      this.cards.length > 0
        ? html`<fieldset part="saved-cards" ?disabled=${busy}>
            <legend part="saved-cards-legend">${strings.cardsLegend}</legend>
            ${this.cards.map((card) => this.#row(card, strings))}
            <div part="saved-card saved-card-new">
              <label
                ><input
                  type="radio"
                  name="card"
                  value=""
                  .checked=${this.selected === ''}
                  @change=${() => this.#choose('')}
                /><span>${strings.newCard}</span></label
              >
            </div>
          </fieldset>`
        : nothing;
    return html`${list}
      <p part="saved-cards-status" class="news" role="status">${this.#news}</p>
      <p part="saved-cards-alert" class="news" role="alert" tabindex="-1">${this.#alert}</p>`;
  }

  #row(card: SavedCard, strings: OgoneCheckoutStrings): TemplateResult {
    const name = this.#name(card, strings);
    const when = fill(
      card.expired ? strings.cardExpired : strings.cardExpires,
      'expiry',
      card.expiry,
    );
    const confirming = this.#confirming === card.id;
    return html`<div part="saved-card${card.expired ? ' saved-card-expired' : ''}">
      <label
        ><input
          type="radio"
          name="card"
          value=${card.id}
          .checked=${this.selected === card.id}
          ?disabled=${card.expired}
          @change=${() => this.#choose(card.id)}
        /><span><span class="nw">${name},</span> <span class="nw">${when}</span></span></label
      >
      ${
        confirming
          ? html`<span part="remove-confirm" class="confirm">
              <span id="remove-question">${fill(strings.removeQuestion, 'card', name)}</span>
              <span class="answers"
                ><button
                  part="remove-yes"
                  type="button"
                  aria-describedby="remove-question"
                  @click=${() => void this.#remove(card, strings)}
                >
                  ${strings.removeYes}
                </button>
                <button
                  part="remove-no"
                  type="button"
                  aria-describedby="remove-question"
                  @click=${() => this.#ask(null, card)}
                >
                  ${strings.removeNo}
                </button></span
              >
            </span>`
          : html`<button
              part="remove-button"
              type="button"
              data-card=${card.id}
              aria-label=${strings.removeLabel.replace('{card}', this.#spoken(card, strings))}
              @click=${() => this.#ask(card.id, card)}
            >
              ${strings.remove}
            </button>`
      }
    </div>`;
  }

  #choose(id: string): void {
    this.selected = id;
    this.#host.requestUpdate();
  }

  /** Opens (`id`) or closes (`null`) the confirmation of `card`, and moves focus with it. */
  #ask(id: string | null, card: SavedCard): void {
    this.#confirming = id;
    this.#alert = '';
    this.#host.requestUpdate();
    void this.#focus(id ? '[part="remove-no"]' : `[data-card="${CSS.escape(card.id)}"]`);
  }

  async #focus(selector: string): Promise<void> {
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async #remove(card: SavedCard, strings: OgoneCheckoutStrings): Promise<void> {
    const host = this.#host;
    const orderRef = host.orderRef;
    const answer: EndpointAnswer<unknown> = await this.#client.request(host.endpoint, {
      route: 'cards',
      path: `cards/${encodeURIComponent(card.id)}?orderRef=${encodeURIComponent(orderRef)}`,
      method: 'DELETE',
      guard: (_value: unknown): _value is unknown => true,
      expected: 'an answer',
      timeoutMs: host.verifyTimeout,
    });
    if (!answer.ok && 'aborted' in answer) return;
    this.#confirming = null;
    // Already gone at the endpoint: as good as removed.
    const gone = answer.ok || cardError(answer.error).code === 'card-not-found';
    if (!gone) {
      const error = cardError(answer.error);
      this.#alert = strings.removeFailed;
      host.requestUpdate();
      host.dispatchEvent(
        new CustomEvent('ogone-error', { detail: error, bubbles: true, composed: true }),
      );
      if (error.code === 'saved-cards-unavailable') this.#forget();
      return void this.#focus('[part="saved-cards-alert"]');
    }
    this.#drop(card);
    this.#news = strings.removed.replace('{card}', this.#spoken(card, strings));
    this.#alert = '';
    const detail: OgoneCardRemovedDetail = {
      cardId: card.id,
      brand: card.brand,
      last4: card.last4,
    };
    host.dispatchEvent(
      new CustomEvent('ogone-card-removed', { detail, bubbles: true, composed: true }),
    );
    // Focus goes to the choice now made (the next card or "Use a new card").
    void this.#focus(this.cards.length > 0 ? 'input[name="card"]:checked' : '[part="button"]');
  }
}
