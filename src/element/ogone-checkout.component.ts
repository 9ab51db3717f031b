import {
  html,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { hasOgoneReturnParams } from '../protocol/params.js';
import type { PaymentResult, SignedPayload } from '../contract/types.js';
import { isSuccessOutcome } from '../protocol/status.js';
import { EndpointClient, isTrustedAction, parseAllowedHosts } from './endpoint-client.js';
import type {
  OgoneCheckoutEventDetails,
  OgoneCheckoutEventName,
  OgoneCheckoutMode,
  OgoneCheckoutState,
  OgoneErrorDetail,
} from './events.js';
import { ogoneCheckoutStyles } from './ogone-checkout.styles.js';
import { builtInLanguage, OGONE_CHECKOUT_STRINGS, type OgoneCheckoutStrings } from './strings.js';

type MessageKey = keyof OgoneCheckoutStrings;

/** The colour of a message: `error…` keys are errors, and only `paid` is a success. */
function toneOf(key: MessageKey): 'info' | 'success' | 'warning' | 'error' {
  if (key.startsWith('error')) return 'error';
  if (key === 'paid') return 'success';
  return key === 'cancelled' || key === 'refused' ? 'warning' : 'info';
}

/**
 * The checkout button for the Ogone hosted payment page, and the status of the payment when the
 * shopper comes back.
 *
 * On the checkout page it shows an optional "save my card" checkbox and a pay button; paying asks
 * the companion endpoint (`<endpoint>/sign`) for a signed form and posts it to Ogone. When the page
 * URL carries Ogone's return parameters it asks `<endpoint>/verify` for the verified result instead,
 * shows it, cleans the address bar and fires `ogone-result`.
 *
 * The read-only `state` attribute reflects where it is: `idle`, `signing`, `redirecting`,
 * `verifying`, `done` or `error`.
 *
 * @attr {'idle' | 'signing' | 'redirecting' | 'verifying' | 'done' | 'error'} state - Read-only, reflected for CSS: where the element is.
 *
 * @summary Pay through the Ogone hosted payment page, with typed result events.
 * @tag ogone-checkout
 *
 * @slot consent - Replaces the text of the "Save my card for future purchases" checkbox label.
 * @slot pay-label - Replaces the "Pay now" button label.
 *
 * @csspart base - The wrapper of everything.
 * @csspart amount - The display amount line (only with `amount` and `currency`).
 * @csspart amount-value - The formatted amount.
 * @csspart consent - The `<label>` around the save-card checkbox.
 * @csspart checkbox - The native save-card checkbox.
 * @csspart button - The native pay / try-again button.
 * @csspart status - The `aria-live` region, present from the first render.
 * @csspart message - The current message (also `message-info`, `message-success`, `message-warning` or `message-error`). Focused when the shopper comes back.
 *
 * @cssprop [--ogone-checkout-accent=#0b57d0] - Button background, checkbox and focus colour.
 * @cssprop [--ogone-checkout-accent-text=#ffffff] - Button text colour.
 * @cssprop [--ogone-checkout-radius=0.375rem] - Button corner radius.
 * @cssprop [--ogone-checkout-gap=0.75rem] - Space between the parts.
 * @cssprop [--ogone-checkout-focus-ring=#0b57d0] - Focus outline colour.
 * @cssprop [--ogone-checkout-error-color=#b3261e] - Error message colour.
 * @cssprop [--ogone-checkout-success-color=#1b6e2e] - Success message colour.
 *
 * @fires {CustomEvent<OgoneReadyDetail>} ogone-ready - Once, after the first render; `detail.mode` is `checkout` or `return`.
 * @fires {CustomEvent<OgoneSaveCardChangeDetail>} ogone-save-card-change - The shopper ticked or unticked "save my card".
 * @fires {CustomEvent<OgoneBeforeRedirectDetail>} ogone-before-redirect - Cancelable. The signed form (action, orderId, fields without SHASIGN) is about to be posted to Ogone.
 * @fires {CustomEvent<OgoneResultDetail>} ogone-result - Once per return: the payment result verified by the endpoint, discriminated on `outcome`.
 * @fires {CustomEvent<OgoneErrorDetail>} ogone-error - Something failed; `detail.code` is one of a closed set.
 */
export class OgoneCheckout extends LitElement {
  static override styles = ogoneCheckoutStyles;

  // Lit's `static properties` rather than the `@property`/`@state` decorators: the same reactive
  // properties without the decorator runtime, which the 16 KB bundle budget cannot afford.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    orderRef: { attribute: 'order-ref' },
    saveCard: { attribute: 'save-card' },
    lang: { reflect: true },
    allowedHosts: { attribute: 'allowed-hosts' },
    amount: {},
    currency: {},
    strings: { attribute: false },
    _state: { state: true },
    _mode: { state: true },
    _messageKey: { state: true },
    _buttonAction: { state: true },
    _saveCardChecked: { state: true },
    _form: { state: true },
  };

  /** Base URL of the companion endpoint, e.g. `/ogone` (the element POSTs to `/ogone/sign`). */
  endpoint = '';

  /** The merchant's order reference. The endpoint decides the amount for it. */
  orderRef = '';

  /** `off` (default): no checkbox, no card saved. `optional`: the shopper may tick "save my card". */
  saveCard: 'off' | 'optional' = 'off';

  /**
   * UI language (`en`, `fr`, `nl`, `de`; others fall back to English) and Ogone's `LANGUAGE`.
   * Without it, the closest `lang` of an ancestor (across shadow roots) or of the document.
   */
  override lang!: string;

  /**
   * Space-separated extra `host[:port]` the signed form may be posted to (http or https), e.g.
   * `127.0.0.1:5173` for the local sandbox. Otherwise only https on a known Ogone host is accepted.
   */
  allowedHosts = '';

  /** Display only: the amount shown next to the button. Never sent; the endpoint decides. */
  amount = '';

  /** Display only: ISO currency of `amount`. */
  currency = '';

  /** Overrides some or all of the built-in strings. */
  strings: Partial<OgoneCheckoutStrings> = {};

  private _state: OgoneCheckoutState = 'idle';
  private _mode: OgoneCheckoutMode = 'checkout';
  private _messageKey: MessageKey | null = null;
  /** What the button does; `null` hides it (return half, while verifying or after a success). */
  private _buttonAction: 'pay' | 'verify' | null = 'pay';
  private _saveCardChecked = false;
  private _form: SignedPayload | null = null;

  readonly #client = new EndpointClient(this);
  #returnQuery: string | null = null;
  #returnHandled = false;
  #result: PaymentResult | null = null;

  /** Where the element is: `idle`, `signing`, `redirecting`, `verifying`, `done` or `error`. */
  get state(): OgoneCheckoutState {
    return this._state;
  }

  /** The verified result once the shopper came back, else `null`. */
  get result(): PaymentResult | null {
    return this.#result;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.#onPageShow);
    // A request aborted by a removal leaves a busy state behind: start again from idle.
    if (this._state === 'signing') this.#reset();
    if (this._state === 'verifying') this._state = 'idle';
    if (!this.#returnHandled && hasOgoneReturnParams(location.search)) {
      this._mode = 'return';
      this._buttonAction = null;
      this.#returnQuery = location.search;
      void this.#verify();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.#onPageShow);
  }

  /**
   * Starts the payment, as a click on the pay button does. Ignored while busy, and on return
   * unless a new attempt is offered (never after a successful or pending payment).
   */
  pay(): Promise<void> {
    if (this._mode === 'return' && this._buttonAction !== 'pay') return Promise.resolve();
    return this.#pay(this.#result?.orderRef ?? this.orderRef);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('_state')) this.setAttribute('state', this._state);
  }

  protected override firstUpdated(): void {
    emit(this, 'ogone-ready', { mode: this._mode });
  }

  protected override render(): TemplateResult {
    const strings = this.#strings();
    const busy = this.#isBusy();
    const offerRetry = this._state === 'error' || this._mode === 'return';
    const action = this._buttonAction;
    const form = this._form;
    const key = this._messageKey;
    return html`<div part="base">
      ${this._mode === 'checkout' ? this.#renderAmount(strings) : nothing}
      ${
        action === 'pay' && this.saveCard === 'optional'
          ? html`<label part="consent"
              ><input
                part="checkbox"
                type="checkbox"
                .checked=${this._saveCardChecked}
                ?disabled=${busy}
                @change=${this.#onSaveCardChange}
              /><span><slot name="consent">${strings.saveCard}</slot></span></label
            >`
          : nothing
      }
      ${
        action
          ? html`<button
              part="button"
              type="button"
              ?disabled=${busy}
              aria-busy=${String(busy)}
              @click=${this.#onButtonClick}
            >
              ${offerRetry ? strings.tryAgain : html`<slot name="pay-label">${strings.pay}</slot>`}
            </button>`
          : nothing
      }
      <div part="status" role="status" aria-live="polite" aria-atomic="true">
        ${
          key
            ? html`<p part="message message-${toneOf(key)}" tabindex="-1">${strings[key]}</p>`
            : nothing
        }
      </div>
      ${
        form
          ? html`<form method="post" accept-charset="UTF-8" action=${form.action} hidden>
              ${Object.entries(form.fields).map(
                ([name, value]) => html`<input type="hidden" name=${name} value=${value} />`,
              )}
            </form>`
          : nothing
      }
    </div>`;
  }

  #renderAmount(strings: OgoneCheckoutStrings) {
    if (!this.amount || !this.currency) return nothing;
    let formatted = `${this.amount} ${this.currency}`;
    if (/^\d{1,15}(\.\d{1,2})?$/.test(this.amount)) {
      try {
        formatted = new Intl.NumberFormat(this.#languageTag() || 'en', {
          style: 'currency',
          currency: this.currency,
        }).format(Number(this.amount));
      } catch {
        // Unknown currency or language tag: keep the plain text.
      }
    }
    return html`<p part="amount">
      ${strings.total}: <span part="amount-value">${formatted}</span>
    </p>`;
  }

  /** The `lang` attribute, else the closest `[lang]` ancestor across shadow roots. */
  #languageTag(): string {
    if (this.lang) return this.lang;
    let node: Node | null = this.parentNode;
    while (node) {
      if (node instanceof Element && node.hasAttribute('lang')) {
        const tag = node.getAttribute('lang') ?? '';
        if (tag !== '') return tag;
      }
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    return '';
  }

  #strings(): OgoneCheckoutStrings {
    return { ...OGONE_CHECKOUT_STRINGS[builtInLanguage(this.#languageTag())], ...this.strings };
  }

  #onSaveCardChange(event: Event): void {
    this._saveCardChecked = (event.target as HTMLInputElement).checked;
    emit(this, 'ogone-save-card-change', { saveCard: this._saveCardChecked });
  }

  #onButtonClick(): void {
    if (this._buttonAction === 'verify') void this.#verify();
    else void this.pay();
  }

  #onPageShow = (event: PageTransitionEvent): void => {
    // Back from Ogone through the back/forward cache: the page is as we left it, mid-redirect.
    if (event.persisted && this._state === 'redirecting') this.#reset();
  };

  #reset(): void {
    this._state = 'idle';
    this._messageKey = null;
    this._form = null;
  }

  #isBusy(): boolean {
    return (
      this._state === 'signing' || this._state === 'redirecting' || this._state === 'verifying'
    );
  }

  async #pay(orderRef: string): Promise<void> {
    if (this.#isBusy()) return;
    const missing = !this.endpoint ? 'endpoint' : !orderRef ? 'order-ref' : '';
    if (missing) return this.#fail(configurationError(missing));
    this.#show('signing', 'signing');
    const tag = this.#languageTag();
    const answer = await this.#client.sign(this.endpoint, {
      orderRef,
      saveCard: this.saveCard === 'optional' && this._saveCardChecked,
      // The page's language tag (`fr-BE`); the endpoint maps it to Ogone's LANGUAGE (`fr_BE`),
      // and without one uses the order's own language.
      ...(tag ? { language: tag } : {}),
      returnUrl: location.origin + location.pathname,
    });
    if (!answer.ok) {
      if ('aborted' in answer) return;
      return this.#fail(answer.error);
    }
    const payload = answer.value;
    if (!isTrustedAction(payload.action, parseAllowedHosts(this.allowedHosts))) {
      return this.#fail({
        code: 'foreign-action',
        message: `The signed form posts to ${payload.action.slice(0, 200)}: not https on a known Ogone host nor in allowed-hosts.`,
      });
    }
    const fields = Object.fromEntries(
      Object.entries(payload.fields).filter(([name]) => name !== 'SHASIGN'),
    );
    const proceed = emit(
      this,
      'ogone-before-redirect',
      { action: payload.action, orderId: payload.orderId, fields: Object.freeze(fields) },
      true,
    );
    if (!proceed || !this.isConnected) {
      this.#reset();
      return;
    }
    this.#show('redirecting', 'redirecting');
    this._form = payload;
    await this.updateComplete;
    this.renderRoot.querySelector('form')?.submit();
  }

  async #verify(): Promise<void> {
    const query = this.#returnQuery;
    if (query === null || this.#isBusy()) return;
    if (!this.endpoint) {
      this.#returnHandled = true;
      return this.#fail(configurationError('endpoint'), null, 'errorVerify');
    }
    this._buttonAction = null;
    this.#show('verifying', 'verifying');
    const answer = await this.#client.verify(this.endpoint, query);
    if (!answer.ok) {
      if ('aborted' in answer) return;
      const retry = answer.error.code === 'network';
      // A definitive refusal is not asked again (on reconnect); a network failure may be.
      if (!retry) this.#returnHandled = true;
      return this.#fail(answer.error, retry ? 'verify' : null, 'errorVerify');
    }
    const result = answer.value as PaymentResult;
    this.#returnHandled = true;
    this.#result = result;
    // The signed return URL has no query, so everything in it came from Ogone: drop it all.
    history.replaceState(history.state, '', location.pathname + location.hash);
    const outcome = result.outcome;
    if (isSuccessOutcome(outcome)) {
      this.#show('done', 'paid');
    } else if (outcome === 'pending' || outcome === 'uncertain') {
      this.#show('done', 'confirming');
    } else {
      this.#show('done', outcome === 'cancelled' ? 'cancelled' : 'refused');
      this._buttonAction = 'pay';
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="message"]')?.focus();
    emit(this, 'ogone-result', result);
  }

  #show(state: OgoneCheckoutState, messageKey: MessageKey): void {
    this._state = state;
    this._messageKey = messageKey;
  }

  #fail(
    error: OgoneErrorDetail,
    retry: 'pay' | 'verify' | null = 'pay',
    message: 'errorStart' | 'errorVerify' = 'errorStart',
  ): void {
    this._form = null;
    this._buttonAction = this._mode === 'checkout' ? 'pay' : retry;
    this.#show('error', error.code === 'network' ? 'errorNetwork' : message);
    emit(this, 'ogone-error', error);
  }
}

function configurationError(attribute: 'endpoint' | 'order-ref'): OgoneErrorDetail {
  return { code: 'configuration', message: `The ${attribute} attribute is required.` };
}

/** Dispatches one of the element's events: bubbling, composed, typed by name. */
function emit<K extends OgoneCheckoutEventName>(
  target: EventTarget,
  name: K,
  detail: OgoneCheckoutEventDetails[K],
  cancelable = false,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }),
  );
}
