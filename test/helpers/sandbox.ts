/** Shared helpers of the sandbox tests: signed forms, the payment page read as a shopper reads it. */
import assert from 'node:assert/strict';
import {
  parseOgoneParams,
  signShaIn,
  type HashAlgorithm,
  type IncomingParams,
} from '../../src/protocol/index.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

export const PSPID = 'ACMESHOP';
export const SHA_IN = 'In-Pässphrase#2026!';
export const SHA_OUT = 'Out-Pässphrase#2026?';
export const NOW = new Date('2026-11-23T10:00:00Z');
export const HOST = 'http://127.0.0.1:9000';
export const PAGE = `${HOST}/ncol/test/orderstandard_utf8.asp`;
export const PAY = `${HOST}/ncol/test/sandbox/pay`;
export const URLS = {
  ACCEPTURL: 'https://shop.example/return/accept',
  DECLINEURL: 'https://shop.example/return/decline',
  EXCEPTIONURL: 'https://shop.example/return/exception',
  CANCELURL: 'https://shop.example/return/cancel',
};

export function sandboxWith(options: Partial<SandboxOptions> = {}): Sandbox {
  return createSandbox({
    pspid: PSPID,
    shaIn: SHA_IN,
    shaOut: SHA_OUT,
    now: () => NOW,
    ...options,
  });
}

export function baseFields(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PSPID,
    ORDERID: `ORD-${Math.random().toString(36).slice(2, 12)}`,
    AMOUNT: '1510',
    CURRENCY: 'EUR',
    LANGUAGE: 'en_US',
    CN: 'Bárbara Souza',
    ...extra,
  };
}

export async function signed(
  fields: Record<string, string>,
  passphrase = SHA_IN,
  algorithm: HashAlgorithm = 'sha512',
): Promise<Record<string, string>> {
  return { ...fields, SHASIGN: await signShaIn(fields, passphrase, algorithm) };
}

export function postForm(url: string, fields: Record<string, string>): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

export const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
export const decode = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

/** The page's visible text, tags stripped. */
export function textOf(html: string): string {
  return decode(
    html
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  );
}

export interface Control {
  id: string;
  attributes: Record<string, string>;
}

/** Finds the control a `<label for>` with exactly this text points at. */
export function control(html: string, label: string): Control | undefined {
  for (const match of html.matchAll(/<label for="([^"]+)">([^<]*)<\/label>/g)) {
    if (decode(match[2]!) !== label) continue;
    const id = match[1]!;
    const input = new RegExp(`<input [^>]*id="${id}"[^>]*>`).exec(html);
    if (!input) return undefined;
    const attributes: Record<string, string> = {};
    for (const attr of input[0].matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) {
      attributes[attr[1]!] = decode(attr[2] ?? '');
    }
    return { id, attributes };
  }
  return undefined;
}

export function buttons(html: string): string[] {
  return [...html.matchAll(/<button [^>]*>([\s\S]*?)<\/button>/g)].map((m) => textOf(m[1]!).trim());
}

/** Where the payment form posts, resolved like a browser would from the page's URL. */
export function formTarget(html: string, pageUrl: string): string {
  const action = /<form [^>]*action="([^"]*)"/.exec(html)?.[1];
  assert.ok(action !== undefined, 'a form with an action');
  return new URL(decode(action), pageUrl).href;
}

export function sessionToken(html: string): string {
  const token = /name="session" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'the payment page carries a session token');
  return token;
}

export async function openPage(
  sandbox: Sandbox,
  fields: Record<string, string>,
): Promise<{ html: string; token: string }> {
  const response = await sandbox.handler(postForm(PAGE, await signed(fields)));
  const html = await response.text();
  assert.equal(response.status, 200);
  assert.ok(html.includes('name="session"'), `expected the payment page, got: ${textOf(html)}`);
  return { html, token: sessionToken(html) };
}

export interface Card {
  cardno?: string;
  expiry?: string;
  cvc?: string;
  cn?: string;
  alias_consent?: string;
  action?: string;
}

export const GOOD_CARD: Card = {
  cardno: '4111 1111 1111 1111',
  expiry: '12/30',
  cvc: '123',
  cn: 'Bárbara Souza',
  action: 'pay',
};

export async function pay(
  sandbox: Sandbox,
  token: string,
  card: Card = GOOD_CARD,
): Promise<Response> {
  const fields: Record<string, string> = { session: token };
  for (const [name, value] of Object.entries(card)) if (value !== undefined) fields[name] = value;
  return sandbox.handler(postForm(PAY, fields));
}

export interface Redirect {
  target: string;
  params: IncomingParams;
  query: string;
}

export function redirectOf(response: Response): Redirect {
  assert.equal(response.status, 303);
  const location = response.headers.get('location');
  assert.ok(location);
  const url = new URL(location);
  return {
    target: `${url.origin}${url.pathname}`,
    params: parseOgoneParams(url.search),
    query: url.search,
  };
}

/** Opens a page with these fields, pays with `card`, returns the redirect. */
export async function checkout(
  sandbox: Sandbox,
  fields: Record<string, string>,
  card: Card = GOOD_CARD,
): Promise<Redirect> {
  const { token } = await openPage(sandbox, fields);
  return redirectOf(await pay(sandbox, token, card));
}
