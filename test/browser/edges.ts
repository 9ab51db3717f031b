/**
 * The edges every element test stubs: `fetch` (the companion endpoint) and
 * `HTMLFormElement.prototype.submit` (the redirect to Ogone), plus small helpers. Call
 * `useEdgeStubs()` once per test file; it restores everything after each test.
 */
import { waitUntil } from '@open-wc/testing';
import type { OgoneCheckout } from '../../src/element/ogone-checkout.component.js';

export interface FetchCall {
  url: string;
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

/** Replaces `fetch`: records every call and answers with `pick(url)`. */
export function stubFetchWith(pick: (url: string) => Reply): void {
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    edges.calls.push({ url, body, signal: init?.signal });
    const reply = pick(url);
    if (reply === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        );
      });
    }
    if (reply instanceof Error) return Promise.reject(reply);
    return Promise.resolve(
      new Response(JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'content-type': 'application/json' },
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
