/**
 * The edges every element test stubs: `fetch` (the companion endpoint) and
 * `HTMLFormElement.prototype.submit` (the redirect to Ogone), plus small helpers. Call
 * `useEdgeStubs()` once per test file; it restores everything after each test.
 */
import { waitUntil } from '@open-wc/testing';
import type { OgoneCheckout } from '../../src/element/ogone-checkout.component.js';

export interface FetchCall {
  url: string;
  method: string;
  body: Record<string, unknown>;
  signal: AbortSignal | null | undefined;
}

/** A stubbed answer: a JSON response, a network failure, or a request that never answers. */
export type Reply = { status: number; body: unknown } | Error | 'hang';

/** What the stubbed edges saw during the current test. */
export const edges = {
  calls: [] as FetchCall[],
  submitted: [] as HTMLFormElement[],
  cleanups: [] as Array<() => void>,
};

const originalFetch = window.fetch;
const originalSubmit = HTMLFormElement.prototype.submit;

/** Registers the per-test set-up and restore hooks (mocha). */
export function useEdgeStubs(): void {
  beforeEach(() => {
    edges.calls = [];
    edges.submitted = [];
    HTMLFormElement.prototype.submit = function submit(this: HTMLFormElement) {
      edges.submitted.push(this);
    };
  });
  afterEach(() => {
    window.fetch = originalFetch;
    HTMLFormElement.prototype.submit = originalSubmit;
    for (const cleanup of edges.cleanups) cleanup();
    edges.cleanups = [];
  });
}

/** What a shop without saved cards answers to `GET <endpoint>/cards?orderRef=…`. */
export const NO_SAVED_CARDS: Reply = {
  status: 200,
  body: { enabled: false, cards: [], selectedCardId: null },
};

/**
 * Replaces `fetch`: records every call and answers with `pick(url, method)`. Unless `savedCards`
 * is set, the saved-card list the element asks for on load answers "none" and is not recorded,
 * so tests of other routes see only their own calls.
 */
export function stubFetchWith(
  pick: (url: string, method: string) => Reply,
  options: { savedCards?: boolean } = {},
): void {
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const own = options.savedCards === true || !/\/cards\?orderRef=/.test(url);
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    if (own) edges.calls.push({ url, method, body, signal: init?.signal });
    const reply = own ? pick(url, method) : NO_SAVED_CARDS;
    if (reply === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        );
      });
    }
    if (reply instanceof Error) return Promise.reject(reply);
    const empty = reply.status === 204;
    return Promise.resolve(
      new Response(empty ? null : JSON.stringify(reply.body), {
        status: reply.status,
        headers: empty ? {} : { 'content-type': 'application/json' },
      }),
    );
  };
}

/** Collects the `detail` of every `name` event that reaches the document during this test. */
export function collect<T>(name: string): T[] {
  const details: T[] = [];
  const listener = (event: Event) => details.push((event as CustomEvent<T>).detail);
  document.addEventListener(name, listener);
  edges.cleanups.push(() => document.removeEventListener(name, listener));
  return details;
}

export function untilState(el: OgoneCheckout, state: OgoneCheckout['state']): Promise<void> {
  return waitUntil(() => el.state === state, `state ${state} (now ${el.state})`, {
    timeout: 3000,
  });
}
