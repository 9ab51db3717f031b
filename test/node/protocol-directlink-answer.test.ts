import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  MAX_DIRECTLINK_ANSWER_LENGTH,
  OgoneProtocolError,
  parseDirectLinkAnswer,
  type DirectLinkAnswer,
} from '../../src/protocol/index.js';
import { directLinkRejection } from '../../src/protocol/directlink-ncerror.js';
import { XML_VECTORS } from '../helpers/directlink-vectors.js';

/** Parses, or returns the typed error; anything else thrown fails the test. */
function attempt(xml: unknown): DirectLinkAnswer | OgoneProtocolError {
  try {
    return parseDirectLinkAnswer(xml as string);
  } catch (error) {
    if (error instanceof OgoneProtocolError && error.code === 'invalid-xml') return error;
    throw new Error(`not a typed error: ${String(error)}`, { cause: error });
  }
}

function refuses(xml: unknown, reason?: RegExp): void {
  const result = attempt(xml);
  assert.ok(result instanceof OgoneProtocolError, `parsed: ${String(xml).slice(0, 200)}`);
  if (reason) assert.match(result.message, reason);
}

function xmlEscape(value: string): string {
  let out = '';
  for (const char of value) {
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '"') out += '&quot;';
    else if (char === '\t' || char === '\n' || char === '\r') {
      out += `&#${char.charCodeAt(0)};`;
    } else out += char;
  }
  return out;
}

function ncresponse(attributes: readonly (readonly [string, string])[], inner = ''): string {
  const attrs = attributes.map(([n, v]) => `${n}="${xmlEscape(v)}"`).join('\r\n');
  return `<?xml version="1.0"?><ncresponse\r\n${attrs}>${inner}</ncresponse>`;
}

/** A fixture's attributes, in order, as [name, value]. */
function attributesOf(xml: string): [string, string][] {
  const answer = parseDirectLinkAnswer(xml);
  return Object.entries(answer.attributes);
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('DirectLink answer fixtures', () => {
  for (const vector of XML_VECTORS) {
    it(`${vector.name}: gives the expected fields`, () => {
      const answer = parseDirectLinkAnswer(vector.xml);
      for (const [field, expected] of Object.entries(vector.expect)) {
        assert.equal(answer[field as keyof DirectLinkAnswer], expected, field);
      }
      assert.equal(answer.statusInfo.code, answer.status);
      assert.equal(answer.htmlAnswer, undefined);
    });
  }

  it('reads \\r\\n between attributes, keeps unknown ones, explains STATUS, converts the amount', () => {
    const answer = parseDirectLinkAnswer(XML_VECTORS[0]!.xml);
    assert.equal(answer.statusInfo.outcome, 'authorized');
    assert.equal(answer.amount, '1');
    assert.equal(answer.minorAmount, '100');
    assert.equal(answer.acceptance, 'test123');
    assert.equal(answer.eci, '7');
    assert.equal(answer.paymentMethod, 'CreditCard');
    assert.equal(answer.ncErrorPlus, '!');
    // Unknown to the typed view, kept with upper-case names and the values as sent.
    assert.equal(answer.attributes['CVCCHECK'], 'NO');
    assert.equal(answer.attributes['AAVCHECK'], 'NO');
    assert.equal(answer.attributes['IPCTY'], '99');
    assert.equal(answer.attributes['ORDERID'], '1233680882919266242708828');
    assert.equal(Object.keys(answer.attributes).length, 18);
  });

  it('reads an upper-case AMOUNT in major units, exactly ("4.5" is 450 minor units)', () => {
    const answer = parseDirectLinkAnswer(XML_VECTORS.find((v) => v.name.includes('AMOUNT'))!.xml);
    assert.equal(answer.amount, '4.5');
    assert.equal(answer.minorAmount, '450');
    assert.equal(answer.ip, '127.0.0.1');
    // PAYIDSUB="" is absent in the typed view, present (empty) in the attributes.
    assert.equal(answer.payIdSub, undefined);
    assert.equal(answer.attributes['PAYIDSUB'], '');
  });

  it('reads empty values as absent and keeps NCERRORPLUS as sent', () => {
    const answer = parseDirectLinkAnswer(
      XML_VECTORS.find((v) => v.name === 'Invalid request')!.xml,
    );
    assert.equal(answer.orderId, undefined);
    assert.equal(answer.amount, undefined);
    assert.equal(answer.minorAmount, undefined);
    assert.equal(answer.brand, undefined);
    assert.equal(answer.payId, '0');
    assert.equal(answer.ncErrorPlus, ' no orderid');
    assert.equal(answer.statusInfo.outcome, 'invalid');
  });

  it('gives the same answer whatever the attribute order and the case of their names', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...XML_VECTORS),
        fc.infiniteStream(fc.boolean()),
        fc.integer(),
        (vector, flips, seed) => {
          const expected = parseDirectLinkAnswer(vector.xml);
          const entries = attributesOf(vector.xml);
          const shuffled = fc.sample(fc.shuffledSubarray(entries, { minLength: entries.length }), {
            numRuns: 1,
            seed,
          })[0]!;
          const recased = shuffled.map(([name, value]) => {
            let out = '';
            for (const char of name) out += flips.next().value ? char.toLowerCase() : char;
            return [out, value] as const;
          });
          const answer = parseDirectLinkAnswer(ncresponse(recased));
          assert.deepEqual(answer.attributes, expected.attributes);
          assert.deepEqual({ ...answer, attributes: {} }, { ...expected, attributes: {} });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads any attribute value back exactly (entities and character references decoded)', () => {
    // Characters XML 1.0 allows (tab, LF, CR escaped as references by the writer above).
    const xmlChar = fc
      .string({ unit: 'grapheme', maxLength: 40 })
      .map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,15}$/), xmlChar, (name, value) => {
        const answer = parseDirectLinkAnswer(ncresponse([[name, value]]));
        assert.equal(answer.attributes[name.toUpperCase()], value);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes &amp;, &quot;, &#233; and &#x41; in values', () => {
    const answer = parseDirectLinkAnswer(
      '<ncresponse NCERRORPLUS="a &amp; b &quot;c&quot; &#233;t&#xE9; &#x41;" STATUS="2"/>',
    );
    assert.equal(answer.ncErrorPlus, 'a & b "c" été A');
    assert.equal(answer.status, 2);
    assert.equal(answer.statusInfo.outcome, 'refused');
  });
});

