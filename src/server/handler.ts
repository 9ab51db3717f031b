import {
  composeShaString,
  describeStatus,
  getReceivedSignature,
  verifyShaOutWith,
  normalizeReturnParams,
  ORDER_REF_PATTERN,
  parseOgoneParams,
  SHA_OUT_PARAMETERS,
  SignRequestSchema,
  toOgoneAmount,
  toOgoneLanguage,
  VerifyRequestSchema,
  type EndpointErrorCode,
  type IncomingParams,
  type PaymentResult,
  type SignRequest,
} from '../protocol/index.js';
import { CORE, type CoreHandler, type CoreRequest, type CoreResponse } from './core.js';
import { EndpointFailure } from './errors.js';
import { newAliasName, newOrderId } from './ids.js';
import { jsonString, jsonStringRecord } from './json.js';
import {
  MAX_BODY_BYTES,
  quickCheckOrder,
  resolveOptions,
  TrustedOrderSchema,
  type ResolvedOptions,
} from './options.js';
import type {
  FeedbackResult,
  OgoneHandlerOptions,
  OgoneRequest,
  OrderCheck,
  RequestLogEntry,
  TrustedOrder,
} from './types.js';

/** A web-standard request handler: what `createOgoneHandler` returns. */
export type FetchHandler = (request: Request) => Promise<Response>;

const JSON_TYPE = 'application/json; charset=utf-8';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Facts about one request, for its log line. */
interface Facts {
  orderRef?: string;
  orderId?: string;
  idempotencyKey?: string;
}

function fail(code: EndpointErrorCode, message: string, headers?: Record<string, string>): never {
  throw new EndpointFailure(code, message, headers);
}

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': JSON_TYPE,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
});

/** A JSON answer. Its `headers` object is shared: copy it before adding a header. */
function jsonResponse(status: number, value: unknown): CoreResponse {
  return { status, headers: JSON_HEADERS as Record<string, string>, body: JSON.stringify(value) };
}

function errorResponse(
  status: number,
  code: string,
  message: string,
  extra?: Record<string, string>,
): CoreResponse {
  const response = jsonResponse(status, { error: { code, message } });
  if (extra !== undefined) response.headers = { ...response.headers, ...extra };
  return response;
}

function mediaType(value: string | null): string {
  if (value === null) return '';
  const semicolon = value.indexOf(';');
  return (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
}

/** The bits of a zod issue we explain; loose so both zod and zod/mini issues fit. */
interface LooseIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
}

function explainIssue(issue: LooseIssue): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
  let what: string;
  if (issue.message !== '' && issue.message !== 'Invalid input') what = issue.message;
  else if (issue.code === 'invalid_type') what = `expected ${String(issue.expected)}`;
  else if (issue.code === 'too_small')
    what = `must have at least ${String(issue.minimum)} characters`;
  else if (issue.code === 'too_big') what = `must have at most ${String(issue.maximum)} characters`;
  else what = 'is invalid';
  return `${where}: ${what}`;
}

function explainIssues(issues: readonly LooseIssue[]): string {
  return issues.slice(0, 3).map(explainIssue).join('; ');
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}

/** An order that passed validation, with its amount in minor units. */
interface CheckedOrder {
  order: TrustedOrder;
  minor: string;
}

/** Same amount (to the cent) and currency. */
function orderMatches({ order, minor }: CheckedOrder, result: PaymentResult): boolean {
  if (order.currency !== result.currency) return false;
  try {
    return toOgoneAmount(result.amount) === minor;
  } catch {
    return false;
  }
}

const ROUTES = new Set(['sign', 'verify', 'feedback']);

/**
 * The hot-path check of a /sign body: accepts only bodies `SignRequestSchema` accepts too (a test
 * holds it to that); `undefined` sends the body through the schema for the precise message.
 */
export function quickSignRequest(body: unknown): SignRequest | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { orderRef, saveCard, language, returnUrl } = body as Record<string, unknown>;
  if (typeof orderRef !== 'string' || !ORDER_REF_PATTERN.test(orderRef)) return undefined;
  if (typeof returnUrl !== 'string' || returnUrl.length < 1 || returnUrl.length > 2000) {
    return undefined;
  }
  if (saveCard !== undefined && typeof saveCard !== 'boolean') return undefined;
  if (language !== undefined && (typeof language !== 'string' || language.length > 35)) {
    return undefined;
  }
  const request: SignRequest = { orderRef, returnUrl };
  if (saveCard !== undefined) request.saveCard = saveCard;
  if (language !== undefined) request.language = language;
  return request;
}

