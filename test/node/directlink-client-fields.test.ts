/** Each DirectLink page's fields, checked before sending: the wrong field named, its value never shown. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BROWSER_COLOR_DEPTHS, browserFields } from '../../src/protocol/directlink-browser.js';
import { DirectLinkError } from '../../src/server/directlink/errors.js';
import {
  maintenanceFields,
  orderDirectFields,
  queryFields,
} from '../../src/server/directlink/fields.js';
import type {
  BrowserData,
  MaintenanceRequest,
  OrderDirectRequest,
  QueryRequest,
} from '../../src/server/directlink/types.js';

const SENTINEL = 'S3ntinel-Value';

const order: OrderDirectRequest = {
  orderId: 'A-1042-7K3M9Q2XDV',
  minorAmount: '1999',
  currency: 'EUR',
  alias: 'cust-42-7K3M9Q2XDVAB',
  operation: 'RES',
};

const browser: BrowserData = {
  acceptHeader: 'text/html',
  colorDepth: 24,
  javaEnabled: false,
  language: 'nl-BE',
  screenHeight: 800,
  screenWidth: 1280,
  timeZone: -120,
  userAgent: 'Mozilla/5.0',
};

function refused(build: () => unknown, field: RegExp): void {
  try {
    build();
  } catch (error) {
    assert.ok(error instanceof DirectLinkError, String(error));
    assert.equal(error.code, 'invalid-request');
    assert.match(error.message, field);
    assert.equal(error.message.includes(SENTINEL), false, error.message);
    return;
  }
  assert.fail(`accepted, expected a complaint about ${field}`);
}

describe('orderdirect fields', () => {
  it('a saved-card payment: alias, ECI=9, kept after use, no card data', () => {
    const fields = orderDirectFields(order);
    assert.deepEqual(fields, {
      ORDERID: order.orderId,
      AMOUNT: '1999',
      CURRENCY: 'EUR',
      OPERATION: 'RES',
      ALIAS: order.alias,
      ALIASPERSISTEDAFTERUSE: 'Y',
      ECI: '9',
      LANGUAGE: undefined,
    });
  });

  it('customer details follow the hosted page rules: one line, Ogone lengths, EMAIL left out when too long', () => {
    const fields = orderDirectFields({
      ...order,
      customer: {
        name: `Bárbara\tÅlvarez ${'x'.repeat(40)}`,
        email: `${'a'.repeat(60)}@example.com`,
        country: 'be',
      },
      complus: 'A-1042',
    });
    assert.equal(fields['CN'], `Bárbara Ålvarez ${'x'.repeat(19)}`);
    assert.equal(fields['EMAIL'], undefined);
    assert.equal(fields['OWNERCTY'], 'BE');
    assert.equal(fields['COMPLUS'], 'A-1042');
  });

  it('refuses wrong values, naming the field', () => {
    const bad: [Partial<Record<keyof OrderDirectRequest, unknown>>, RegExp][] = [
      [{ orderId: `${SENTINEL}!` }, /orderId/],
      [{ orderId: 'x'.repeat(41) }, /orderId/],
      [{ minorAmount: '0' }, /minorAmount/],
      [{ minorAmount: '12.50' }, /minorAmount/],
      [{ minorAmount: 1999 }, /minorAmount/],
      [{ currency: 'eur' }, /currency/],
      [{ alias: `${SENTINEL} with spaces` }, /alias/],
      [{ operation: 'SAS' }, /operation/],
      [{ language: 'fr-BE' }, /language/],
      [{ customer: 'Ada' }, /customer/],
      [{ customer: { name: 7 } }, /customer\.name/],
      [{ complus: 42 }, /complus/],
    ];
    for (const [change, field] of bad) {
      refused(() => orderDirectFields({ ...order, ...change } as OrderDirectRequest), field);
    }
    refused(() => orderDirectFields(undefined as unknown as OrderDirectRequest), /request/);
  });

  it('3-D Secure: FLAG3D, WIN3DS, return URLs, the shopper IP and the browser data', () => {
    const fields = orderDirectFields({
      ...order,
      threeDSecure: {
        acceptUrl: 'https://shop.example/ok',
        declineUrl: 'https://shop.example/ko',
        exceptionUrl: 'https://shop.example/error',
        remoteAddress: '2001:db8::7',
        browser,
        billing: { countryCode: 'BE', city: 'Gent' },
      },
    });
    assert.equal(fields['FLAG3D'], 'Y');
    assert.equal(fields['WIN3DS'], 'MAINW');
    assert.equal(fields['REMOTE_ADDR'], '2001:db8::7');
    assert.equal(fields['browserTimeZone'], '-120');
    assert.equal(fields['HTTP_USER_AGENT'], 'Mozilla/5.0');
    assert.equal(fields['ECOM_BILLTO_POSTAL_COUNTRYCODE'], 'BE');
    assert.equal(fields['ECOM_BILLTO_POSTAL_CITY'], 'Gent');
    const threeDSecure = {
      acceptUrl: 'https://shop.example/ok',
      declineUrl: 'https://shop.example/ko',
      exceptionUrl: 'https://shop.example/error',
      remoteAddress: 'NONE',
      browser,
    };
    for (const [change, field] of [
      [{ acceptUrl: `javascript:${SENTINEL}` }, /acceptUrl/],
      [{ declineUrl: '/relative' }, /declineUrl/],
      [{ remoteAddress: `<${SENTINEL}>` }, /remoteAddress/],
      [{ browser: { ...browser, colorDepth: 23 } }, /colorDepth/],
      [{ billing: { countryCode: 'Belgium' } }, /billing\.countryCode/],
    ] as const) {
      refused(
        () => orderDirectFields({ ...order, threeDSecure: { ...threeDSecure, ...change } }),
        field,
      );
    }
  });
});

describe('3-D Secure 2 browser fields', () => {
  it('accepts every documented colour depth and refuses others', () => {
    for (const colorDepth of BROWSER_COLOR_DEPTHS) {
      assert.equal(
        browserFields({ ...browser, colorDepth })['browserColorDepth'],
        String(colorDepth),
      );
    }
    for (const colorDepth of [0, 2, 30, 64, 24.5]) {
      assert.throws(() => browserFields({ ...browser, colorDepth }), { code: 'invalid-parameter' });
    }
  });

  it('refuses out-of-range and malformed values, naming the field', () => {
    for (const [change, field] of [
      [{ language: 'de-DE-1996x' }, /language/],
      [{ userAgent: 'x'.repeat(2049) }, /userAgent/],
      [{ userAgent: `Mozilla\n${SENTINEL}` }, /userAgent/],
      [{ acceptHeader: '' }, /acceptHeader/],
      [{ screenHeight: 0 }, /screenHeight/],
      [{ screenWidth: 1e7 }, /screenWidth/],
      [{ timeZone: 900 }, /timeZone/],
      [{ javaEnabled: 'false' }, /javaEnabled/],
    ] as const) {
      assert.throws(
        () => browserFields({ ...browser, ...change } as BrowserData),
        (error: Error) => field.test(error.message) && !error.message.includes(SENTINEL),
      );
    }
  });
});

describe('maintenancedirect and querydirect fields', () => {
  const capture: MaintenanceRequest = {
    operation: 'SAS',
    payId: '3014726',
    minorAmount: '500',
    lastPayIdSub: 0,
  };

  it('the operation on a PAYID, always with its AMOUNT', () => {
    assert.deepEqual(maintenanceFields(capture), {
      PAYID: '3014726',
      OPERATION: 'SAS',
      AMOUNT: '500',
    });
    for (const operation of ['SAL', 'DES', 'DEL', 'RFD', 'RFS'] as const) {
      assert.equal(maintenanceFields({ ...capture, operation })['OPERATION'], operation);
    }
  });

  it('refuses another operation, a PAYID that is not digits, no amount, a bad step', () => {
    for (const [change, field] of [
      [{ operation: 'REN' }, /operation/],
      [{ payId: `${SENTINEL}` }, /payId/],
      [{ payId: '0' }, /payId/],
      [{ minorAmount: undefined }, /minorAmount/],
      [{ lastPayIdSub: -1 }, /lastPayIdSub/],
      [{ lastPayIdSub: 1.5 }, /lastPayIdSub/],
    ] as const) {
      refused(() => maintenanceFields({ ...capture, ...change } as MaintenanceRequest), field);
    }
  });

  it('queries by PAYID (and a step) or ORDERID', () => {
    assert.deepEqual(queryFields({ payId: '3014726' }), { PAYID: '3014726', PAYIDSUB: undefined });
    assert.deepEqual(queryFields({ payId: '3014726', payIdSub: 2 }), {
      PAYID: '3014726',
      PAYIDSUB: '2',
    });
    assert.deepEqual(queryFields({ orderId: 'A-1' }), { ORDERID: 'A-1' });
    refused(() => queryFields({} as QueryRequest), /payId or an orderId/);
    refused(() => queryFields({ payId: '1', payIdSub: -1 }), /payIdSub/);
    refused(() => queryFields({ orderId: `${SENTINEL} ` }), /orderId/);
  });
});
