/**
 * The `<ncresponse>` XML answer, written as the platform writes it: one element, every value an
 * attribute, optionally an `HTML_ANSWER` child (base64). A small serializer, so escaping is plain
 * to see: `& < > "` become entities; line breaks and tabs become spaces (an XML parser would
 * normalise them so anyway); characters XML 1.0 cannot carry become `?`.
 */

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// C0 controls but tab/LF/CR, lone surrogates, U+FFFE and U+FFFF: not allowed in an XML document.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A value ready for a double-quoted attribute. */
export function escapeAttribute(value: string): string {
  return value
    .replace(NOT_XML, '?')
    .replace(/[\t\n\r]/g, ' ')
    .replace(/[&<>"]/g, (char) => ENTITIES[char]!);
}

/** The whole answer. Attribute names are the sandbox's own (checked, never from a request). */
export function ncResponseXml(
  attributes: readonly (readonly [string, string])[],
  htmlAnswerBase64?: string,
): string {
  const parts = attributes.map(([name, value]) => {
    if (!NAME.test(name)) throw new Error(`Not an XML attribute name: ${name}`);
    return ` ${name}="${escapeAttribute(value)}"`;
  });
  const open = `<?xml version="1.0"?><ncresponse${parts.join('')}`;
  if (htmlAnswerBase64 === undefined) return `${open}/>`;
  if (!/^[A-Za-z0-9+/=]*$/.test(htmlAnswerBase64)) throw new Error('HTML_ANSWER must be base64');
  return `${open}><HTML_ANSWER>${htmlAnswerBase64}</HTML_ANSWER></ncresponse>`;
}
