/**
 * `<ogone-admin>`: the payments page (list and a payment's page), routed by the URL's hash so Back
 * and reload keep the place. Reads the JSON API of its endpoint; focus moves to each view's
 * heading, and to the result of an action.
 */
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { amountProblem, maxOf, type PanelHandlers, type PanelState } from './action-panel.js';
import {
  AdminClient,
  ApiError,
  type Action,
  type AdminPaymentDetail,
  type PaymentList,
} from './api.js';
import { detailView, type Notice } from './detail-view.js';
import { fromMinor, money, toMinor } from './format.js';
import { listView, type ListQuery } from './list-view.js';
import { listHash, parseHash, type Route } from './route.js';
import { adminStyles } from './styles.js';

const PENDING = 'The bank confirms it shortly.';
const DONE = 'The bank has answered.';

const SENT: Readonly<Record<Action, (m: string) => string>> = {
  capture: (m) => `Capture of ${m} sent. ${PENDING}`,
  refund: (m) => `Refund of ${m} sent. ${PENDING}`,
  cancel: () => `Cancellation sent. ${PENDING}`,
};

export class OgoneAdmin extends LitElement {
  static override styles = adminStyles;

  static override properties: PropertyDeclarations = {
    base: {},
    csrf: {},
    route: { state: true },
    list: { state: true },
    detail: { state: true },
    panel: { state: true },
    notice: { state: true },
    checking: { state: true },
  };

