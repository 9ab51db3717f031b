/**
 * The Ogone sandbox: a web-standard handler that plays Ogone's hosted payment page with the real
 * protocol (SHA-IN in, SHA-OUT back, redirect rules, online-then-deferred feedback).
 */
import { fromOgoneAmount } from '../protocol/amount.js';
import { OgoneProtocolError } from '../protocol/errors.js';
import { getParam, parseOgoneParams, type IncomingParams } from '../protocol/params.js';
import { SHA_OUT_PARAMETERS } from '../protocol/sha-out-parameters.js';
import {
  DIGEST_HEX_LENGTH,
  signaturesEqual,
  signShaIn,
  signShaOut,
  type HashAlgorithm,
} from '../protocol/sign.js';
import { describeStatus } from '../protocol/status.js';
import type { FetchHandler } from '../internal/node-bridge.js';
import {
  cardBehaviour,
  cardBrand,
  cvcValid,
  isTestCard,
  luhnValid,
  maskCardNumber,
  normalizeCardNumber,
  parseExpiry,
  type CardBehaviour,
} from './cards.js';
import { FeedbackSender, type FeedbackDelivery } from './feedback.js';
import {
  renderErrorPage,
  renderPaymentPage,
  renderResultPage,
  type ErrorPageModel,
  type PaymentPageModel,
} from './html.js';
import {
  resolveSandboxOptions,
  type ResolvedSandboxOptions,
  type SandboxOptions,
} from './options.js';
import { stringsFor } from './strings.js';
import { SANDBOX_CSS } from './styles.js';

export type { FetchHandler };

/** A running sandbox. */
export interface Sandbox {
  /** Serves `/ncol/{test,prod}/orderstandard_utf8.asp`, the payment form and the feedback log. */
  handler: FetchHandler;
  /** Resolves when no feedback delivery is in flight or waiting for a retry. */
  idle(): Promise<void>;
  /** Cancels pending feedback retries (the handler keeps answering). */
  close(): void;
  /** Feedback attempts so far, oldest first (what `GET /ncol/sandbox/feedback-log` answers). */
  feedbackLog(): readonly FeedbackDelivery[];
}

/** `ALREADY_PROCESSED_NCERROR`: Ogone's NCERROR for a second payment with a paid ORDERID. */
export const ALREADY_PROCESSED_NCERROR = '50001113';

const SESSION_TTL_MS = 60 * 60 * 1000;
const MANDATORY = ['ORDERID', 'AMOUNT', 'CURRENCY', 'LANGUAGE'] as const;
const RETURN_URL_FIELDS = ['ACCEPTURL', 'DECLINEURL', 'EXCEPTIONURL', 'CANCELURL'] as const;
const ALIAS_PATTERN = /^[A-Za-z0-9_-]{1,50}$/;

type ReturnUrlField = (typeof RETURN_URL_FIELDS)[number];

interface Session {
  token: string;
  /** Path of the payment form's target, next to the hosted page that opened the session. */
  payPath: string;
  createdAt: number;
  pspid: string;
  orderId: string;
  amountMinor: string;
  currency: string;
  language: string;
  operation: 'SAL' | 'RES';
  cn: string;
  complus: string;
  /** Alias to create; `''` for ALIASOPERATION=BYPSP without a name; `undefined` when none asked. */
  alias: string | undefined;
  aliasUsage: string;
  paramPlus: [string, string][];
  urls: Partial<Record<ReturnUrlField, string>>;
  ip: string;
  /** Set once the shopper paid or cancelled: a second submit gets the same answer. */
  completed?: { location: string } | { html: string };
  /** The payment in progress (feedback being delivered): a double submit waits for it. */
  done?: Promise<void>;
}

type Opened = { session: Session } | { error: ErrorPageModel };

function currencies(): Set<string> {
  try {
    return new Set(Intl.supportedValuesOf('currency'));
  } catch {
    return new Set(['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD']);
  }
}
const CURRENCIES = currencies();

