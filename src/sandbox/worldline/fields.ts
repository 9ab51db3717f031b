/**
 * Reading the API's JSON bodies: each field checked as the OAS describes it, a fault reported as
 * the platform does (HTTP 400, `errors[].propertyName` as a path). Pure.
 */
import { hasCredentials, parseHttpUrl } from '../../internal/url.js';
import { errorBody } from './api-errors.js';
import type { ApiAnswer } from './http.js';

export type Json = Record<string, unknown>;

/** A refused field, ready to answer. */
export class FieldError extends Error {
  readonly answer: ApiAnswer;
  constructor(propertyName: string, message: string) {
    super(message);
    this.answer = errorBody('invalid-request', { propertyName, message });
  }
}

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `path` (`{}` when absent); a non-object is refused. */
export function objectAt(parent: Json, name: string, path: string): Json {
  const value = parent[name];
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw new FieldError(path, `${path} must be an object.`);
  return value;
}

function currencies(): Set<string> {
  try {
    return new Set(Intl.supportedValuesOf('currency'));
  } catch {
    return new Set(['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD']);
  }
}
const CURRENCIES = currencies();

/** `amountOfMoney`: a whole `amount` from 1 to 999999999999 and a known ISO `currencyCode`. */
export function amountOfMoney(value: unknown, path: string): { amount: number; currency: string } {
  if (!isRecord(value)) throw new FieldError(path, `${path} is required.`);
  const { amount, currencyCode } = value;
  if (
    typeof amount !== 'number' ||
    !Number.isSafeInteger(amount) ||
    amount < 1 ||
    amount > 999_999_999_999
  ) {
    throw new FieldError(
      `${path}.amount`,
      `${path}.amount must be a whole number from 1 to 999999999999 (smallest currency unit).`,
    );
  }
  if (
    typeof currencyCode !== 'string' ||
    !/^[A-Z]{3}$/.test(currencyCode) ||
    !CURRENCIES.has(currencyCode)
  ) {
    throw new FieldError(`${path}.currencyCode`, `${path}.currencyCode must be an ISO 4217 code.`);
  }
  return { amount, currency: currencyCode };
}

/** An optional string of at most `max` characters. */
export function optionalText(value: unknown, path: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > max) {
    throw new FieldError(path, `${path} must be a string of at most ${max} characters.`);
  }
  return value;
}

/** An optional absolute http(s) URL without credentials, at most `max` characters. */
export function optionalUrl(value: unknown, path: string, max = 200): string | undefined {
  const text = optionalText(value, path, max);
  if (text === undefined) return undefined;
  const url = parseHttpUrl(text);
  if (url === undefined || hasCredentials(url)) {
    throw new FieldError(
      path,
      `${path} must be an absolute http(s) URL ("URLs without a protocol will be rejected").`,
    );
  }
  return text;
}

export function optionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new FieldError(path, `${path} must be true or false.`);
  return value;
}

export function optionalEnum<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new FieldError(path, `${path} must be one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

/**
 * `order.references.merchantReference`: at most 30 characters. OAS says 40, Odoo truncates at 30
 * (Gap 7): the sandbox enforces the stricter one so nothing that works here fails there. Absent,
 * "our platform will generate a random string".
 */
export function merchantReference(order: Json): string {
  const references = objectAt(order, 'references', 'order.references');
  const value = optionalText(
    references.merchantReference,
    'order.references.merchantReference',
    30,
  );
  return value ?? `wl-${globalThis.crypto.randomUUID().slice(0, 8)}`;
}

/** `feedbacks.webhooksUrls` (and the deprecated `webhookUrl`): at most 5 URLs. */
export function webhookUrls(body: Json): string[] {
  const feedbacks = objectAt(body, 'feedbacks', 'feedbacks');
  const urls: string[] = [];
  const list = feedbacks.webhooksUrls;
  if (list !== undefined && list !== null) {
    if (!Array.isArray(list) || list.length > 5) {
      throw new FieldError(
        'feedbacks.webhooksUrls',
        'feedbacks.webhooksUrls must be a list of at most 5 URLs.',
      );
    }
    list.forEach((url, i) =>
      urls.push(optionalUrl(url, `feedbacks.webhooksUrls[${i}]`, 1000) ?? ''),
    );
  }
  const single = optionalUrl(feedbacks.webhookUrl, 'feedbacks.webhookUrl', 1000);
  if (single !== undefined) urls.push(single);
  return urls.filter((url) => url !== '');
}

export const AUTHORIZATION_MODES = ['SALE', 'FINAL_AUTHORIZATION', 'PRE_AUTHORIZATION'] as const;
