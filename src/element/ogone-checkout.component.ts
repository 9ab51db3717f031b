import {
  html,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import type { OrderStatus, PaymentResult, SignedPayload } from '../contract/types.js';
import { hasOgoneReturnParams } from '../protocol/params.js';
import { hasWorldlineReturnParams } from '../protocol/worldline/return.js';
import { claimantIndex, returnOrderRef } from './claim.js';
import { EndpointClient, failure } from './endpoint-client.js';
import type {
  OgoneCheckoutEventDetails,
  OgoneCheckoutEventName,
  OgoneCheckoutMode,
  OgoneCheckoutState,
  OgoneErrorDetail,
} from './events.js';
import { formatAmount } from './format.js';
import { ogoneCheckoutStyles } from './ogone-checkout.styles.js';
import { blocksPayment, viewOf, type ButtonAction, type MessageKey, type Phase } from './phase.js';
import { hasStoredResult } from './result-session.js';
import type * as ReturnHalfModule from './return-half.js';
import type { SavedCardList } from './saved-cards.js';
import {
  builtInLanguage,
  EN,
  loadedStrings,
  loadStrings,
  type OgoneCheckoutStrings,
} from './strings.js';

type ReturnHalf = typeof ReturnHalfModule;

let returnHalf: ReturnHalf | undefined;
let returnHalfLoading: Promise<ReturnHalf> | undefined;

/**
 * Loads the return half once (verification, order status, receipt, and the saved-card list with
 * its English strings: all asked for on load when there is an order); a failed load is retried.
 */
function loadReturnHalf(): Promise<ReturnHalf> {
  return (returnHalfLoading ??= import('./return-half.js').then(
    (module) => (returnHalf = module),
    (cause: unknown) => {
      returnHalfLoading = undefined;
      throw cause;
    },
  ));
}

/** Every connected element, in connection order: which one a return is for is decided among them. */
const connected = new Set<OgoneCheckout>();

/** How long the return half waits for `endpoint` to be set (by a framework) before saying so. */
const CONFIGURE_GRACE_MS = 1000;

/**
 * The checkout button for the Ogone hosted payment page, and the status of the payment when the
 * shopper comes back.
 *
 * On the checkout page it lists the customer's saved cards (`<endpoint>/cards`, paid with through
 * `<endpoint>/pay`, removed after an inline confirmation) and shows an optional "save my card"
 * checkbox and a pay button; paying with a new card asks
 * the companion endpoint (`<endpoint>/sign`) for a signed form and posts it to Ogone. With an
 * `order-ref` it first asks `<endpoint>/orders/<orderRef>` whether the order is already paid (then
 * it shows the receipt instead). When the page URL carries Ogone's return parameters for its order,
 * it asks `<endpoint>/verify` for the verified result, shows it, cleans the address bar and fires
 * `ogone-result`. Work starts after the first update, once `endpoint` is set, so properties set
 * just after the element is connected (frameworks) are used.
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
 * @csspart button - The native pay / try again / check again / back to checkout button.
 * @csspart status - The polite live region (messages and the receipt), present from the first render.
 * @csspart alert - The assertive live region (errors only), present from the first render.
 * @csspart message - The current message (also `message-info`, `message-success`, `message-warning` or `message-error`). Focused after a result or an error.
 * @csspart receipt - The receipt's `<dl>` (paid, pending or uncertain payments).
 * @csspart receipt-row - Each term and value pair of the receipt (also `receipt-amount`, `receipt-order`, `receipt-card`).
 * @csspart receipt-card-saved - "Card saved for next time", when the card was saved.
 * @csspart saved-cards - The `<fieldset>` of saved cards (only when the endpoint lists some).
 * @csspart saved-cards-legend - Its legend, "Pay with".
 * @csspart saved-card - Each row of the list (also `saved-card-expired`, `saved-card-new`).
 * @csspart remove-button - "Remove" next to a saved card.
 * @csspart remove-confirm - The inline confirmation of a removal; its buttons are `remove-yes` and `remove-no`.
 * @csspart saved-cards-status - The polite live region of the list ("… removed.").
 * @csspart saved-cards-alert - The assertive live region of the list (a removal that failed).
 *
 * @cssprop [--ogone-checkout-accent=light-dark(#0b57d0, #a8c7fa)] - Button background, checkbox and (unless set) focus colour.
 * @cssprop [--ogone-checkout-accent-text=light-dark(#ffffff, #062e6f)] - Button text colour.
 * @cssprop [--ogone-checkout-radius=0.375rem] - Button corner radius.
 * @cssprop [--ogone-checkout-gap=0.75rem] - Space between the parts.
 * @cssprop [--ogone-checkout-focus-ring=var(--ogone-checkout-accent)] - Focus outline colour.
 * @cssprop [--ogone-checkout-error-color=light-dark(#b3261e, #ffb4ab)] - Error message colour.
 * @cssprop [--ogone-checkout-success-color=light-dark(#1b6e2e, #7fdb8f)] - Success message colour.
 *
 * @fires {CustomEvent<OgoneReadyDetail>} ogone-ready - Once, after the first render; `detail.mode` is `checkout` or `return`.
 * @fires {CustomEvent<OgoneSaveCardChangeDetail>} ogone-save-card-change - The shopper ticked or unticked "save my card".
 * @fires {CustomEvent<OgoneBeforeRedirectDetail>} ogone-before-redirect - Cancelable. The signed form (action, orderId, fields without SHASIGN) is about to be posted to Ogone.
 * @fires {CustomEvent<OgoneResultDetail>} ogone-result - Once per return: the payment result verified by the endpoint, discriminated on `outcome`.
 * @fires {CustomEvent<OgoneErrorDetail>} ogone-error - Something failed; `detail.code` is one of a closed set.
 * @fires {CustomEvent<OgoneCardRemovedDetail>} ogone-card-removed - The shopper removed a saved card and the endpoint forgot it.
 */
export class OgoneCheckout extends LitElement {
  static override styles = ogoneCheckoutStyles;

  // Lit's `static properties` rather than the `@property`/`@state` decorators: the same reactive
  // properties without the decorator runtime, which the bundle budget cannot afford.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    orderRef: { attribute: 'order-ref' },
    saveCard: { attribute: 'save-card' },
    lang: { reflect: true },
    allowedHosts: { attribute: 'allowed-hosts' },
    pspid: {},
    returnUrl: { attribute: 'return-url' },
    signTimeout: { attribute: 'sign-timeout', type: Number },
    verifyTimeout: { attribute: 'verify-timeout', type: Number },
    amount: {},
    currency: {},
    strings: { attribute: false },
    _phase: { state: true, attribute: false },
    _saveCardChecked: { state: true, attribute: false },
  };

  /** Base URL of the companion endpoint, e.g. `/ogone` (the element POSTs to `/ogone/sign`). */
  endpoint = '';

  /** The merchant's order reference. The endpoint decides the amount for it. */
  orderRef = '';

  /** `off` (default): no checkbox, no card saved. `optional`: the shopper may tick "save my card". */
  saveCard: 'off' | 'optional' = 'off';

  /**
   * UI language (`en`, `fr`, `nl`, `de`, `it`, `es`; others fall back to English) and Ogone's
   * `LANGUAGE`. Without it, the closest `lang` of an ancestor (across shadow roots) or of the
   * document; changes after the first render are followed.
   */
  override lang!: string;

  /**
   * Space-separated extra `host[:port]` the signed form may be posted to (http or https), e.g.
   * `127.0.0.1:5173` for the local sandbox. Otherwise only https on a known Ogone or Worldline Direct host is accepted.
   */
  allowedHosts = '';

  /**
   * Your Ogone PSPID. When set, a signed form for any other PSPID is refused (`pspid-mismatch`)
   * before anything is posted. Recommended: it stops whoever controls the `/sign` answer.
   */
  pspid = '';

  /**
   * Where Ogone sends the shopper back: a same-origin path without query or fragment (a separate
   * confirmation page, an SPA route). Default: this page. The endpoint still checks its origin.
   */
  returnUrl = '';

  /** Milliseconds `/sign` may take before the element gives up with `timeout` (retry offered). */
  signTimeout = 15_000;

  /** Milliseconds `/verify` may take before the element gives up with `timeout` ("Check again"). */
  verifyTimeout = 30_000;

  /** Display only: the amount shown next to the button. Never sent; the endpoint decides. */
  amount = '';

  /** Display only: ISO currency of `amount`. */
  currency = '';

  /** Overrides some or all of the built-in strings. */
  strings: Partial<OgoneCheckoutStrings> = {};

  /** The one state the element is in; message, tone and button derive from it (`viewOf`). */
  private _phase: Phase = { name: 'idle' };
  private _saveCardChecked = false;

  readonly #client = new EndpointClient(this);
  /** `return` when this element claimed the return parameters of the page URL. */
  #mode: OgoneCheckoutMode = 'checkout';
  /** The claimed return query until it is settled (shown, refused, or left for the checkout). */
  #returnQuery: string | null = null;
  #verifying = false;
  #configureTimer: ReturnType<typeof setTimeout> | undefined;
  /** The order status lookup for `orderRef`: what `pay()` waits for before signing. */
  #lookup: { orderRef: string; done: Promise<OrderStatus | null> } | null = null;
  #result: PaymentResult | null = null;
  #languageObserver: MutationObserver | undefined;
  readonly #hinted = new Set<string>();
  /** The last button press came from the keyboard: the message it leads to shows its focus. */
  #keyboard = false;
  /** The saved-card list, asked for with each order status lookup. */
  #cards: SavedCardList | undefined;

  /** Where the element is: `idle`, `signing`, `redirecting`, `verifying`, `done` or `error`. */
  get state(): OgoneCheckoutState {
    return this._phase.name;
  }

  /** The verified (or, after a reload, restored) result of this order, else `null`. */
  get result(): PaymentResult | null {
    return this.#result;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.delete(this);
    connected.add(this);
    window.addEventListener('pageshow', this.#onPageShow);
    // Follow `lang` changes of the page after the first render (the own attribute is a property).
    this.#languageObserver = new MutationObserver(() => this.requestUpdate());
    this.#languageObserver.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
    // A request aborted by a removal leaves a busy phase behind: start that step again.
    if (this._phase.name === 'signing') this._phase = { name: 'idle' };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    window.removeEventListener('pageshow', this.#onPageShow);
    this.#languageObserver?.disconnect();
    clearTimeout(this.#configureTimer);
    this.#configureTimer = undefined;
    // Aborted with the element: asked again when it comes back.
    this.#lookup = null;
  }

  /**
   * Starts the payment, as a click on the pay button does. Ignored while busy and whenever the
   * element offers no new attempt (after a successful or pending payment, on an unconfirmed return).
   */
  pay(): Promise<void> {
    const view = viewOf(this._phase);
    if (view.busy || (view.button !== 'pay' && view.button !== 'retry')) return Promise.resolve();
    return this.#pay();
  }

  // Non-English strings and, when this tab kept a result for the order, the receipt, are loaded
  // before rendering, so the shopper never sees English or a live "Pay now" first.
  protected override async scheduleUpdate(): Promise<void> {
    const waits: Promise<unknown>[] = [];
    const language = builtInLanguage(this.#languageTag());
    if (!loadedStrings(language)) waits.push(loadStrings(language));
    if (!this.hasUpdated && !returnHalf && this.orderRef && hasStoredResult(this.orderRef)) {
      waits.push(loadReturnHalf().catch(() => undefined));
    }
    if (waits.length > 0) await Promise.all(waits);
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) this.#decide();
    else if (changed.has('orderRef') && this.#returnQuery === null && !viewOf(this._phase).busy) {
      // Another order on the same element (an SPA): its own status, from scratch.
      this.#lookup = null;
      this.#result = null;
      this._phase = this.#restored() ?? { name: 'idle' };
    }
    this.setAttribute('state', this._phase.name);
  }

  protected override firstUpdated(): void {
    emit(this, 'ogone-ready', { mode: this.#mode });
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('_phase')) this.#present(changed.get('_phase') as Phase | undefined);
    this.#startWork();
  }

  protected override render(): TemplateResult {
    const strings = this.#strings();
    const phase = this._phase;
    const view = viewOf(phase);
    const key = view.message;
    const message = key
      ? html`<p
          part="message message-${view.tone}"
          class=${phase.name === 'verifying' ? 'busy' : ''}
          tabindex="-1"
        >
          ${strings[key]}
        </p>`
      : nothing;
    const error = view.tone === 'error';
    const receipt =
      phase.name === 'done' && phase.result && blocksPayment(phase.receipt) && returnHalf
        ? returnHalf.renderReceipt(phase.result, strings, this.#languageTag())
        : nothing;
    const action = view.button;
    const form = phase.name === 'redirecting' ? phase.form : null;
    const payable = view.half === 'checkout' && (action === 'pay' || action === 'retry');
    // Both live regions exist from the first render and come first in reading order; in the
    // checkout layout CSS shows them below the button, in reserved space, so nothing shifts.
    return html`<div part="base" class=${view.half}>
      <div class="messages">
        <div part="status" role="status" aria-live="polite" aria-atomic="true">
          ${error ? nothing : message}${receipt}
        </div>
        <div part="alert" role="alert" aria-live="assertive" aria-atomic="true">
          ${error ? message : nothing}
        </div>
      </div>
      ${view.half === 'checkout' ? this.#renderAmount(strings) : nothing}
      ${payable ? this.#cards?.render(strings, view.busy) : nothing}
      ${
        payable && this.saveCard === 'optional' && !this.#cards?.chosen
          ? html`<label part="consent"
              ><input
                part="checkbox"
                type="checkbox"
                .checked=${this._saveCardChecked}
                ?disabled=${view.busy}
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
              ?disabled=${view.busy}
              aria-busy=${String(view.busy)}
              @click=${this.#onButtonClick}
            >
              <span
                >${
                  action === 'pay'
                    ? html`<slot name="pay-label">${strings.pay}</slot>`
                    : strings[
                        action === 'retry'
                          ? 'tryAgain'
                          : action === 'check'
                            ? 'checkAgain'
                            : 'backToCheckout'
                      ]
                }</span
              >
            </button>`
          : nothing
      }
      ${form && returnHalf ? returnHalf.renderRedirectForm(form) : nothing}
    </div>`;
  }

  #renderAmount(strings: OgoneCheckoutStrings) {
    if (!this.amount || !this.currency) return nothing;
    return html`<p part="amount">
      ${strings.total}:
      <span part="amount-value"
        >${formatAmount(this.amount, this.currency, this.#languageTag())}</span
      >
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
    return {
      ...returnHalf?.EN_ON_DEMAND,
      ...(loadedStrings(builtInLanguage(this.#languageTag())) ?? EN),
      ...this.strings,
    } as OgoneCheckoutStrings;
  }

  /**
   * Before the first render: does this element take the page's return parameters (it is the one
   * the return is for), or show a result this tab kept for its order?
   */
  #decide(): void {
    const query = location.search;
    if (hasOgoneReturnParams(query) || hasWorldlineReturnParams(query)) {
      const elements = [...connected];
      const claimant =
        elements[
          claimantIndex(
            elements.map((el) => el.orderRef),
            returnOrderRef(query),
          )
        ];
      if (claimant === this) {
        this.#mode = 'return';
        this.#returnQuery = query;
        this._phase = { name: 'verifying' };
        return;
      }
    }
    this._phase = this.#restored() ?? this._phase;
  }

  /** The result this tab kept for `orderRef`, as a `done` phase, when the return half is loaded. */
  #restored(): Phase | null {
    const stored = this.orderRef ? returnHalf?.readStoredResult(this.orderRef) : null;
    if (!stored) return null;
    this.#result = stored;
    return { name: 'done', receipt: returnHalf!.receiptOf(stored.outcome), result: stored };
  }

  /** After each update: start what the phase and the properties call for, once configured. */
  #startWork(): void {
    if (this.#returnQuery !== null) {
      const phase = this._phase;
      const waiting =
        phase.name === 'verifying' ||
        (phase.name === 'error' && phase.step === 'verify' && phase.error.code === 'configuration');
      if (!waiting || this.#verifying) return;
      if (this.endpoint) {
        clearTimeout(this.#configureTimer);
        this.#configureTimer = undefined;
        void this.#verify();
      } else if (phase.name === 'verifying' && this.#configureTimer === undefined) {
        this.#configureTimer = setTimeout(() => {
          if (!this.endpoint && this._phase.name === 'verifying') {
            this.#fail('verify', configurationError('endpoint'));
          }
        }, CONFIGURE_GRACE_MS);
      }
      return;
    }
    if (this.endpoint && this.orderRef && this.#lookup === null) this.#checkOrder(this.orderRef);
  }

  /**
   * Asks the endpoint whether the order is already paid, and for the customer's saved cards (always:
   * a shop without them says so and no list shows); shows the status unless the shopper moved on.
   */
  #checkOrder(orderRef: string): void {
    const lookup = {
      orderRef,
      done: (async (): Promise<OrderStatus | null> => {
        const half = await loadReturnHalf().catch(() => undefined);
        if (!half) return null;
        void (this.#cards ??= new half.SavedCardList(this, this.#client)).load(orderRef);
        const answer = await half.lookupOrder(
          this.#client,
          this.endpoint,
          orderRef,
          this.verifyTimeout,
        );
        // Silent on failure: the checkout stays as it is and `/sign` decides.
        return answer.ok && answer.value.orderRef === orderRef ? answer.value : null;
      })(),
    };
    this.#lookup = lookup;
    void lookup.done.then((status) => {
      const phase = this._phase.name;
      if (status && this.#lookup === lookup && (phase === 'idle' || phase === 'done')) {
        this.#applyStatus(status);
      }
    });
  }

  /** Shows what the endpoint says of the order; true when no new payment may start. */
  #applyStatus(status: OrderStatus): boolean {
    const half = returnHalf!;
    const phase = this._phase;
    if (status.state === 'open') {
      // No successful or pending payment: a receipt this tab kept that says otherwise is stale.
      if (phase.name === 'done' && blocksPayment(phase.receipt)) {
        half.forgetResult(status.orderRef);
        this.#result = null;
        this._phase = { name: 'idle' };
      }
      return false;
    }
    const result = status.result?.orderRef === status.orderRef ? status.result : null;
    if (result) {
      half.storeResult(result);
      this.#result = result;
    }
    this._phase = { name: 'done', receipt: status.state, result };
    return true;
  }

  #onSaveCardChange(event: Event): void {
    this._saveCardChecked = (event.target as HTMLInputElement).checked;
    emit(this, 'ogone-save-card-change', { saveCard: this._saveCardChecked });
  }

  #onButtonClick(event: MouseEvent): void {
    // A click from Enter or Space has no pointer detail: show where focus goes next.
    this.#keyboard = event.detail === 0;
    const action = viewOf(this._phase).button;
    // "Check again" after a saved-card payment without a clear answer: the order's status.
    if (action === 'check')
      void (this.#returnQuery === null ? this.#backToCheckout() : this.#verify());
    else if (action === 'checkout') this.#backToCheckout();
    else void this.pay();
  }

  #onPageShow = (event: PageTransitionEvent): void => {
    if (!event.persisted) return;
    // Back through the back/forward cache: the page is as we left it, mid-redirect. The shopper
    // may have paid since: this tab's kept result shows at once, the endpoint's status follows.
    if (this._phase.name === 'redirecting' || this._phase.name === 'signing') {
      this._phase = { name: 'idle' };
    }
    if (this.#returnQuery !== null || !this.orderRef) return;
    void loadReturnHalf()
      .then(() => {
        const restored = this._phase.name === 'idle' ? this.#restored() : null;
        if (restored) this._phase = restored;
      })
      .catch(() => undefined);
    this.#lookup = null;
    this.requestUpdate();
  };

  /** Leaves a return that cannot be shown for this order: this order's checkout, status first. */
  #backToCheckout(): void {
    this.#returnQuery = null;
    this.#lookup = null;
    this._phase = { name: 'idle' };
  }

  /** Focus, scrolling and announcements for a new phase. */
  #present(previous: Phase | undefined): void {
    const view = viewOf(this._phase);
    const wasBusy = previous !== undefined && viewOf(previous).busy;
    if (this._phase.name === 'verifying') this.#scrollIntoView();
    if (!view.focus || this._phase === previous) return;
    // Move focus to what happened, unless the shopper is busy elsewhere on the page.
    const active = document.activeElement;
    if (active !== null && active !== document.body && active !== this && !wasBusy) return;
    const message = this.renderRoot.querySelector<HTMLElement>('[part~="message"]');
    // A focus ring on a message is only useful to a keyboard user who pressed a button here;
    // after a page load or a mouse click it is noise (browsers would show one after a load).
    message?.classList.toggle('keyboard', this.#keyboard);
    message?.focus();
    this.#keyboard = false;
    this.#scrollIntoView();
  }

  #scrollIntoView(): void {
    const box = this.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) this.scrollIntoView({ block: 'nearest' });
  }

  /** The return URL Ogone signs: `return-url` resolved (same origin, no query), else this page. */
  #returnUrlOrError(): string | OgoneErrorDetail {
    if (!this.returnUrl) return location.origin + location.pathname;
    let url: URL | undefined;
    try {
      url = new URL(this.returnUrl, location.href);
    } catch {
      url = undefined;
    }
    if (url?.origin !== location.origin || /[?#]/.test(this.returnUrl)) {
      return {
        code: 'configuration',
        message: `The return-url attribute must be a path on this origin without a query or fragment (Ogone appends its parameters), not ${JSON.stringify(this.returnUrl.slice(0, 200))}.`,
      };
    }
    return url.origin + url.pathname;
  }

  async #pay(): Promise<void> {
    // A saved card only when the list was on screen, chosen (the hosted page otherwise).
    const card = viewOf(this._phase).half === 'checkout' ? this.#cards?.chosen : undefined;
    const orderRef = this.orderRef || this.#result?.orderRef || '';
    const returnUrl = this.#returnUrlOrError();
    if (!this.endpoint) return this.#fail('sign', configurationError('endpoint'));
    if (!orderRef) return this.#fail('sign', configurationError('order-ref'));
    if (typeof returnUrl !== 'string') return this.#fail('sign', returnUrl);
    this._phase = { name: 'signing' };
    // Never sign an order the endpoint says is paid or pending (Back, reload, another tab).
    const lookup = this.#lookup?.orderRef === orderRef ? this.#lookup : null;
    const status = lookup ? await lookup.done : null;
    // Removed meanwhile (the lookup was aborted): back to idle when it returns.
    if (this._phase.name !== 'signing' || !this.isConnected) return;
    if (status && this.#applyStatus(status)) return;
    const tag = this.#languageTag();
    // The page's language tag (`fr-BE`); the endpoint maps it to Ogone's LANGUAGE (`fr_BE`), and
    // without one uses the order's own language.
    const request = { orderRef, returnUrl, ...(tag ? { language: tag } : {}) };
    if (card) return this.#payWithCard(request);
    const answer = await this.#client.sign(
      this.endpoint,
      { ...request, saveCard: this.saveCard === 'optional' && this._saveCardChecked },
      this.signTimeout,
    );
    if (!answer.ok) {
      if ('aborted' in answer) return;
      return this.#fail('sign', answer.error);
    }
    return this.#redirect(answer.value);
  }

  /** POSTs `/pay` with the chosen saved card and follows the answer (`SavedCardList#pay`). */
  async #payWithCard(request: Parameters<SavedCardList['pay']>[0]): Promise<void> {
    const step = await this.#cards!.pay(request);
    if (!step || this._phase.name !== 'signing' || !this.isConnected) return;
    if (step.do === 'fail') return this.#fail('pay', step.error, step.pay);
    if (step.do === 'redirect') return this.#redirect(step.payload);
    if (step.do === 'leave') {
      this._phase = { name: 'redirecting', form: null };
      return location.assign(step.url);
    }
    await loadReturnHalf();
    this.#show(step.result, step.card);
  }

  /** Checks the signed form and posts it to Ogone (after `/sign`, or `/pay` sending there). */
  async #redirect(payload: SignedPayload): Promise<void> {
    // The checks and the form load with the return half (asked for with the order status).
    const half = await loadReturnHalf().catch(() => undefined);
    const problem = half
      ? half.redirectProblem(payload, this.allowedHosts, this.pspid)
      : {
          code: 'network' as const,
          message: 'The return half of <ogone-checkout> could not be loaded.',
        };
    if (problem) return this.#fail('sign', problem);
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
      this._phase = { name: 'idle' };
      return;
    }
    this._phase = { name: 'redirecting', form: payload };
    await this.updateComplete;
    this.renderRoot.querySelector('form')?.submit();
  }

  async #verify(): Promise<void> {
    const query = this.#returnQuery;
    if (query === null || this.#verifying) return;
    this.#verifying = true;
    this._phase = { name: 'verifying' };
    let answer;
    try {
      const half = await loadReturnHalf();
      answer = await half.verifyReturn(this.#client, this.endpoint, query, this.verifyTimeout);
    } catch (cause) {
      answer = failure(
        'network',
        'The return half of <ogone-checkout> could not be loaded.',
        cause,
      );
    } finally {
      this.#verifying = false;
    }
    if (!answer.ok) {
      // Removed meanwhile: asked again when it is back (the next update starts it).
      if ('aborted' in answer) return;
      const { code } = answer.error;
      // A bad signature or query is not asked again, and leaves the address bar clean.
      if (code === 'verification-failed') this.#cleanAddressBar();
      return this.#fail('verify', answer.error);
    }
    const result = answer.value;
    this.#cleanAddressBar();
    if (this.orderRef && result.orderRef !== this.orderRef) {
      return this.#fail('verify', {
        code: 'order-mismatch',
        message: `The verified return is for order ${JSON.stringify(result.orderRef)}, not order-ref ${JSON.stringify(this.orderRef)}.`,
        cause: { orderRef: result.orderRef },
      });
    }
    this.#show(result);
    // Refused or cancelled (a failed 3-D Secure challenge too): the customer's saved cards are
    // offered again, in the checkout layout, instead of going straight back to the hosted page.
    void (this.#cards ??= new returnHalf!.SavedCardList(this, this.#client))
      .load(result.orderRef)
      .then(() => {
        const phase = this._phase;
        if (
          phase.name === 'done' &&
          !blocksPayment(phase.receipt) &&
          this.#cards!.cards.some((card) => !card.expired)
        ) {
          this._phase = { ...phase, card: [phase.receipt, 'pay'] };
        }
      });
  }

  /**
   * Shows a verified result and fires `ogone-result`. A saved card's refusal (`card`) keeps the
   * checkout, so another card can be chosen; it is not kept for the tab.
   */
  #show(result: PaymentResult, card?: readonly [MessageKey, ButtonAction]): void {
    const half = returnHalf!;
    if (!card) half.storeResult(result);
    this.#result = result;
    this._phase = { name: 'done', receipt: half.receiptOf(result.outcome), result, card };
    emit(this, 'ogone-result', result);
  }

  /** The signed return URL has no query, so everything in it came from Ogone: drop it all. */
  #cleanAddressBar(): void {
    if (location.search === this.#returnQuery) {
      history.replaceState(history.state, '', location.pathname + location.hash);
    }
  }

  #fail(
    step: 'sign' | 'verify' | 'pay',
    error: OgoneErrorDetail,
    pay?: readonly [MessageKey, ButtonAction],
  ): void {
    this._phase = { name: 'error', step, error, pay };
    emit(this, 'ogone-error', error);
    // The hints are long texts for developers: loaded only when something failed.
    void import('./dev-hints.js').then(
      ({ hintFor }) => {
        const hint = hintFor(error);
        if (hint && !this.#hinted.has(hint.cause)) {
          this.#hinted.add(hint.cause);
          console.error(`<ogone-checkout> ${hint.message}`, this);
        }
      },
      () => undefined,
    );
  }
}

function configurationError(attribute: 'endpoint' | 'order-ref'): OgoneErrorDetail {
  return {
    code: 'configuration',
    message:
      attribute === 'endpoint'
        ? 'The endpoint attribute is required: the base URL of the companion endpoint, e.g. endpoint="/ogone".'
        : 'The order-ref attribute is required: your reference of the order to pay, e.g. order-ref="SO-1001".',
  };
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
