/** The DirectLink side's pure parts: XML writing, encodings, after-sale rules, 3-D Secure choice. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeForm, encodeText } from '../../src/sandbox/directlink/encoding.js';
import { decideMaintenance, totalsOf } from '../../src/sandbox/directlink/maintenance-rules.js';
import { checkOrderDirect } from '../../src/sandbox/directlink/order-rules.js';
import { escapeAttribute, ncResponseXml } from '../../src/sandbox/directlink/xml.js';
import type { PaymentRecord, PaymentStep } from '../../src/sandbox/state/payments.js';
import { authenticationFor } from '../../src/sandbox/three-ds/authentication.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  trimValues: false,
});

describe('ncresponse XML (pure)', () => {
  it('escapes & < > " and keeps everything else', () => {
    assert.equal(escapeAttribute(`a&b<c>d"e'f é €`), `a&amp;b&lt;c&gt;d&quot;e'f é €`);
    assert.equal(escapeAttribute('line\r\nbreak\ttab'), 'line  break tab');
    assert.equal(escapeAttribute('nul\u0000 \uD800 ok \uD83D\uDE00'), 'nul? ? ok \uD83D\uDE00');
  });

  it('writes the fixture shape, self-closing or with an HTML_ANSWER child', () => {
    assert.equal(
      ncResponseXml([
        ['orderID', 'A"1'],
        ['STATUS', '9'],
      ]),
      '<?xml version="1.0"?><ncresponse orderID="A&quot;1" STATUS="9"/>',
    );
    assert.equal(
      ncResponseXml([['STATUS', '46']], 'PGZvcm0+'),
      '<?xml version="1.0"?><ncresponse STATUS="46"><HTML_ANSWER>PGZvcm0+</HTML_ANSWER></ncresponse>',
    );
    assert.throws(() => ncResponseXml([['bad name', 'x']]));
    assert.throws(() => ncResponseXml([], '<script>'));
  });

  it('round-trips any value through a real XML parser (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { maxLength: 6 }),
        (values) => {
          const attributes = values.map((value, i): [string, string] => [`A${i}`, value]);
          const xml = ncResponseXml(attributes);
          assert.equal(XMLValidator.validate(xml), true, xml);
          const parsed =
            (parser.parse(xml) as { ncresponse?: Record<string, string> }).ncresponse ?? {};
          for (const [name, value] of attributes) {
            const expected = value
              .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '?')
              .replace(/[\t\n\r]/g, ' ');
            assert.equal(parsed[name] ?? '', expected, JSON.stringify(value));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('page encodings (pure)', () => {
  it('reads windows-1252 forms: percent bytes, raw bytes, + as space, € as 0x80', () => {
    const body = Uint8Array.from([...Buffer.from('CN=B%E1rbara+%80&X=', 'latin1'), 0xe9, 0x3d]);
    const form = decodeForm(body, 'windows-1252');
    assert.deepEqual(
      [...form],
      [
        ['CN', 'Bárbara €'],
        ['X', 'é='],
      ],
    );
    assert.deepEqual(
      [...decodeForm(new TextEncoder().encode('CN=B%C3%A1rbara'), 'utf-8')],
      [['CN', 'Bárbara']],
    );
  });

  it('writes windows-1252 bytes, ? for what it cannot write', () => {
    assert.deepEqual([...encodeText('é€ž😀', 'windows-1252')], [0xe9, 0x80, 0x9e, 0x3f]);
    assert.deepEqual([...encodeText('é', 'utf-8')], [0xc3, 0xa9]);
  });
});

describe('3-D Secure choice (pure)', () => {
  it('challenges on the hosted page, and on DirectLink only when FLAG3D=Y was sent', () => {
    const rows = (['success', 'refused', 'challenge', 'authentication-required'] as const).map(
      (b) => [
        b,
        authenticationFor(b, 'hosted-page', false),
        authenticationFor(b, 'directlink', true),
        authenticationFor(b, 'directlink', false),
      ],
    );
    assert.deepEqual(rows, [
      ['success', 'frictionless', 'frictionless', 'frictionless'],
      ['refused', 'frictionless', 'frictionless', 'frictionless'],
      ['challenge', 'challenge', 'challenge', 'required'],
      ['authentication-required', 'challenge', 'required', 'required'],
    ]);
  });
});

describe('orderdirect fields (pure)', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const reader = (fields: Record<string, string>) => (name: string) => {
    const key = Object.keys(fields).find((k) => k.toUpperCase() === name.toUpperCase());
    return key === undefined ? '' : fields[key]!;
  };
  it('reads a saved-card payment with ECI 9 by default and the shopper’s address', () => {
    const checked = checkOrderDirect(
      reader({
        orderid: 'A',
        amount: '100',
        currency: 'EUR',
        alias: 'X',
        REMOTE_ADDR: '203.0.113.9',
      }),
      now,
      '127.0.0.1',
    );
    assert.ok('order' in checked);
    assert.deepEqual(
      [checked.order.eci, checked.order.ip, checked.order.operation],
      ['9', '203.0.113.9', 'SAL'],
    );
    assert.deepEqual(checked.order.card, { alias: 'X' });
  });
});

function payment(
  status: number,
  amountMinor = 1000,
  steps: Partial<PaymentStep>[] = [],
): PaymentRecord {
  return {
    payId: '1',
    pspid: 'P',
    orderId: 'O',
    currency: 'EUR',
    amountMinor,
    operation: status === 5 ? 'RES' : 'SAL',
    card: undefined,
    alias: undefined,
    eci: '7',
    complus: '',
    paramPlus: [],
    ip: '',
    cn: '',
    language: '',
    urls: {},
    steps: [
      {
        payIdSub: 0,
        kind: 'payment',
        operation: 'SAL',
        amountMinor,
        status,
        ncError: '0',
        acceptance: '',
      },
      ...steps.map((step, i) => ({
        payIdSub: i + 1,
        kind: 'capture' as const,
        operation: 'SAL',
        amountMinor: 0,
        status: 9,
        ncError: '0',
        acceptance: '',
        ...step,
      })),
    ],
  };
}

describe('after-sale rules (pure)', () => {
  const verdict = (p: PaymentRecord, operation: string, amount = '') => {
    const decision = decideMaintenance(p, operation, amount);
    return 'accepted' in decision ? decision.accepted.amountMinor : decision.refused;
  };

  it('captures what is authorised, in parts, never more; SAS closes', () => {
    assert.equal(verdict(payment(5), 'SAL', '400'), 400);
    assert.equal(verdict(payment(5), 'SAS'), 1000);
    assert.equal(verdict(payment(5), 'SAL', '1001'), 'not-authorized');
    const part = payment(5, 1000, [{ amountMinor: 400, status: 91 }]);
    assert.equal(verdict(part, 'SAL'), 600, 'a pending capture counts');
    assert.equal(verdict(part, 'SAL', '601'), 'not-authorized');
    const closed = payment(5, 1000, [{ amountMinor: 400, operation: 'SAS' }]);
    assert.equal(verdict(closed, 'SAL', '1'), 'not-authorized');
    assert.equal(verdict(payment(9), 'SAL'), 'not-authorized');
    for (const status of [0, 2, 46, 52, 92])
      assert.equal(verdict(payment(status), 'SAS'), 'not-authorized');
  });

  it('cancels an untouched authorisation only', () => {
    assert.equal(verdict(payment(5), 'DES'), 1000);
    assert.equal(verdict(payment(5, 1000, [{ amountMinor: 1 }]), 'DEL'), 'not-authorized');
    assert.equal(
      verdict(payment(5, 1000, [{ kind: 'cancel', operation: 'DEL', status: 61 }]), 'SAS'),
      'not-authorized',
    );
    assert.equal(verdict(payment(9), 'DES'), 'not-authorized');
  });

  it('refunds what was captured for good, exactly; RFS closes', () => {
    assert.equal(verdict(payment(9), 'RFD', '250'), 250);
    assert.equal(verdict(payment(9), 'RFS'), 1000);
    assert.equal(verdict(payment(9), 'RFD', '1001'), 'over-refund');
    const captured = payment(5, 1000, [{ amountMinor: 700 }]);
    assert.equal(verdict(captured, 'RFD', '700'), 700);
    assert.equal(verdict(captured, 'RFD', '701'), 'over-refund');
    const refunded = payment(9, 1000, [
      { kind: 'refund', operation: 'RFD', amountMinor: 999, status: 81 },
    ]);
    assert.equal(verdict(refunded, 'RFD', '1'), 1);
    assert.equal(verdict(refunded, 'RFD', '2'), 'over-refund');
    assert.equal(
      verdict(payment(9, 1000, [{ kind: 'refund', operation: 'RFS', amountMinor: 1 }]), 'RFD', '1'),
      'not-authorized',
    );
    assert.equal(verdict(payment(5), 'RFD', '1'), 'not-authorized');
    assert.equal(
      verdict(payment(5, 1000, [{ amountMinor: 500, status: 91 }]), 'RFD', '1'),
      'not-authorized',
    );
  });

  it('adds up money from the history', () => {
    assert.deepEqual(
      totalsOf(
        payment(5, 1000, [
          { amountMinor: 300 },
          { amountMinor: 200, status: 91 },
          { kind: 'refund', operation: 'RFD', amountMinor: 100, status: 8 },
        ]),
      ),
      {
        authorised: 1000,
        captured: 300,
        capturing: 200,
        refunded: 100,
        cancelled: false,
        captureClosed: false,
        refundClosed: false,
      },
    );
  });
});
