/**
 * Worldline Direct webhook signatures (notes §4.1): `X-GCS-Signature` is the base64 HMAC-SHA256 of
 * the raw body bytes under the secret of the key named by `X-GCS-KeyId`. One verifier, one error
 * type: raw bytes in, the key id out, or a {@link WorldlineWebhookError} with a stable code. Never
 * re-serialise the body before verifying (one changed byte of whitespace breaks the signature).
 */
import { signaturesMatch, utf8, webCryptoHmacSha256, type HmacSha256 } from './hmac.js';

export const SIGNATURE_HEADER = 'X-GCS-Signature';
export const KEY_ID_HEADER = 'X-GCS-KeyId';

/** Why a webhook was refused; the endpoint answers all of them with 403 (Odoo does the same). */
export type WorldlineWebhookErrorCode =
  /** No (or an empty) `X-GCS-Signature` header. */
  | 'missing-signature'
  /** No (or an empty) `X-GCS-KeyId` header. */
  | 'missing-key-id'
  /** A signature or key id header given more than once (the SDK refuses it too). */
  | 'duplicate-header'
  /** No secret is configured for that key id. */
  | 'unknown-key'
  /** The signature does not match the body. */
  | 'bad-signature'
  /** A verified body that is not a webhook event (not JSON, no `id` or `type`). */
  | 'invalid-event';

/** A refused webhook. The message names the header or the key id, never a secret. */
export class WorldlineWebhookError extends Error {
  override readonly name = 'WorldlineWebhookError';
  readonly code: WorldlineWebhookErrorCode;
  /** The key id the request named, when it named one. */
  readonly keyId: string | undefined;

  constructor(code: WorldlineWebhookErrorCode, message: string, keyId?: string) {
    super(message);
    this.code = code;
    this.keyId = keyId;
  }
}

/** Incoming headers: a `Headers`, or Node's `IncomingHttpHeaders` (arrays for repeated names). */
export type WebhookHeaders = Headers | Readonly<Record<string, string | string[] | undefined>>;

/** The secret of a webhook key id, `undefined` when unknown (may be looked up asynchronously). */
export type WebhookSecretLookup = (
  keyId: string,
) => string | undefined | Promise<string | undefined>;

/** Raw body bytes; a string is taken as its UTF-8 bytes. */
export type RawBody = Uint8Array | ArrayBuffer | string;

function bytesOf(body: RawBody): Uint8Array {
  if (typeof body === 'string') return utf8(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

/** A header's single value; `undefined` when absent or empty; throws when repeated. */
function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  let value: string | string[] | null | undefined;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    value = headers.get(name);
  } else {
    const record = headers as Readonly<Record<string, string | string[] | undefined>>;
    const lower = name.toLowerCase();
    const found = Object.keys(record).filter((key) => key.toLowerCase() === lower);
    if (found.length > 1) {
      throw new WorldlineWebhookError(
        'duplicate-header',
        `found multiple values for header '${name}'`,
      );
    }
    value = found.length === 1 ? record[found[0]!] : undefined;
  }
  if (Array.isArray(value)) {
    if (value.length > 1) {
      throw new WorldlineWebhookError(
        'duplicate-header',
        `found multiple values for header '${name}'`,
      );
    }
    value = value[0];
  }
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A key id as shown in an error message: bounded, printable. */
function shownKeyId(keyId: string): string {
  return JSON.stringify(keyId.slice(0, 64).replace(/[^\x20-\x7e]/g, '?'));
}

/** The `X-GCS-Signature` value for a body (what the platform, or our sandbox, sends). */
export function signWebhookBody(
  secret: string,
  body: RawBody,
  hmac: HmacSha256 = webCryptoHmacSha256,
): Promise<string> {
  return Promise.resolve(hmac(secret, bytesOf(body)));
}

/**
 * Verifies a webhook's signature over its raw body. Resolves with the key id that signed it;
 * rejects with {@link WorldlineWebhookError} otherwise. Constant-time comparison.
 */
export async function verifyWebhookSignature(
  body: RawBody,
  headers: WebhookHeaders,
  secretFor: WebhookSecretLookup,
  hmac: HmacSha256 = webCryptoHmacSha256,
): Promise<{ keyId: string }> {
  const signature = headerValue(headers, SIGNATURE_HEADER);
  if (signature === undefined) {
    throw new WorldlineWebhookError(
      'missing-signature',
      `could not find header '${SIGNATURE_HEADER}'`,
    );
  }
  const keyId = headerValue(headers, KEY_ID_HEADER);
  if (keyId === undefined) {
    throw new WorldlineWebhookError('missing-key-id', `could not find header '${KEY_ID_HEADER}'`);
  }
  const secret = await secretFor(keyId);
  if (secret === undefined || secret === '') {
    throw new WorldlineWebhookError(
      'unknown-key',
      `could not find secret key for key id ${shownKeyId(keyId)}`,
      keyId,
    );
  }
  const expected = await signWebhookBody(secret, body, hmac);
  if (!signaturesMatch(expected, signature)) {
    throw new WorldlineWebhookError('bad-signature', 'failed to validate signature', keyId);
  }
  return { keyId };
}

/**
 * The hashed secret `POST /webhooks/validateCredentials` expects: the webhook signature of an
 * empty body (OAS: "use an empty string as body while hashing it").
 */
export function webhookCredentialsSignature(
  secret: string,
  hmac: HmacSha256 = webCryptoHmacSha256,
): Promise<string> {
  return signWebhookBody(secret, new Uint8Array(0), hmac);
}
