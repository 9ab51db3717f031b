/**
 * The fields of each DirectLink page's request, checked before anything is sent. A wrong value
 * is a `DirectLinkError('invalid-request')` naming the field, never showing its value. The API
 * user's credentials and RTIMEOUT are added by the transport, not here.
 */
import { CURRENCY_PATTERN } from '../../contract/schemas.js';
import { browserFields } from '../../protocol/directlink-browser.js';
import type { DirectLinkPage } from '../../protocol/environment.js';
import { OgoneProtocolError } from '../../protocol/errors.js';
import type { Params } from '../../protocol/sign.js';
import { isHttpUrl } from '../../internal/url.js';
import { normalizeFormFields } from '../../protocol/form-values.js';
import { customerFields } from '../rules/customer-fields.js';
import type { TrustedCustomer } from '../types.js';
import { DirectLinkError } from './errors.js';
import type {
  MaintenanceOperation,
  MaintenanceRequest,
  OrderDirectRequest,
  QueryRequest,
  ThreeDSecureRequest,
} from './types.js';

const ORDER_ID = /^[A-Za-z0-9_.-]{1,40}$/;
const ALIAS = /^[A-Za-z0-9_.-]{1,50}$/;
const PAY_ID = /^[1-9]\d{0,19}$/;
const MINOR_AMOUNT = /^[1-9]\d{0,14}$/;
const LANGUAGE = /^[a-z]{2}_[A-Z]{2}$/;
const COUNTRY = /^[A-Z]{2}$/;
const IP_ADDRESS = /^(?:NONE|[0-9A-Fa-f:.]{2,45})$/;
const MAX_URL = 2000;
const MAX_PAYIDSUB = 9999;

export const MAINTENANCE_OPERATIONS: readonly MaintenanceOperation[] = [
  'SAL',
  'SAS',
  'DES',
  'DEL',
  'RFD',
  'RFS',
];

/** The checks of one page's request: each names the field, none repeats the value. */
function checker(page: DirectLinkPage) {
  const fail = (field: string, why: string) =>
    new DirectLinkError('invalid-request', `DirectLink ${page}: ${field} ${why}.`, { page });

  const matches = (field: string, value: unknown, pattern: RegExp, what: string): string => {
    if (typeof value !== 'string' || !pattern.test(value)) throw fail(field, `must be ${what}`);
    return value;
  };

  const text = (field: string, value: unknown, max: number): string | undefined => {
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw fail(field, 'must be a string');
    if (value.length > max) throw fail(field, `must be at most ${max} characters`);
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code < 0x20 || code === 0x7f) throw fail(field, 'must not hold control characters');
    }
    return value;
  };

  const url = (field: string, value: unknown): string => {
    if (typeof value !== 'string' || value.length > MAX_URL || !isHttpUrl(value)) {
      throw fail(field, `must be an absolute http(s) URL of at most ${MAX_URL} characters`);
    }
    return value;
  };

  const integer = (field: string, value: unknown, min: number, max: number): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw fail(field, `must be an integer from ${min} to ${max}`);
    }
    return value;
  };

  const string = (field: string, value: unknown): string => {
    if (typeof value !== 'string') throw fail(field, 'must be a string');
    return value;
  };

  /** Customer details: every one a string when present (the hosted page's rules apply next). */
  const customer = (value: TrustedCustomer | undefined): TrustedCustomer | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null) throw fail('customer', 'must be an object');
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) string(`customer.${key}`, item);
    }
    return value;
  };

  /** The request itself must be an object (callers in plain JavaScript pass anything). */
  const object = <T>(value: T): T => {
    if (typeof value !== 'object' || value === null) throw fail('request', 'must be an object');
    return value;
  };

  return { fail, matches, text, url, integer, object, string, customer };
}