/** A map that forgets everything when full: bounded memory whatever callers send. */
class BoundedCache<V> {
  readonly #map = new Map<string, V>();
  get(key: string): V | undefined {
    return this.#map.get(key);
  }
  set(key: string, value: V): void {
    if (key.length > 2048) return;
    if (this.#map.size >= 512) this.#map.clear();
    this.#map.set(key, value);
  }
}

/** The canonical return URL, or why it is refused. */
function returnUrlProblem(
  returnUrl: string,
  allowed: ReadonlySet<string>,
): string | EndpointFailure {
  const refuse = (message: string) => new EndpointFailure('return-url-not-allowed', message);
  let url: URL;
  try {
    url = new URL(returnUrl);
  } catch {
    return refuse('returnUrl must be an absolute http(s) URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse('returnUrl must be an absolute http(s) URL.');
  }
  if (!allowed.has(url.origin)) {
    return refuse(`The origin ${url.origin} is not in allowedReturnOrigins.`);
  }
  if (url.username !== '' || url.password !== '') {
    return refuse('returnUrl must not contain credentials.');
  }
  if (url.hash !== '') return refuse('returnUrl must not contain a #fragment.');
  return url.href;
}

/** The runtime-neutral core; the exported handler and the Node adapter both call it. */
function createCore(o: ResolvedOptions): CoreHandler {
  const base = o.basePath;
  const prefix = `${base}/`;
  const inflight = new Map<string, Promise<void>>();
  const routesText = `POST ${base}/sign, POST ${base}/verify and GET|POST ${base}/feedback`;
  // Small memo tables for per-request work whose answer only depends on a short input string.
  const languages = new BoundedCache<string>();
  const returnUrls = new BoundedCache<string | EndpointFailure>();
  /** The constant start of every /sign answer. */
  const signPrefix = `{"action":${JSON.stringify(o.action)},"method":"POST","fields":`;

  /** The body as text: 413 when over the limit, `onBadText` when it is not UTF-8. */
  function bodyText(raw: Uint8Array | 'too-large', onBadText: EndpointErrorCode): string {
    if (raw === 'too-large') {
      return fail('payload-too-large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    }
    try {
      return utf8.decode(raw);
    } catch {
      return fail(onBadText, 'The request body is not valid UTF-8.');
    }
  }

  function parseJson(text: string): unknown {
    if (text.trim() === '') fail('invalid-json', 'The request body is empty; send a JSON object.');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return fail('invalid-json', 'The request body is not valid JSON.');
    }
  }

  function parseParams(text: string): IncomingParams {
    try {
      return parseOgoneParams(text);
    } catch (error) {
      return fail(
        'invalid-request',
        error instanceof Error ? error.message : 'The parameters could not be read.',
      );
    }
  }

  /** Upper-case hex; a string right away with node:crypto, a promise with WebCrypto. */
  function digest(text: string): string | Promise<string> {
    return o.digest(text, o.hashAlgorithm);
  }

  /**
   * Calls resolveOrder: the order and its amount in minor units, null when unknown, 502 when it
   * throws or returns something invalid.
   */
  async function lookup(orderRef: string, info: OgoneRequest): Promise<CheckedOrder | null> {
    let raw: unknown;
    try {
      raw = await o.resolveOrder(orderRef, info);
    } catch (error) {
      o.log({
        level: 'error',
        event: 'hook-failed',
        hook: 'resolveOrder',
        message: o.scrub(describeError(error)),
      });
      return fail('order-lookup-failed', 'The order could not be looked up; try again later.');
    }
    if (raw === null || raw === undefined) return null;
    const quick = quickCheckOrder(raw);
    if (quick !== undefined) return quick;
    const parsed = TrustedOrderSchema.safeParse(raw);
    if (parsed.success) return { order: parsed.data, minor: toOgoneAmount(parsed.data.amount) };
    o.log({
      level: 'error',
      event: 'hook-failed',
      hook: 'resolveOrder',
      message: `resolveOrder returned an invalid order: ${explainIssues(parsed.error.issues)}`,
    });
    return fail('order-lookup-failed', 'The order could not be looked up; try again later.');
  }

  function checkReturnUrl(returnUrl: string): string {
    let checked = returnUrls.get(returnUrl);
    if (checked === undefined) {
      checked = returnUrlProblem(returnUrl, o.allowedReturnOrigins);
      returnUrls.set(returnUrl, checked);
    }
    if (checked instanceof EndpointFailure) throw checked;
    return checked;
  }

  function language(tag: string | undefined): string {
    const key = tag ?? '';
    let value = languages.get(key);
    if (value === undefined) {
      value = toOgoneLanguage(tag);
      languages.set(key, value);
    }
    return value;
  }

  async function sign(body: unknown, req: CoreRequest, facts: Facts): Promise<CoreResponse> {
    let request = quickSignRequest(body);
    if (request === undefined) {
      const parsed = SignRequestSchema.safeParse(body);
      if (!parsed.success) return fail('invalid-request', explainIssues(parsed.error.issues));
      request = parsed.data;
    }
    const { orderRef, saveCard, language: requested } = request;
    facts.orderRef = orderRef;
    const returnUrl = checkReturnUrl(request.returnUrl);
    const checked = await lookup(orderRef, req.info);
    if (checked === null) return fail('unknown-order', 'No order is known under this orderRef.');
    const { order, minor } = checked;
    if (saveCard === true && order.allowSaveCard !== true) {
      fail('save-card-not-allowed', 'Saving a card is not allowed for this order.');
    }

    const orderId = newOrderId(orderRef);
    facts.orderId = orderId;
    const fields: Record<string, string> = {
      PSPID: o.pspid,
      ORDERID: orderId,
      AMOUNT: minor,
      CURRENCY: order.currency,
      LANGUAGE: language(requested ?? order.language),
    };
    const customer = order.customer;
    if (customer !== undefined) {
      if (customer.name) fields['CN'] = customer.name;
      if (customer.email) fields['EMAIL'] = customer.email;
      if (customer.address) fields['OWNERADDRESS'] = customer.address;
      if (customer.zip) fields['OWNERZIP'] = customer.zip;
      if (customer.town) fields['OWNERTOWN'] = customer.town;
      if (customer.country) fields['OWNERCTY'] = customer.country.toUpperCase();
      if (customer.phone) fields['OWNERTELNO'] = customer.phone;
    }
    fields['OPERATION'] = o.operation;
    if (o.userId !== undefined) fields['USERID'] = o.userId;
    fields['ACCEPTURL'] = returnUrl;
    fields['DECLINEURL'] = returnUrl;
    fields['EXCEPTIONURL'] = returnUrl;
    fields['CANCELURL'] = returnUrl;
    fields['COMPLUS'] = orderRef;
    if (saveCard === true) {
      fields['ALIAS'] = newAliasName(order.customerId);
      fields['ALIASUSAGE'] = o.aliasUsage;
      fields['ALIASOPERATION'] = 'BYMERCHANT';
      fields['ALIASPERSISTEDAFTERUSE'] = 'Y';
    }
    const signature = digest(composeShaString(fields, o.shaIn, 'in'));
    fields['SHASIGN'] = typeof signature === 'string' ? signature : await signature;
    // = JSON.stringify({ action, method: 'POST', fields, orderId }), without its per-string cost.
    const text = `${signPrefix}${jsonStringRecord(fields)},"orderId":${jsonString(orderId)}}`;
    return { status: 200, headers: JSON_HEADERS as Record<string, string>, body: text };
  }

  /** Checks SHA-OUT and builds the normalised result; never trusts an unsigned parameter. */
  async function verifySigned(
    params: IncomingParams,
    facts: Facts,
  ): Promise<{ result: PaymentResult; signedParams: Record<string, string> }> {
    const received = getReceivedSignature(params);
    if (received === undefined) fail('invalid-signature', 'The result carries no SHASIGN.');
    const valid = await verifyShaOutWith(params, o.shaOut, o.hashAlgorithm, o.digest);
    if (!valid) fail('invalid-signature', 'The result signature (SHASIGN) does not match.');

    const signedParams: Record<string, string> = {};
    for (const [name, value] of Object.entries(params)) {
      const upper = name.toUpperCase();
      if (value !== '' && SHA_OUT_PARAMETERS.has(upper)) signedParams[upper] = value;
    }
    const view = normalizeReturnParams(params);
    const orderRef = view.complus;
    if (orderRef === undefined || !ORDER_REF_PATTERN.test(orderRef)) {
      fail(
        'invalid-request',
        'The result carries no order reference (COMPLUS) from this endpoint.',
      );
    }
    facts.orderRef = orderRef;
    if (view.orderId === undefined) fail('invalid-request', 'The result carries no orderID.');
    facts.orderId = view.orderId;
    if (view.status === undefined) fail('invalid-request', 'The result carries no STATUS.');
    if (view.amount === undefined) fail('invalid-request', 'The result carries no valid amount.');
    const currency = (view.currency ?? '').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) fail('invalid-request', 'The result carries no currency.');

    const status = describeStatus(view.status);
    const payId = view.payId ?? '';
    const idempotencyKey = `${view.orderId}:${payId}:${view.status.trim()}`;
    facts.idempotencyKey = idempotencyKey;
    const result: PaymentResult = {
      outcome: status.outcome,
      status: status.code,
      statusName: status.name,
      final: status.final,
      orderRef,
      orderId: view.orderId,
      payId,
      amount: view.amount,
      currency,
      ncError: view.ncError ?? '0',
      idempotencyKey,
    };
    if (view.alias !== undefined) result.alias = view.alias;
    if (view.cardNumber !== undefined) result.cardNumber = view.cardNumber;
    if (view.brand !== undefined) result.brand = view.brand;
    if (view.trxDate !== undefined) result.trxDate = view.trxDate;
    return { result, signedParams };
  }

  async function verify(body: unknown, req: CoreRequest, facts: Facts): Promise<CoreResponse> {
    const parsed = VerifyRequestSchema.safeParse(body);
    if (!parsed.success) return fail('invalid-request', explainIssues(parsed.error.issues));
    const { result } = await verifySigned(parseParams(parsed.data.query), facts);
    const order = await lookup(result.orderRef, req.info);
    if (order === null) return fail('unknown-order', 'No order is known under this orderRef.');
    if (!orderMatches(order, result)) {
      fail('amount-mismatch', 'The amount or currency paid does not match the order.');
    }
    return jsonResponse(200, result);
  }

  async function deliver(
    result: PaymentResult,
    signedParams: Record<string, string>,
    info: OgoneRequest,
  ): Promise<void> {
    const order = await lookup(result.orderRef, info);
    const orderCheck: OrderCheck =
      order === null
        ? 'unknown-order'
        : orderMatches(order, result)
          ? 'matched'
          : 'amount-mismatch';
    if (orderCheck !== 'matched') {
      o.log({
        level: 'warn',
        event: 'order-mismatch',
        message: `Verified feedback ${result.idempotencyKey} for order ${result.orderRef}: ${orderCheck}; delivered with orderCheck "${orderCheck}".`,
      });
    }
    const delivery: FeedbackResult = { ...result, orderCheck, signedParams };
    try {
      await o.onPaymentResult(delivery, info);
    } catch (error) {
      o.log({
        level: 'error',
        event: 'hook-failed',
        hook: 'onPaymentResult',
        message: o.scrub(describeError(error)),
      });
      fail('result-delivery-failed', 'The payment result could not be delivered yet; retry later.');
    }
  }

  async function feedback(params: IncomingParams, req: CoreRequest, facts: Facts) {
    const { result, signedParams } = await verifySigned(params, facts);
    const key = result.idempotencyKey;
    // Single flight: a burst of identical deliveries runs the hook once and shares its outcome.
    let flight = inflight.get(key);
    if (flight === undefined) {
      const started = deliver(result, signedParams, req.info);
      flight = started;
      inflight.set(key, started);
      const done = () => {
        if (inflight.get(key) === started) inflight.delete(key);
      };
      started.then(done, done);
    }
    await flight;
    return jsonResponse(200, { received: true, idempotencyKey: key });
  }

  function preflight(req: CoreRequest): CoreResponse {
    const headers: Record<string, string> = { vary: 'Origin' };
    const origin = req.header('origin');
    if (origin !== null && o.allowedReturnOrigins.has(origin)) {
      headers['access-control-allow-origin'] = origin;
      headers['access-control-allow-methods'] = 'POST';
      headers['access-control-allow-headers'] = 'content-type';
      headers['access-control-max-age'] = '600';
    }
    return { status: 204, headers, body: '' };
  }

  async function readRaw(req: CoreRequest): Promise<Uint8Array | 'too-large'> {
    try {
      return await req.readBody(MAX_BODY_BYTES);
    } catch {
      return fail('invalid-request', 'The request body could not be read.');
    }
  }

  /** The body, without a promise when the runtime already has it buffered. */
  function rawBody(req: CoreRequest): Uint8Array | 'too-large' | Promise<Uint8Array | 'too-large'> {
    return req.bufferedBody?.(MAX_BODY_BYTES) ?? readRaw(req);
  }

  async function route(req: CoreRequest, facts: Facts): Promise<CoreResponse> {
    const { pathname, method } = req;
    const name = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : '';
    if (!ROUTES.has(name)) fail('not-found', `Unknown route; this endpoint answers ${routesText}.`);
    if (name === 'feedback') {
      if (method === 'GET') return await feedback(parseParams(req.search), req, facts);
      if (method === 'POST') {
        if (mediaType(req.header('content-type')) !== 'application/x-www-form-urlencoded') {
          fail(
            'unsupported-media-type',
            'Send the feedback as a query string or an application/x-www-form-urlencoded body.',
          );
        }
        const text = bodyText(await rawBody(req), 'invalid-request');
        return await feedback(parseParams(text), req, facts);
      }
      return fail('method-not-allowed', `Use GET or POST for ${base}/feedback.`, {
        allow: 'GET, POST',
      });
    }
    if (method === 'OPTIONS' && o.cors) return preflight(req);
    if (method !== 'POST') {
      fail('method-not-allowed', `Use POST for ${base}/${name}.`, {
        allow: o.cors ? 'POST, OPTIONS' : 'POST',
      });
    }
    if (mediaType(req.header('content-type')) !== 'application/json') {
      fail('unsupported-media-type', 'Send the body as JSON with content-type: application/json.');
    }
    const body = parseJson(bodyText(await rawBody(req), 'invalid-json'));
    return name === 'sign' ? await sign(body, req, facts) : await verify(body, req, facts);
  }

  async function handle(req: CoreRequest): Promise<CoreResponse> {
    const started = o.logRequests ? performance.now() : 0;
    const facts: Facts = {};
    let response: CoreResponse;
    let code: RequestLogEntry['code'];
    try {
      response = await route(req, facts);
    } catch (error) {
      if (error instanceof EndpointFailure) {
        code = error.code;
        response = errorResponse(error.status, error.code, error.message, error.headers);
      } else {
        code = 'internal-error';
        o.log({ level: 'error', event: 'internal-error', message: o.scrub(describeError(error)) });
        response = errorResponse(500, 'internal-error', 'Internal error.');
      }
    }
    if (o.cors && response.status !== 204) {
      const origin = req.header('origin');
      response.headers = { ...response.headers, vary: 'Origin' };
      if (origin !== null && o.allowedReturnOrigins.has(origin)) {
        response.headers['access-control-allow-origin'] = origin;
      }
    }
    if (!o.logRequests) return response;
    o.log({
      level: response.status >= 500 ? 'error' : response.status >= 400 ? 'warn' : 'info',
      event: 'request',
      method: req.method.slice(0, 16),
      path: req.pathname.slice(0, 200),
      status: response.status,
      code,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      orderRef: facts.orderRef,
      orderId: facts.orderId,
      idempotencyKey: facts.idempotencyKey,
    });
    return response;
  }

  return {
    handle,
    matches: (pathname) => pathname.startsWith(prefix),
  };
}

/** Reads a web `Request` body up to `limit` bytes without buffering more. */
async function readRequestBody(request: Request, limit: number): Promise<Uint8Array | 'too-large'> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return 'too-large';
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function fromRequest(request: Request): CoreRequest {
  const url = new URL(request.url);
  return {
    method: request.method.toUpperCase(),
    pathname: url.pathname,
    search: url.search,
    header: (name) => request.headers.get(name),
    readBody: (limit) => readRequestBody(request, limit),
    info: request,
  };
}

/**
 * Creates the companion endpoint: a web-standard `(Request) => Promise<Response>` answering
 * `POST <basePath>/sign`, `POST <basePath>/verify` and `GET|POST <basePath>/feedback`.
 * Options are validated now: a wrong one throws {@link OgoneConfigError} naming it.
 */
export function createOgoneHandler(options: OgoneHandlerOptions): FetchHandler {
  const core = createCore(resolveOptions(options));
  const handler: FetchHandler = async (request) => {
    const response = await core.handle(fromRequest(request));
    return new Response(response.status === 204 ? null : response.body, {
      status: response.status,
      headers: response.headers,
    });
  };
  Object.defineProperty(handler, CORE, { value: core });
  return handler;
}
