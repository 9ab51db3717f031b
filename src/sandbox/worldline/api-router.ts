/**
 * The `/v2/{merchantId}/…` API: every request's v1HMAC signature checked first (401 / 403 in the
 * platform's error shape), then the merchant id, then the route; creating calls go through the
 * idempotence store (same key → the same answer with `X-GCS-Idempotence-Request-Timestamp`; still
 * running → 409). Bodies are JSON, read up to 64 KiB whether chunked or not.
 */
import { errorBody } from './api-errors.js';
import { createHostedCheckout, getHostedCheckout } from './api-checkouts.js';
import { afterSale, createPayment, getPayment } from './api-payments.js';
import { deleteToken, getToken, testConnection, validateWebhookCredentials } from './api-tokens.js';
import { checkSignature } from './auth.js';
import type { SandboxContext } from './context.js';
import { isRecord, type Json } from './fields.js';
import { jsonResponse, readBody, type ApiAnswer } from './http.js';
import {
  IDEMPOTENCE_KEY_HEADER,
  IDEMPOTENCE_TIMESTAMP_HEADER,
  validIdempotenceKey,
} from './idempotence.js';

type Creating = (body: Json) => Promise<ApiAnswer>;

/** The creating route of `METHOD rest`, if it is one. */
function creatingRoute(
  context: SandboxContext,
  method: string,
  rest: string,
  origin: string,
): Creating | undefined {
  if (method !== 'POST') return undefined;
  if (rest === 'hostedcheckouts') return (body) => createHostedCheckout(context, body, origin);
  if (rest === 'payments') return (body) => createPayment(context, body, origin);
  const match = /^payments\/([^/]+)\/(capture|cancel|refund)$/.exec(rest);
  if (match)
    return (body) => afterSale(context, decodeURIComponent(match[1]!), match[2] as 'capture', body);
  return undefined;
}

/** The reading routes (and the two POSTs that create nothing). */
async function otherRoute(
  context: SandboxContext,
  method: string,
  rest: string,
  body: () => Promise<Parsed>,
) {
  const id = (pattern: RegExp) => {
    const match = pattern.exec(rest);
    return match ? decodeURIComponent(match[1]!) : undefined;
  };
  if (method === 'GET') {
    const checkout = id(/^hostedcheckouts\/([^/]+)$/);
    if (checkout !== undefined) return getHostedCheckout(context, checkout);
    const payment = /^payments\/([^/]+)(?:\/(details|captures|refunds))?$/.exec(rest);
    if (payment) {
      return getPayment(context, decodeURIComponent(payment[1]!), (payment[2] ?? '') as 'details');
    }
    const token = id(/^tokens\/([^/]+)$/);
    if (token !== undefined) return getToken(context, token);
    if (rest === 'services/testconnection') return testConnection();
  }
  if (method === 'DELETE') {
    const token = id(/^tokens\/([^/]+)$/);
    if (token !== undefined) return deleteToken(context, token);
  }
  if (method === 'POST' && rest === 'webhooks/validateCredentials') {
    const parsed = await body();
    return parsed.ok ? validateWebhookCredentials(context, parsed.body) : parsed.answer;
  }
  return errorBody('not-found');
}

type Parsed = { ok: true; body: Json } | { ok: false; answer: ApiAnswer };

/** The JSON body of a request (`{}` when empty), or the error to answer. */
async function jsonBody(request: Request): Promise<Parsed> {
  const text = await readBody(request);
  if (text === 'too-large') return { ok: false, answer: errorBody('too-large') };
  if (text.trim() === '') return { ok: true, body: {} };
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed)) return { ok: true, body: parsed };
  } catch {
    // Answered below.
  }
  return {
    ok: false,
    answer: errorBody('invalid-request', { message: 'The body must be a JSON object.' }),
  };
}

/** Handles `request` whose path, below the base path, is `/v2/…`. */
export async function handleApi(
  context: SandboxContext,
  request: Request,
  path: string,
  origin: string,
): Promise<Response> {
  const refusal = await checkSignature(request, context.config);
  if (refusal !== undefined) return jsonResponse(errorBody(refusal.error));
  const match = /^\/v2\/([^/]+)\/(.+)$/.exec(path);
  if (!match) return jsonResponse(errorBody('not-found'));
  if (decodeURIComponent(match[1]!) !== context.config.merchantId)
    return jsonResponse(errorBody('wrong-merchant'));
  const rest = match[2]!;
  const method = request.method;
  const creating = creatingRoute(context, method, rest, origin);
  if (creating === undefined) {
    return jsonResponse(await otherRoute(context, method, rest, () => jsonBody(request)));
  }
  const key = request.headers.get(IDEMPOTENCE_KEY_HEADER);
  if (key !== null && !validIdempotenceKey(key)) {
    return jsonResponse(
      errorBody('invalid-request', {
        propertyName: 'X-GCS-Idempotence-Key',
        message: 'The idempotence key must be at most 40 ASCII characters.',
      }),
    );
  }
  const run = async (): Promise<ApiAnswer> => {
    const parsed = await jsonBody(request);
    if (!parsed.ok) return parsed.answer;
    await context.config.beforeProcessing(rest.replace(/\/[^/]+\//, '/{id}/'));
    return creating(parsed.body);
  };
  if (key === null) return jsonResponse(await run());
  const begun = context.idempotence.begin(key, `${method} ${path}`);
  if (begun.kind === 'in-progress') return jsonResponse(errorBody('idempotence-in-progress'));
  if (begun.kind === 'other-request') return jsonResponse(errorBody('idempotence-key-reused'));
  if (begun.kind === 'replay') {
    return jsonResponse(
      {
        status: begun.answer.status,
        body: begun.answer.body === null ? undefined : JSON.parse(begun.answer.body),
      },
      { [IDEMPOTENCE_TIMESTAMP_HEADER]: String(begun.firstAt) },
    );
  }
  try {
    const answer = await run();
    begun.finish({
      status: answer.status,
      body: answer.body === undefined ? null : JSON.stringify(answer.body),
      headers: [],
    });
    return jsonResponse(answer);
  } catch (error) {
    begun.abandon();
    throw error;
  }
}
