import type { HashAlgorithm } from '../../src/protocol/index.js';
import data from '../fixtures/ogone-vectors.json' with { type: 'json' };

export interface Vector {
  id: string;
  direction: 'in' | 'out';
  algorithm: HashAlgorithm;
  passphrase: string;
  params: Record<string, string>;
  expected: string;
}

/** The published Ogone test vectors (copied from the protocol notes into test/fixtures). */
export const VECTORS = data.vectors as unknown as Vector[];
