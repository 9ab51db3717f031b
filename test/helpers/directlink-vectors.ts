/** The DirectLink vectors (SHA-IN and XML answers), copied byte for byte from the protocol notes. */
import type { DirectLinkPage, HashAlgorithm } from '../../src/protocol/index.js';
import data from '../fixtures/directlink-vectors.json' with { type: 'json' };

export interface ShaInVector {
  name: string;
  source: string;
  algorithm: HashAlgorithm;
  passphrase: string;
  params: Record<string, string>;
  expected: string;
  page?: DirectLinkPage;
  /** The form body the source sent (lower-case hex in SHASIGN). */
  body?: string;
}

export interface XmlVector {
  name: string;
  source: string;
  xml: string;
  /** Fields of the parsed answer, by their name in `DirectLinkAnswer`. */
  expect: Record<string, string | number>;
}

export const SHA_IN_VECTORS = data.sha_in as unknown as ShaInVector[];
export const XML_VECTORS = data.xml as unknown as XmlVector[];
