/**
 * Reads a DirectLink answer's XML (one `<ncresponse>` element, data in its attributes, a 3-D Secure
 * challenge in a child `<HTML_ANSWER>`) with fast-xml-parser, bounded and without entity bombs.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { OgoneProtocolError } from './errors.js';

/**
 * Longest answer read, in characters. Real answers are under 1 KB, a 3-D Secure challenge a few KB
 * of base64; anything near this is not Ogone talking, and a parser is never handed megabytes.
 */
export const MAX_DIRECTLINK_ANSWER_LENGTH = 128 * 1024;

/** What the XML says, before any interpretation. */
export interface NcResponseXml {
  /** Every attribute of `<ncresponse>`: upper-case name → value exactly as sent (entities decoded). */
  attributes: Record<string, string>;
  /** The text of `<HTML_ANSWER>` (base64) when present. */
  htmlAnswer: string | undefined;
}

// A parser for data, not documents: attributes kept as strings, no number guessing, no trimming,
// and entity handling bounded. fast-xml-parser never lets an entity's value hold `&` (so no nested
// "billion laughs"); on top of that at most one declared entity of 64 characters, and 10 000
// characters of growth from all expansions together. Numeric references (`&#233;`) are decoded
// only with `htmlEntities` on, which also admits HTML's named ones (`&nbsp;`): tolerant, harmless.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  htmlEntities: true,
  processEntities: {
    enabled: true,
    maxEntityCount: 1,
    maxEntitySize: 64,
    maxTotalExpansions: 1_000,
    maxExpandedLength: 10_000,
  },
  maxNestedTags: 8,
});

/** One node of fast-xml-parser's ordered output: `{ tag: children, ':@'?: attributes }`. */
type OrderedNode = Record<string, unknown>;

function invalid(reason: string): OgoneProtocolError {
  return new OgoneProtocolError('invalid-xml', `The DirectLink answer ${reason}.`);
}

function tagOf(node: OrderedNode): string | undefined {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return undefined;
}

function childrenOf(node: OrderedNode, tag: string): OrderedNode[] {
  const children = node[tag];
  return Array.isArray(children) ? (children as OrderedNode[]) : [];
}

function isText(tag: string | undefined): boolean {
  return tag === '#text';
}

/** The concatenated text (and CDATA) directly inside an element. */
function textOf(nodes: readonly OrderedNode[]): string {
  let text = '';
  for (const node of nodes) {
    const value = node['#text'];
    if (typeof value === 'string') text += value;
    else if (value !== undefined) text += String(value);
  }
  return text;
}

function checkWellFormed(xml: string): void {
  const result = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (result === true) return;
  // The validator's own message may quote the input; only its code and position are repeated.
  const { code, line, col } = result.err;
  throw invalid(`is not well-formed XML (${code} at line ${line}, column ${col})`);
}

function readAttributes(node: OrderedNode): Record<string, string> {
  const attributes = Object.create(null) as Record<string, string>;
  const raw = node[':@'];
  if (raw === undefined) return attributes;
  if (typeof raw !== 'object' || raw === null) throw invalid('has unreadable attributes');
  for (const [name, value] of Object.entries(raw)) {
    const upper = name.toUpperCase();
    // Two spellings of one name (`orderID` and `ORDERID`): which one would a reader trust?
    if (Object.prototype.hasOwnProperty.call(attributes, upper)) {
      throw invalid(`has the attribute ${upper.slice(0, 40)} twice`);
    }
    if (typeof value !== 'string') throw invalid(`has a non-text attribute ${upper.slice(0, 40)}`);
    attributes[upper] = value;
  }
  return attributes;
}

/**
 * Reads the answer's attributes and `HTML_ANSWER`. Throws {@link OgoneProtocolError}
 * (`invalid-xml`) for anything but one bounded, well-formed `<ncresponse>` document; never
 * anything else.
 */
export function readNcResponseXml(xml: unknown): NcResponseXml {
  if (typeof xml !== 'string') throw invalid('is not text');
  if (xml.length > MAX_DIRECTLINK_ANSWER_LENGTH) {
    throw invalid(`is larger than ${MAX_DIRECTLINK_ANSWER_LENGTH} characters`);
  }
  // A byte-order mark is legal before the declaration; the validator would refuse it.
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  let nodes: unknown;
  try {
    checkWellFormed(text);
    nodes = parser.parse(text);
  } catch (error) {
    if (error instanceof OgoneProtocolError) throw error;
    throw invalid('could not be parsed (limits or structure)');
  }
  if (!Array.isArray(nodes)) throw invalid('is empty');

  const elements = (nodes as OrderedNode[]).filter((node) => !isText(tagOf(node)));
  if (elements.length !== 1) throw invalid('must hold exactly one element');
  const root = elements[0]!;
  const rootTag = tagOf(root);
  if (rootTag === undefined || rootTag.toLowerCase() !== 'ncresponse') {
    throw invalid('is not an <ncresponse> element');
  }

  const attributes = readAttributes(root);
  let htmlAnswer: string | undefined;
  for (const child of childrenOf(root, rootTag)) {
    const tag = tagOf(child);
    if (tag === undefined || isText(tag) || tag.toUpperCase() !== 'HTML_ANSWER') continue;
    if (htmlAnswer !== undefined) throw invalid('has HTML_ANSWER twice');
    htmlAnswer = textOf(childrenOf(child, tag));
  }
  return { attributes, htmlAnswer };
}
