/**
 * Door checks: what a request body must be before a route reads it (size, UTF-8, media type,
 * JSON, Ogone parameters). Each refusal is a typed `EndpointFailure`.
 */
import type { EndpointErrorCode } from '../../contract/errors.js';
import { FORM_MEDIA_TYPE, JSON_MEDIA_TYPE, mediaType } from '../../internal/media-type.js';
import { parseOgoneParams, type IncomingParams } from '../../protocol/params.js';
import type { CoreRequest } from './core.js';
import { fail } from './failure.js';

/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 16 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The raw body, without a promise when the runtime already has it buffered. */
function rawBody(req: CoreRequest): Uint8Array | 'too-large' | Promise<Uint8Array | 'too-large'> {
  return (
    req.bufferedBody?.(MAX_BODY_BYTES) ??
    req
      .readBody(MAX_BODY_BYTES)
      .catch(() => fail('invalid-request', 'The request body could not be read.'))
  );
}

/** The body as text: 413 over the limit, `onBadText` when it is not UTF-8. */
export async function bodyText(req: CoreRequest, onBadText: EndpointErrorCode): Promise<string> {
  const raw = await rawBody(req);
  if (raw === 'too-large') {
    return fail('payload-too-large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  try {
    return utf8.decode(raw);
  } catch {
    return fail(onBadText, 'The request body is not valid UTF-8.');
  }
}

/** A JSON body (`content-type: application/json`), parsed. */
export async function jsonBody(req: CoreRequest): Promise<unknown> {
  if (mediaType(req.header('content-type')) !== JSON_MEDIA_TYPE) {
    fail('unsupported-media-type', 'Send the body as JSON with content-type: application/json.');
  }
  const text = await bodyText(req, 'invalid-json');
  if (text.trim() === '') fail('invalid-json', 'The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fail('invalid-json', 'The request body is not valid JSON.');
  }
}

/** Ogone parameters: decoded once, a repeated name refused. */
export function ogoneParams(text: string): IncomingParams {
  try {
    return parseOgoneParams(text);
  } catch (error) {
    return fail(
      'invalid-request',
      error instanceof Error ? error.message : 'The parameters could not be read.',
    );
  }
}

/** Ogone's parameters from the query (GET) or a form-encoded body (POST). */
export async function queryOrFormParams(req: CoreRequest): Promise<IncomingParams> {
  if (req.method === 'GET') return ogoneParams(req.search);
  if (mediaType(req.header('content-type')) !== FORM_MEDIA_TYPE) {
    fail(
      'unsupported-media-type',
      'Send the feedback as a query string or an application/x-www-form-urlencoded body.',
    );
  }
  return ogoneParams(await bodyText(req, 'invalid-request'));
}
