/** Shared helpers of the DirectLink sandbox tests: signed calls, answers read with a real XML parser. */
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { signShaIn, type HashAlgorithm } from '../../src/protocol/index.js';
import type { Sandbox, SandboxOptions } from '../../src/sandbox/index.js';
import {
  baseFields,
  checkout,
  GOOD_CARD,
  HOST,
  openPage,
  pay,
  PSPID,
  redirectOf,
  sandboxWith,
  URLS,
  type Card,
} from './sandbox.js';

export const API_USER = { userId: 'ACME-API', password: 'Api-Pässword#2026' };
export const DL_SHA_IN = 'DirectLink-In-Sécret#1';

export type Page = 'orderdirect' | 'maintenancedirect' | 'querydirect';

/** A sandbox with an API user, its own DirectLink SHA-IN and no after-sale delay. */
export function directSandbox(options: Partial<SandboxOptions> = {}): Sandbox {
  return sandboxWith({
    apiUser: API_USER,
    directLinkShaIn: DL_SHA_IN,
    maintenanceDelayMs: 0,
    ...options,
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  // NCERRORPLUS may start with a space (" no orderid"): keep values exactly as sent.
  trimValues: false,
});

/** An `<ncresponse>` read as a client reads it. */
export interface NcAnswer {
  /** Attributes by their exact name. */
  attrs: Record<string, string>;
  /** The decoded HTML_ANSWER, when there is one. */
  html: string | undefined;
  xml: string;
}

export function parseAnswer(xml: string): NcAnswer {
  assert.equal(XMLValidator.validate(xml), true, `well-formed XML: ${xml}`);
  assert.ok(xml.startsWith('<?xml version="1.0"?><ncresponse '), xml);
  const parsed = parser.parse(xml) as { ncresponse: Record<string, string> };
  const { HTML_ANSWER: encoded, ...attrs } = parsed.ncresponse;
  delete attrs['#text'];
  const html = encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('utf8');
  return { attrs, html, xml };
}

export interface CallOptions {
  user?: { userId: string; password: string } | null;
  passphrase?: string;
  algorithm?: HashAlgorithm;
  sign?: boolean;
  environment?: 'test' | 'prod';
  /** The plain `.asp` page (windows-1252) instead of `_utf8.asp`. */
  plain?: boolean;
}

/** The signed form body of a DirectLink call. */
export async function directBody(
  fields: Record<string, string>,
  options: CallOptions = {},
): Promise<Record<string, string>> {
  const user = options.user === undefined ? API_USER : options.user;
  const all: Record<string, string> = {
    PSPID,
    ...(user ? { USERID: user.userId, PSWD: user.password } : {}),
    ...fields,
  };
  if (options.sign === false) return all;
  const shaSign = await signShaIn(
    all,
    options.passphrase ?? DL_SHA_IN,
    options.algorithm ?? 'sha512',
  );
  return { ...all, SHASIGN: shaSign };
}

export function pageUrl(page: Page, options: CallOptions = {}): string {
  return `${HOST}/ncol/${options.environment ?? 'test'}/${page}${options.plain ? '' : '_utf8'}.asp`;
}

/** POSTs a signed DirectLink call to the handler and parses the answer (always HTTP 200). */
export async function call(
  sandbox: Sandbox,
  page: Page,
  fields: Record<string, string>,
  options: CallOptions = {},
): Promise<NcAnswer> {
  const response = await sandbox.fetch(pageUrl(page, options), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(await directBody(fields, options)).toString(),
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/xml; charset=/);
  return parseAnswer(await response.text());
}

/** Pays on the hosted page saving the card; returns the alias. */
export async function savedAlias(
  sandbox: Sandbox,
  cardno = '4111 1111 1111 1111',
  alias = `CUST-${Math.random().toString(36).slice(2, 10)}`,
  card: Card = GOOD_CARD,
): Promise<string> {
  const redirect = await checkout(
    sandbox,
    baseFields({ ...URLS, ALIAS: alias, ALIASUSAGE: 'Save it' }),
    { ...card, cardno, alias_consent: 'Y' },
  );
  assert.equal(redirect.params['ALIAS'], alias, 'the alias came back');
  return alias;
}

/** The fields of an orderdirect payment with a saved card. */
export function aliasOrder(
  alias: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ORDERID: `DL-${Math.random().toString(36).slice(2, 12)}`,
    AMOUNT: '1510',
    CURRENCY: 'EUR',
    ALIAS: alias,
    ECI: '9',
    OPERATION: 'SAL',
    ...extra,
  };
}

/** The card of an issuer that always challenges. */
export const CHALLENGE_CARD = '4000 0000 0000 3220';

/** The form of an HTML fragment: its action and hidden session token. */
export function formOf(html: string): { action: string; token: string } {
  const action = /<form [^>]*action="([^"]+)"/.exec(html)?.[1];
  const token = /name="session" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(action && token, html);
  return { action: action.replace(/&amp;/g, '&'), token };
}

/** POSTs a form to the handler (relative URLs resolved against the sandbox's host). */
export function post(
  sandbox: Sandbox,
  url: string,
  fields: Record<string, string>,
): Promise<Response> {
  return sandbox.handler(
    new Request(new URL(url, HOST), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

/** Saves a card that the hosted page challenges (authenticating once); returns the alias. */
export async function savedChallengeAlias(
  sandbox: Sandbox,
  cardno = CHALLENGE_CARD,
): Promise<string> {
  const alias = `CH-${Math.random().toString(36).slice(2, 10)}`;
  const { token } = await openPage(
    sandbox,
    baseFields({ ...URLS, ALIAS: alias, ALIASUSAGE: 'Save' }),
  );
  const page = await pay(sandbox, token, { ...GOOD_CARD, cardno, alias_consent: 'Y' });
  const form = formOf(await page.text());
  const done = redirectOf(
    await post(sandbox, form.action, { session: form.token, action: 'complete' }),
  );
  assert.equal(done.params['ALIAS'], alias);
  return alias;
}