describe('HTML_ANSWER (3-D Secure challenge)', () => {
  const html =
    '<html><body onload="document.forms[0].submit()"><form method="post" action="https://acs.example/auth">' +
    '<input type="hidden" name="creq" value="eyJ0aHJlZURTU2VydmVyVHJhbnNJRCI6ImFiYyJ9">' +
    '<noscript>Authentification sécurisée — Weiter</noscript></form></body></html>';

  it('is decoded from base64 to UTF-8 HTML, MIME line breaks and all', () => {
    const wrapped = base64(html).replace(/.{76}/g, '$&\r\n');
    const xml = ncresponse(
      [
        ['orderID', 'A-1-XYZ'],
        ['PAYID', '3014726'],
        ['NCSTATUS', '5'],
        ['NCERROR', '0'],
        ['STATUS', '46'],
      ],
      `\r\n<HTML_ANSWER>${wrapped}</HTML_ANSWER>\r\n`,
    );
    const answer = parseDirectLinkAnswer(xml);
    assert.equal(answer.status, 46);
    assert.equal(answer.statusInfo.name, 'Waiting authentication');
    assert.equal(answer.htmlAnswer, html);
  });

  it('is read inside CDATA and whatever the case of its tag', () => {
    const xml = `<ncresponse STATUS="46"><html_answer><![CDATA[${base64(html)}]]></html_answer></ncresponse>`;
    assert.equal(parseDirectLinkAnswer(xml).htmlAnswer, html);
  });

  it('refuses one that is not base64, or two of them', () => {
    refuses(
      '<ncresponse STATUS="46"><HTML_ANSWER>not base64 at all!</HTML_ANSWER></ncresponse>',
      /base64/,
    );
    refuses(
      `<ncresponse STATUS="46"><HTML_ANSWER>${base64('a')}</HTML_ANSWER><HTML_ANSWER>${base64('b')}</HTML_ANSWER></ncresponse>`,
      /twice/,
    );
  });
});

describe('refusals of the call itself (NCERRORPLUS)', () => {
  const answer = (plus: string) =>
    parseDirectLinkAnswer(
      ncresponse([
        ['NCERROR', '50001111'],
        ['NCERRORPLUS', plus],
        ['STATUS', '0'],
      ]),
    );

  it('names a wrong API user, a wrong or missing signature and a caller IP not allowed', () => {
    assert.equal(
      directLinkRejection(answer('Connection to API feature not allowed for this user')),
      'credentials',
    );
    assert.equal(directLinkRejection(answer('unknown order/1/s')), 'signature');
    assert.equal(directLinkRejection(answer('unknown order/0/s')), 'signature');
    assert.equal(directLinkRejection(answer('unknown order/1/i/203.0.113.9')), 'caller-ip');
    assert.equal(directLinkRejection(answer('!')), undefined);
    assert.equal(directLinkRejection(answer(' no orderid')), undefined);
    for (const vector of XML_VECTORS) {
      assert.equal(directLinkRejection(parseDirectLinkAnswer(vector.xml)), undefined, vector.name);
    }
  });
});

