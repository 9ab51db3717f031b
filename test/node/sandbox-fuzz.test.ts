/** Fuzzing what the sandbox parses: DirectLink forms, raw bodies, control actions, hosted-page forms. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { directBody, directSandbox, pageUrl, type Page } from '../helpers/directlink.js';
import { HOST, PAGE, postForm, signed } from '../helpers/sandbox.js';

const NAMES = [
  'ORDERID',
  'AMOUNT',
  'CURRENCY',
  'OPERATION',
  'ALIAS',
  'CARDNO',
  'ED',
  'CVC',
  'ECI',
  'FLAG3D',
  'PAYID',
  'PAYIDSUB',
  'ACCEPTURL',
  'browserColorDepth',
  'REMOTE_ADDR',
  'COMPLUS',
  'orderID',
];
const value = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    '',
    '0',
    'SAL',
    'RES',
    'SAS',
    'RFD',
    'DES',
    'EUR',
    'Y',
    '12/34',
    '4000000000003220',
  ),
  fc.integer({ min: -5, max: 10 ** 16 }).map(String),
);
const fields = fc.dictionary(
  fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 12 })),
  value,
  {
    maxKeys: 10,
  },
);
const pages = fc.constantFrom<Page>('orderdirect', 'maintenancedirect', 'querydirect');

async function assertXmlAnswer(response: Response): Promise<void> {
  assert.equal(response.status, 200);
  const xml = await response.text();
  assert.equal(XMLValidator.validate(xml), true, xml);
  assert.ok(xml.startsWith('<?xml version="1.0"?><ncresponse '));
}

describe('fuzz: DirectLink pages always answer HTTP 200 with well-formed XML', () => {
  it('for correctly signed forms of any content (the deep paths)', async () => {
    const sandbox = directSandbox();
    await fc.assert(
      fc.asyncProperty(pages, fields, fc.boolean(), async (page, extra, plain) => {
        const body = await directBody(extra).catch(() => undefined);
        if (body === undefined) return; // two names equal but for case: not signable
        const response = await sandbox.fetch(pageUrl(page, { plain }), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(body).toString(),
        });
        await assertXmlAnswer(response);
      }),
      { numRuns: 400 },
    );
    sandbox.close();
  });

  it('for raw bytes, any method and content type', async () => {
    const sandbox = directSandbox();
    await fc.assert(
      fc.asyncProperty(
        pages,
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('POST', 'PUT', 'PATCH'),
        fc.constantFrom(
          'application/x-www-form-urlencoded',
          'text/plain',
          'multipart/form-data',
          '',
        ),
        async (page, bytes, method, type) => {
          const response = await sandbox.fetch(pageUrl(page), {
            method,
            ...(type ? { headers: { 'content-type': type } } : {}),
            body: bytes,
          });
          await assertXmlAnswer(response);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fuzz: the controls answer JSON, never a 500', () => {
  it('for any JSON value', async () => {
    const sandbox = directSandbox();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            action: fc.constantFrom('hold-uncertain', 'release-uncertain', 'drop-next-answer', 'x'),
            orderId: fc.oneof(fc.string({ maxLength: 50 }), fc.integer()),
            page: fc.constantFrom('orderdirect', 'querydirect', 'nope'),
            untilMs: fc.oneof(fc.integer(), fc.double()),
            mode: fc.constantFrom('reset', 'timeout', 'x'),
            afterMs: fc.integer({ min: -10, max: 700_000 }),
          }),
        ),
        async (body) => {
          const response = await sandbox.handler(
            new Request(`${HOST}/ncol/sandbox/controls`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(body),
            }),
          );
          assert.ok(response.status === 200 || response.status === 400, String(response.status));
          JSON.parse(await response.text());
        },
      ),
      { numRuns: 300 },
    );
    sandbox.close();
  });
});

describe('fuzz: the hosted page answers a page, never a 500', () => {
  it('for signed forms of any content', async () => {
    const sandbox = directSandbox();
    await fc.assert(
      fc.asyncProperty(fields, async (extra) => {
        const form = await signed({ PSPID: 'ACMESHOP', LANGUAGE: 'en_US', ...extra }).catch(
          () => undefined,
        );
        if (form === undefined) return;
        const response = await sandbox.handler(postForm(PAGE, form));
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      }),
      { numRuns: 300 },
    );
  });
});
