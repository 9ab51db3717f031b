/** The payments page's calls to its JSON API (same origin, CSRF token on every POST). */
import type { AdminPaymentDetail, AdminPaymentView } from '../server/admin/views.js';

export type { AdminPaymentDetail, AdminPaymentView };

export interface PaymentList {
  payments: AdminPaymentView[];
  total: number;
  page: number;
  pageSize: number;
  query: string;
  filter: string;
  filters: { id: string; label: string }[];
}

export type Action = 'capture' | 'cancel' | 'refund';

/** A detail as an action answers it; `queried` for a status check. */
export type ActedDetail = AdminPaymentDetail & { queried?: boolean };

/** A refusal or failure to show, in plain words. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export class AdminClient {
  constructor(
    private readonly base: string,
    private readonly csrf: string,
  ) {}

  private async call<T>(path: string, init: RequestInit = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.base}/api/${path}`, {
        credentials: 'same-origin',
        ...init,
        headers: { accept: 'application/json', ...init.headers },
      });
    } catch {
      throw new ApiError(
        'network',
        'The page could not reach the server. Check the connection and try again.',
      );
    }
    if (response.status === 401) {
      location.reload();
      throw new ApiError('admin-sign-in-required', 'Your sign-in has ended. Sign in again.');
    }
    const body = (await response.json().catch(() => null)) as
      (T & { error?: { code: string; message: string } }) | null;
    if (!response.ok || body === null) {
      const error = body?.error;
      throw new ApiError(
        error?.code ?? 'failed',
        error?.message ?? 'Something went wrong. Try again.',
      );
    }
    return body;
  }

  list(params: { q: string; filter: string; page: number }): Promise<PaymentList> {
    const search = new URLSearchParams({
      q: params.q,
      filter: params.filter,
      page: String(params.page),
    });
    return this.call(`payments?${search}`);
  }

  detail(id: string): Promise<AdminPaymentDetail> {
    return this.call(`payments/${encodeURIComponent(id)}`);
  }

  act(
    id: string,
    action: Action | 'check',
    body: { amount?: string; final?: boolean; key?: string },
  ): Promise<ActedDetail> {
    return this.call(`payments/${encodeURIComponent(id)}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ogone-csrf': this.csrf },
      body: JSON.stringify(body),
    });
  }

  async signOut(): Promise<void> {
    await fetch(`${this.base}/sign-out`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-ogone-csrf': this.csrf },
    }).catch(() => undefined);
    location.assign(this.base);
  }
}