describe('hostile and broken answers: only typed errors', () => {
  it('refuses what is not one <ncresponse>', () => {
    for (const input of [
      '',
      '   ',
      'garbage',
      'NCERROR=0',
      '<html><body>502 Bad Gateway</body></html>',
      '<ncresponse STATUS="9">',
      '<ncresponse STATUS=9/>',
      '<ncresponse STATUS="9"/><ncresponse STATUS="2"/>',
      '<?xml version="1.0"?>',
      '<!-- nothing -->',
      '<a><ncresponse STATUS="9"/></a>',
    ]) {
      refuses(input);
    }
  });

  it('refuses non-text input', () => {
    for (const input of [
      undefined,
      null,
      42,
      {},
      Buffer.from('<ncresponse/>'),
      ['<ncresponse/>'],
    ]) {
      refuses(input, /not text/);
    }
  });

  it('refuses an attribute spelt twice, in the same or another case', () => {
    refuses('<ncresponse STATUS="9" STATUS="2"/>');
    refuses('<ncresponse orderID="1" ORDERID="2"/>', /ORDERID twice/);
    refuses('<ncresponse amount="1" AMOUNT="100"/>', /AMOUNT twice/);
  });

  it('refuses prototype-polluting names without polluting', () => {
    refuses('<ncresponse __proto__="x" STATUS="9"/>');
    refuses('<ncresponse constructor="x"/>');
    assert.equal(({} as Record<string, unknown>)['x'], undefined);
  });

  it('refuses entity bombs and bounds expansion', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><ncresponse STATUS="&lol2;"/>';
    // fast-xml-parser never defines an entity whose value holds "&": nothing nests, and the
    // reference stays literal text; either way nothing grows.
    const result = attempt(laughs);
    if (!(result instanceof OgoneProtocolError)) {
      assert.equal(result.attributes['STATUS'], '&lol2;');
      assert.equal(result.status, undefined);
    }
    const wide = `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(60)}">]><ncresponse STATUS="${'&a;'.repeat(500)}"/>`;
    refuses(wide);
    const big = `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(5000)}">]><ncresponse STATUS="&a;"/>`;
    refuses(big);
    // An external entity is never fetched nor read from disk.
    const external = attempt(
      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ncresponse STATUS="&e;"/>',
    );
    if (!(external instanceof OgoneProtocolError)) {
      assert.doesNotMatch(JSON.stringify(external), /root:/);
    }
  });

  it('refuses a document over the size bound before parsing it, and deep nesting', () => {
    const padding = ' '.repeat(MAX_DIRECTLINK_ANSWER_LENGTH);
    const started = performance.now();
    refuses(`<ncresponse STATUS="9">${padding}</ncresponse>`, /larger than/);
    assert.ok(performance.now() - started < 50, 'the bound is checked before any parsing');
    refuses(`<ncresponse>${'<a>'.repeat(50)}${'</a>'.repeat(50)}</ncresponse>`);
  });

  it('survives random text and bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        attempt(text);
        attempt(`<ncresponse ${text}/>`);
        attempt(`<ncresponse STATUS="9">${text}</ncresponse>`);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        attempt(new TextDecoder().decode(bytes));
        attempt(Buffer.from(bytes).toString('latin1'));
      }),
      { numRuns: 300 },
    );
  });

  it('survives every truncation of every fixture', () => {
    for (const vector of XML_VECTORS) {
      for (let end = 0; end < vector.xml.length; end++) attempt(vector.xml.slice(0, end));
    }
  });

  it('survives mutated fixtures (characters inserted, removed or replaced)', () => {
    const tokens = [
      '"',
      '<',
      '>',
      '/',
      '=',
      '&',
      '&amp;',
      '&#0;',
      '\r\n',
      ' ',
      'x',
      '<!--',
      ']]>',
      '\u0000',
      '\uD800',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...XML_VECTORS),
        fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.constantFrom(...tokens)), {
          minLength: 1,
          maxLength: 6,
        }),
        (vector, edits) => {
          let xml = vector.xml;
          for (const [at, length, token] of edits) {
            const position = at % (xml.length + 1);
            xml = xml.slice(0, position) + token + xml.slice(position + length);
          }
          const result = attempt(xml);
          if (!(result instanceof OgoneProtocolError)) {
            // Whatever parsed is a well-typed answer.
            assert.equal(typeof result.attributes, 'object');
            assert.ok(result.status === undefined || Number.isInteger(result.status));
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('survives random attributes on a real answer', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 30 })),
          {
            maxLength: 8,
          },
        ),
        (pairs) => {
          const extra = pairs.map(([n, v]) => ` ${n}="${v}"`).join('');
          attempt(XML_VECTORS[2]!.xml.replace('<ncresponse ', `<ncresponse${extra} `));
        },
      ),
      { numRuns: 500 },
    );
  });
});