function threeDSecureFields(request: ThreeDSecureRequest): Params {
  const check = checker('orderdirect');
  check.object(request);
  let browser: Params;
  try {
    browser = browserFields(request.browser);
  } catch (error) {
    if (error instanceof OgoneProtocolError)
      throw check.fail('threeDSecure.browser', error.message);
    throw error;
  }
  const billing = request.billing ?? {};
  return {
    FLAG3D: 'Y',
    WIN3DS: 'MAINW',
    ACCEPTURL: check.url('threeDSecure.acceptUrl', request.acceptUrl),
    DECLINEURL: check.url('threeDSecure.declineUrl', request.declineUrl),
    EXCEPTIONURL: check.url('threeDSecure.exceptionUrl', request.exceptionUrl),
    REMOTE_ADDR: check.matches(
      'threeDSecure.remoteAddress',
      request.remoteAddress,
      IP_ADDRESS,
      'an IP address or NONE',
    ),
    ...browser,
    ECOM_BILLTO_POSTAL_STREET_LINE1: check.text('billing.street1', billing.street1, 50),
    ECOM_BILLTO_POSTAL_STREET_LINE2: check.text('billing.street2', billing.street2, 50),
    ECOM_BILLTO_POSTAL_POSTALCODE: check.text('billing.postalCode', billing.postalCode, 16),
    ECOM_BILLTO_POSTAL_CITY: check.text('billing.city', billing.city, 50),
    ECOM_BILLTO_POSTAL_COUNTRYCODE:
      billing.countryCode === undefined
        ? undefined
        : check.matches('billing.countryCode', billing.countryCode, COUNTRY, 'two capital letters'),
  };
}

/**
 * `orderdirect`: a saved-card payment. `ECI=9` (a stored card, the shopper not typing it) and
 * `ALIASPERSISTEDAFTERUSE=Y`, as Odoo sends them; no card number, expiry or CVC.
 */
export function orderDirectFields(request: OrderDirectRequest): Params {
  const check = checker('orderdirect');
  check.object(request);
  if (request.operation !== 'SAL' && request.operation !== 'RES') {
    throw check.fail('operation', 'must be SAL or RES');
  }
  const customer = check.customer(request.customer);
  return {
    ORDERID: check.matches(
      'orderId',
      request.orderId,
      ORDER_ID,
      '1-40 letters, digits, "_", "." or "-"',
    ),
    AMOUNT: check.matches(
      'minorAmount',
      request.minorAmount,
      MINOR_AMOUNT,
      'a positive integer of minor units',
    ),
    CURRENCY: check.matches('currency', request.currency, CURRENCY_PATTERN, 'an ISO 4217 code'),
    OPERATION: request.operation,
    ALIAS: check.matches('alias', request.alias, ALIAS, '1-50 letters, digits, "_", "." or "-"'),
    ALIASPERSISTEDAFTERUSE: 'Y',
    ECI: '9',
    LANGUAGE:
      request.language === undefined
        ? undefined
        : check.matches('language', request.language, LANGUAGE, 'an Ogone LANGUAGE like en_US'),
    // The hosted page's rule: one line, no control characters, shortened to Ogone's lengths.
    ...normalizeFormFields({
      ...customerFields(customer),
      ...(request.complus === undefined
        ? {}
        : { COMPLUS: check.string('complus', request.complus) }),
    }),
    ...(request.threeDSecure === undefined ? {} : threeDSecureFields(request.threeDSecure)),
  };
}

/** `maintenancedirect`: the operation on a PAYID, always with its AMOUNT. */
export function maintenanceFields(request: MaintenanceRequest): Params {
  const check = checker('maintenancedirect');
  check.object(request);
  if (!MAINTENANCE_OPERATIONS.includes(request.operation)) {
    throw check.fail('operation', `must be one of ${MAINTENANCE_OPERATIONS.join(', ')}`);
  }
  check.integer('lastPayIdSub', request.lastPayIdSub, 0, MAX_PAYIDSUB - 1);
  return {
    PAYID: check.matches('payId', request.payId, PAY_ID, 'a PAYID (digits)'),
    OPERATION: request.operation,
    AMOUNT: check.matches(
      'minorAmount',
      request.minorAmount,
      MINOR_AMOUNT,
      'a positive integer of minor units',
    ),
  };
}

/** `querydirect`: PAYID (and optionally one step, PAYIDSUB) or ORDERID. */
export function queryFields(request: QueryRequest): Params {
  const check = checker('querydirect');
  check.object(request);
  if ('payId' in request) {
    return {
      PAYID: check.matches('payId', request.payId, PAY_ID, 'a PAYID (digits)'),
      PAYIDSUB:
        request.payIdSub === undefined
          ? undefined
          : String(check.integer('payIdSub', request.payIdSub, 0, MAX_PAYIDSUB)),
    };
  }
  if ('orderId' in request) {
    return {
      ORDERID: check.matches(
        'orderId',
        request.orderId,
        ORDER_ID,
        '1-40 letters, digits, "_", "." or "-"',
      ),
    };
  }
  throw check.fail('request', 'must have a payId or an orderId');
}