function randomToken(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Ogone's `amount`: major units without trailing zeros (`15`, `15.1`, `15.12`). */
export function ogoneReturnAmount(amountMinor: string): string {
  return fromOgoneAmount(amountMinor).replace(/\.?0+$/, '');
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** `MM/DD/YY` in UTC, as Ogone's TRXDATE. */
function trxDate(date: Date): string {
  return `${pad2(date.getUTCMonth() + 1)}/${pad2(date.getUTCDate())}/${pad2(date.getUTCFullYear() % 100)}`;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Appends parameters to a URL's query, keeping what it already had (and its fragment). */
function withQuery(url: string, pairs: [string, string][]): string {
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const query = new URLSearchParams(pairs).toString();
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${query}${fragment}`;
}

/** Where Ogone sends the shopper for a STATUS (protocol notes §4), with its fallbacks. */
export function returnUrlFor(
  status: number,
  urls: Partial<Record<ReturnUrlField, string>>,
): string | undefined {
  if ([5, 4, 9, 41, 51, 91].includes(status)) return urls.ACCEPTURL;
  if (status === 2 || status === 93) return urls.DECLINEURL;
  if (status === 52 || status === 92) return urls.EXCEPTIONURL ?? urls.ACCEPTURL;
  if (status === 1) return urls.CANCELURL ?? urls.DECLINEURL;
  return undefined;
}

interface Outcome {
  status: number;
  ncError: string;
  acceptance: string;
}

function outcomeFor(behaviour: CardBehaviour, operation: 'SAL' | 'RES'): Outcome {
  switch (behaviour) {
    case 'success':
      return { status: operation === 'RES' ? 5 : 9, ncError: '0', acceptance: 'test123' };
    case 'refused':
      return { status: 2, ncError: '30001001', acceptance: '' };
    case 'uncertain':
      return { status: operation === 'RES' ? 52 : 92, ncError: '20002001', acceptance: '' };
    case 'waiting':
      return { status: 41, ncError: '0', acceptance: '' };
  }
}

/** A Map that forgets its oldest entries beyond `limit`. */
class BoundedMap<K, V> extends Map<K, V> {
  readonly #limit: number;
  constructor(limit: number) {
    super();
    this.#limit = limit;
  }
  override set(key: K, value: V): this {
    this.delete(key);
    super.set(key, value);
    while (this.size > this.#limit) {
      const oldest = this.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    return this;
  }
}

let styleHash: Promise<string> | undefined;
function contentSecurityPolicy(): Promise<string> {
  styleHash ??= globalThis.crypto.subtle
    .digest('SHA-256', new TextEncoder().encode(SANDBOX_CSS))
    .then((digest) => {
      let binary = '';
      for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
      return `default-src 'none'; style-src 'sha256-${btoa(binary)}'; base-uri 'none'; frame-ancestors 'none'`;
    });
  return styleHash;
}

async function html(body: string, status = 200): Promise<Response> {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': await contentSecurityPolicy(),
      'x-content-type-options': 'nosniff',
    },
  });
}

function errorPage(model: ErrorPageModel, status = 200): Promise<Response> {
  return html(renderErrorPage(model), status);
}

function clientIp(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded && /^[0-9a-fA-F.:]{2,45}$/.test(forwarded) ? forwarded : '127.0.0.1';
}

async function readForm(request: Request): Promise<URLSearchParams | 'unsupported'> {
  if (request.method === 'GET') return new URL(request.url).searchParams;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === '' || type === 'application/x-www-form-urlencoded') {
    return new URLSearchParams(await request.text());
  }
  if (type === 'multipart/form-data') {
    const form = await request.formData();
    const search = new URLSearchParams();
    for (const [name, value] of form) if (typeof value === 'string') search.append(name, value);
    return search;
  }
  return 'unsupported';
}

function algorithmOfLength(length: number): HashAlgorithm | undefined {
  return (Object.keys(DIGEST_HEX_LENGTH) as HashAlgorithm[]).find(
    (algorithm) => DIGEST_HEX_LENGTH[algorithm] === length,
  );
}

/** Creates a sandbox. Throws `SandboxOptionsError` for a wrong option. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const config: ResolvedSandboxOptions = resolveSandboxOptions(options);
  const sessions = new BoundedMap<string, Session>(config.maxEntries);
  const paidOrders = new BoundedMap<string, string>(config.maxEntries);
  const feedback =
    config.feedbackUrl === undefined
      ? undefined
      : new FeedbackSender({
          url: config.feedbackUrl,
          fetch: config.fetch,
          retryDelaysMs: config.feedbackRetryDelaysMs,
          timeoutMs: config.feedbackTimeoutMs,
          maxLogEntries: config.maxEntries,
          now: config.now,
        });
  // PAYIDs look like Ogone's: ten digits, unique within this sandbox.
  let nextPayId = 3_000_000_000 + Math.floor(Math.random() * 900_000_000);

  async function openOrder(params: IncomingParams, request: Request): Promise<Opened> {
    const receivedNames = Object.keys(params).map((name) => name.slice(0, 40));
    const read = (name: string) => getParam(params, name) ?? '';
    const fail = (errorText: string, hint?: string, extra: Partial<ErrorPageModel> = {}) => ({
      error: { errorText, ...(hint ? { hint } : {}), ...extra },
    });

    const pspid = read('PSPID');
    if (pspid === '') return fail('no PSPID', 'The form must carry PSPID.');
    if (pspid !== config.pspid) {
      return fail(
        'PSPID not found or not active',
        'The PSPID in the form is not the one this sandbox is configured with.',
      );
    }
    const received = read('SHASIGN');
    if (received === '') {
      return fail(
        'unknown order/0/s',
        'The form has no SHASIGN, but a SHA-IN passphrase is configured.',
        { receivedNames },
      );
    }
    let expected: string;
    try {
      expected = await signShaIn(params, config.shaIn, config.hashAlgorithm);
    } catch {
      expected = '';
    }
    if (!signaturesEqual(expected, received)) {
      const other = algorithmOfLength(received.length);
      const hint =
        other !== undefined && other !== config.hashAlgorithm
          ? `SHASIGN looks like ${other.toUpperCase()} but this sandbox expects ${config.hashAlgorithm.toUpperCase()}.`
          : `SHASIGN does not match: check the SHA-IN passphrase (not SHA-OUT), the algorithm (${config.hashAlgorithm.toUpperCase()}) and that every field was signed exactly as sent.`;
      return fail('unknown order/1/s', hint, { receivedNames });
    }
    for (const name of MANDATORY) {
      if (read(name) === '') return fail(`no ${name}`, `${name} is mandatory.`);
    }
    const orderId = read('ORDERID');
    if (orderId.length > 30) {
      return fail('ORDERID too long', 'ORDERID must be at most 30 characters.');
    }
    const amountMinor = read('AMOUNT');
    if (!/^\d{1,15}$/.test(amountMinor)) {
      return fail(
        'amount too long or not numeric',
        'AMOUNT is the amount × 100 as a whole number, e.g. 1999 for 19.99.',
      );
    }
    const currency = read('CURRENCY');
    if (!/^[A-Z]{3}$/.test(currency) || !CURRENCIES.has(currency)) {
      return fail('not a valid currency', 'CURRENCY must be an ISO 4217 code such as EUR.');
    }
    const operation = read('OPERATION').toUpperCase();
    if (operation !== '' && operation !== 'SAL' && operation !== 'RES') {
      return fail(
        'operation not allowed',
        'This sandbox accepts OPERATION SAL (sale, the default) or RES (authorisation).',
      );
    }
    const urls: Partial<Record<ReturnUrlField, string>> = {};
    for (const name of RETURN_URL_FIELDS) {
      const value = read(name);
      if (value === '') continue;
      if (!isHttpUrl(value))
        return fail(`${name} not valid`, `${name} must be an absolute http(s) URL.`);
      urls[name] = value;
    }
    const aliasName = read('ALIAS');
    if (aliasName !== '' && !ALIAS_PATTERN.test(aliasName)) {
      return fail('ALIAS not valid', 'ALIAS must be 1-50 letters, digits, "-" or "_".');
    }
    const byPsp = read('ALIASOPERATION').toUpperCase() === 'BYPSP';
    let paramPlus: [string, string][] = [];
    const rawParamPlus = read('PARAMPLUS');
    if (rawParamPlus !== '') {
      // Expanded pairs come back unsigned; names that would clash with Ogone's own are dropped.
      paramPlus = [...new URLSearchParams(rawParamPlus)].filter(([name]) => {
        const upper = name.toUpperCase();
        return name !== '' && upper !== 'SHASIGN' && !SHA_OUT_PARAMETERS.has(upper);
      });
    }
    if (paidOrders.has(orderId)) {
      return fail(
        'This order has already been processed',
        'A paid ORDERID cannot be paid again: use a fresh ORDERID for each attempt.',
        { ncError: ALREADY_PROCESSED_NCERROR },
      );
    }
    return {
      session: {
        token: randomToken(),
        payPath: new URL(request.url).pathname.replace(/[^/]*$/, 'sandbox/pay'),
        createdAt: config.now().getTime(),
        pspid,
        orderId,
        amountMinor,
        currency,
        language: read('LANGUAGE'),
        operation: operation === 'RES' ? 'RES' : 'SAL',
        cn: read('CN'),
        complus: read('COMPLUS'),
        alias: aliasName !== '' ? aliasName : byPsp ? '' : undefined,
        aliasUsage: read('ALIASUSAGE'),
        paramPlus,
        urls,
        ip: clientIp(request),
      },
    };
  }

  function pageModel(
    session: Session,
    values: PaymentPageModel['values'],
    errors: PaymentPageModel['errors'] = {},
  ): PaymentPageModel {
    const strings = stringsFor(session.language);
    return {
      strings,
      sessionToken: session.token,
      payPath: session.payPath,
      pspid: session.pspid,
      orderId: session.orderId,
      amountMinor: session.amountMinor,
      currency: session.currency,
      operation: session.operation,
      aliasUsage:
        session.alias === undefined ? undefined : session.aliasUsage || strings.saveCardFallback,
      values,
      errors,
    };
  }

  async function handleOrder(request: Request): Promise<Response> {
    const form = await readForm(request);
    if (form === 'unsupported') {
      return errorPage({
        errorText: 'unsupported content type',
        hint: 'Post the form as application/x-www-form-urlencoded (a plain HTML form).',
      });
    }
    let params: IncomingParams;
    try {
      params = parseOgoneParams(form);
    } catch (error) {
      return errorPage({
        errorText: 'unknown order/1/s',
        hint: error instanceof OgoneProtocolError ? error.message : 'The form could not be read.',
      });
    }
    const opened = await openOrder(params, request);
    if ('error' in opened) return errorPage(opened.error);
    const { session } = opened;
    sessions.set(session.token, session);
    return html(
      renderPaymentPage(
        pageModel(session, {
          cardNumber: '',
          expiry: '',
          cardholder: session.cn,
          saveCard: true,
        }),
      ),
    );
  }

  async function complete(
    session: Session,
    outcome: Outcome,
    card: { digits: string; ed: string; cardholder: string } | undefined,
    saveCard: boolean,
  ): Promise<void> {
    const now = config.now();
    const payId = String(nextPayId++);
    const success = outcome.status === 5 || outcome.status === 9;
    const pairs: [string, string][] = [
      ['orderID', session.orderId],
      ['currency', session.currency],
      ['amount', ogoneReturnAmount(session.amountMinor)],
      ['PM', card ? 'CreditCard' : ''],
      ['ACCEPTANCE', outcome.acceptance],
      ['STATUS', String(outcome.status)],
      ['CARDNO', card ? maskCardNumber(card.digits) : ''],
      ['ED', card ? card.ed : ''],
      ['CN', card ? card.cardholder : session.cn],
      ['TRXDATE', trxDate(now)],
      ['PAYID', payId],
      ['NCERROR', outcome.ncError],
      ['BRAND', card ? cardBrand(card.digits) : ''],
    ];
    if (success && saveCard && session.alias !== undefined) {
      pairs.push(['ALIAS', session.alias || randomToken().slice(0, 24).toUpperCase()]);
    }
    if (session.complus !== '') pairs.push(['COMPLUS', session.complus]);
    pairs.push(['IP', session.ip]);
    const shaSign = await signShaOut(
      Object.fromEntries(pairs),
      config.shaOut,
      config.hashAlgorithm,
    );
    const sent: [string, string][] = [...pairs, ...session.paramPlus, ['SHASIGN', shaSign]];

    if (success) paidOrders.set(session.orderId, payId);
    if (feedback) await feedback.deliver(sent);

    const target = returnUrlFor(outcome.status, session.urls);
    if (target !== undefined) {
      session.completed = { location: withQuery(target, sent) };
    } else {
      const info = describeStatus(outcome.status);
      session.completed = {
        html: renderResultPage({
          strings: stringsFor(session.language),
          status: outcome.status,
          statusName: info.name,
          tone: success ? 'success' : outcome.status === 2 ? 'error' : 'neutral',
          orderId: session.orderId,
          payId,
          amountMinor: session.amountMinor,
          currency: session.currency,
          ncError: outcome.ncError,
        }),
      };
    }
  }

  function answer(session: Session): Promise<Response> | Response {
    const completed = session.completed!;
    if ('location' in completed) {
      return new Response(null, {
        status: 303,
        headers: { location: completed.location, 'cache-control': 'no-store' },
      });
    }
    return html(completed.html);
  }

  async function handlePay(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      return errorPage(
        { errorText: 'method not allowed', hint: 'The payment form is posted.' },
        405,
      );
    }
    const form = await readForm(request);
    if (form === 'unsupported') return errorPage({ errorText: 'unsupported content type' });
    const token = form.get('session') ?? '';
    const session = sessions.get(token);
    if (session === undefined || config.now().getTime() - session.createdAt > SESSION_TTL_MS) {
      return errorPage({
        errorText: 'session expired or unknown',
        hint: 'Start the payment again from the merchant’s site.',
      });
    }
    if (session.done) {
      await session.done;
      return answer(session);
    }
    if (form.get('action') === 'cancel') {
      session.done = complete(
        session,
        { status: 1, ncError: '', acceptance: '' },
        undefined,
        false,
      );
      await session.done;
      return answer(session);
    }
    const strings = stringsFor(session.language);
    const rawNumber = (form.get('cardno') ?? '').slice(0, 40);
    const rawExpiry = (form.get('expiry') ?? '').slice(0, 10);
    const cvc = form.get('cvc') ?? '';
    const cardholder = (form.get('cn') ?? '').trim().slice(0, 35);
    const saveCard = form.get('alias_consent') === 'Y';
    const digits = normalizeCardNumber(rawNumber);
    const expiry = parseExpiry(rawExpiry, config.now());
    const errors: PaymentPageModel['errors'] = {};
    // The listed test cards are accepted as they are (4000 0000 0000 0041 fails Luhn).
    if (digits === undefined || !(isTestCard(digits) || luhnValid(digits)))
      errors.cardNumber = strings.invalidCardNumber;
    if (expiry === undefined) errors.expiry = strings.invalidExpiry;
    if (!cvcValid(cvc)) errors.cvc = strings.invalidCvc;
    if (cardholder === '') errors.cardholder = strings.missingCardholder;
    if (digits === undefined || expiry === undefined || Object.keys(errors).length > 0) {
      const values = { cardNumber: rawNumber, expiry: rawExpiry, cardholder, saveCard };
      return html(renderPaymentPage(pageModel(session, values, errors)));
    }
    if (paidOrders.has(session.orderId)) {
      return errorPage({
        errorText: 'This order has already been processed',
        ncError: ALREADY_PROCESSED_NCERROR,
      });
    }
    const outcome = outcomeFor(cardBehaviour(digits), session.operation);
    session.done = complete(session, outcome, { digits, ed: expiry.ed, cardholder }, saveCard);
    await session.done;
    return answer(session);
  }

  function feedbackLog(): readonly FeedbackDelivery[] {
    return feedback?.log ?? [];
  }

  async function route(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    const method = request.method;
    if (/\/ncol\/sandbox\/feedback-log$/.test(pathname)) {
      if (method !== 'GET') return errorPage({ errorText: 'method not allowed' }, 405);
      return Response.json(
        { feedbackUrl: config.feedbackUrl ?? null, deliveries: feedbackLog() },
        { headers: { 'cache-control': 'no-store' } },
      );
    }
    const match =
      /\/ncol\/(?:test|prod)\/(orderstandard_utf8\.asp|orderstandard\.asp|sandbox\/pay)$/i.exec(
        pathname,
      );
    if (!match) {
      return errorPage(
        {
          errorText: 'page not found',
          hint: 'The hosted payment page is /ncol/test/orderstandard_utf8.asp.',
        },
        404,
      );
    }
    const page = match[1]!.toLowerCase();
    if (page === 'sandbox/pay') return handlePay(request);
    if (method !== 'GET' && method !== 'POST') {
      return errorPage({ errorText: 'method not allowed' }, 405);
    }
    if (page === 'orderstandard.asp') {
      return errorPage({
        errorText: 'page not available in this sandbox',
        hint: 'Use the UTF-8 page orderstandard_utf8.asp: non-ASCII names would be mangled otherwise.',
      });
    }
    return handleOrder(request);
  }

  const handler: FetchHandler = async (request) => {
    try {
      return await route(request);
    } catch {
      return errorPage(
        { errorText: 'internal error', hint: 'The sandbox could not handle this request.' },
        500,
      );
    }
  };

  return {
    handler,
    idle: () => feedback?.idle() ?? Promise.resolve(),
    close: () => feedback?.close(),
    feedbackLog,
  };
}

/** Just the handler of {@link createSandbox}. */
export function createSandboxHandler(options: SandboxOptions): FetchHandler {
  return createSandbox(options).handler;
}