  base = '';
  csrf = '';
  route: Route = parseHash('');
  list: PaymentList | undefined;
  detail: AdminPaymentDetail | undefined;
  panel: PanelState | null = null;
  notice: Notice | null = null;
  checking = false;
  private client: AdminClient | undefined;
  private focusHeading = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshes = 0;
  private readonly onHash = () => this.navigate(false);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.navigate(true);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHash);
    clearTimeout(this.refreshTimer);
    super.disconnectedCallback();
  }

  private api(): AdminClient {
    return (this.client ??= new AdminClient(this.base, this.csrf));
  }

  private navigate(first: boolean): void {
    this.route = parseHash(location.hash);
    this.focusHeading = !first;
    this.notice = null;
    this.panel = null;
    this.refreshes = 0;
    clearTimeout(this.refreshTimer);
    void this.load();
  }

  /** While the bank has not answered, looks again every 2 s (for up to 2 minutes). */
  private watch(): void {
    clearTimeout(this.refreshTimer);
    const detail = this.detail;
    if (detail === undefined || !detail.waitingForBank || this.refreshes >= 60) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshes += 1;
      void this.api()
        .detail(detail.id)
        .then((fresh) => {
          const route = this.route;
          if (route.view !== 'detail' || route.id !== detail.id || this.panel?.busy) return;
          this.detail = fresh;
          const notice = this.notice;
          if (!fresh.waitingForBank && notice?.text.endsWith(PENDING)) {
            this.notice = { ...notice, text: `${notice.text.slice(0, -PENDING.length)}${DONE}` };
          }
          this.watch();
        })
        .catch(() => this.watch());
    }, 2000);
  }

  private async load(): Promise<void> {
    const route = this.route;
    try {
      if (route.view === 'list') {
        this.list = undefined;
        this.list = await this.api().list(route.query);
      } else {
        this.detail = undefined;
        this.detail = await this.api().detail(route.id);
        this.watch();
      }
    } catch (error) {
      this.notice = { kind: 'error', text: (error as Error).message };
      if (route.view === 'list') {
        this.list = {
          payments: [],
          total: 0,
          page: 1,
          pageSize: 25,
          query: '',
          filter: 'all',
          filters: [],
        };
      }
    }
  }

  private go(query: ListQuery): void {
    location.hash = listHash(query);
  }

  private readonly panelHandlers: PanelHandlers = {
    open: (action) => {
      const max = this.detail === undefined ? null : maxOf(this.detail, action);
      if (max === null) return;
      this.notice = null;
      this.panel = {
        action,
        step: action === 'cancel' ? 'confirm' : 'amount',
        amount: max,
        final: false,
        key: crypto.randomUUID(),
        busy: false,
        error: null,
      };
      this.focusIn('#amount, .confirm button');
    },
    change: (patch) => {
      if (this.panel) this.panel = { ...this.panel, ...patch, error: null };
    },
    next: () => {
      const panel = this.panel;
      if (!panel || !this.detail) return;
      const problem = amountProblem(panel.amount, maxOf(this.detail, panel.action) ?? '0.00');
      this.panel = problem
        ? { ...panel, error: problem }
        : { ...panel, step: 'confirm', amount: fromMinor(toMinor(panel.amount)!), error: null };
      this.focusIn(problem ? '#amount' : '.confirm button');
    },
    confirm: () => void this.confirm(),
    check: () => void this.check(),
    close: () => {
      const action = this.panel?.action;
      this.panel = null;
      this.focusIn(`button[data-action="${action ?? ''}"]`);
    },
  };

  private async confirm(): Promise<void> {
    const panel = this.panel;
    const detail = this.detail;
    if (!panel || !detail || panel.busy) return;
    this.panel = { ...panel, busy: true, error: null };
    const amount = panel.action === 'cancel' ? undefined : panel.amount;
    try {
      this.detail = await this.api().act(detail.id, panel.action, {
        ...(amount === undefined ? {} : { amount }),
        ...(panel.final ? { final: true } : {}),
        key: panel.key,
      });
      this.panel = null;
      this.refreshes = 0;
      this.watch();
      this.notice = {
        kind: 'success',
        text: SENT[panel.action](money(amount ?? detail.amount, detail.currency)),
      };
    } catch (error) {
      const text = error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
      if (error instanceof ApiError && error.code === 'operation-refused') {
        // Refused by the operations: the page was out of date or the rule says no. Say why and
        // show the payment as it is now.
        this.panel = null;
        this.notice = { kind: 'error', text };
        this.detail = await this.api()
          .detail(detail.id)
          .catch(() => detail);
        this.watch();
      } else {
        this.panel = { ...panel, busy: false, error: text };
      }
    }
    this.focusIn(this.panel === null ? '#notice' : '.confirm [role=alert]');
  }

  /** "Ask Ogone for the status": one status query, its answer in words. */
  private async check(): Promise<void> {
    const detail = this.detail;
    if (!detail || this.checking) return;
    this.checking = true;
    try {
      const fresh = await this.api().act(detail.id, 'check', {});
      this.detail = fresh;
      this.notice =
        fresh.queried === false
          ? {
              kind: 'error',
              text: 'Ogone was asked less than 30 seconds ago. Try again in a moment.',
            }
          : { kind: 'success', text: `Ogone was asked. This payment is: ${fresh.label}.` };
      this.watch();
    } catch (error) {
      this.notice = { kind: 'error', text: (error as Error).message };
    }
    this.checking = false;
    this.focusIn('#notice');
  }

  private focusIn(selector: string): void {
    void this.updateComplete.then(() =>
      (this.renderRoot.querySelector(selector) as HTMLElement | null)?.focus(),
    );
  }

  protected override updated(): void {
    if (!this.focusHeading) return;
    // Once the view has its data: the heading of the loading state is replaced.
    if ((this.route.view === 'detail' ? this.detail : this.list) === undefined) return;
    const heading = this.renderRoot.querySelector('h2') as HTMLElement | null;
    if (heading) {
      heading.focus();
      this.focusHeading = false;
    }
  }

  private body(): TemplateResult {
    const route = this.route;
    if (route.view === 'detail')
      return detailView(this.detail, this.panel, this.notice, this.panelHandlers, this.checking);
    return html`${
      this.notice ? html`<p class="message error" role="alert">${this.notice.text}</p>` : nothing
    }
    ${listView(route.query, this.list, {
      search: (q) => this.go({ ...route.query, q: q.trim(), page: 1 }),
      filter: (filter) => this.go({ ...route.query, filter, page: 1 }),
      page: (page) => this.go({ ...route.query, page }),
    })}`;
  }

  override render(): TemplateResult {
    return html`<header>
        <h1>Payments</h1>
        <button type="button" class="secondary" @click=${() => void this.api().signOut()}>
          Sign out
        </button>
      </header>
      <main>${this.body()}</main>`;
  }
}
