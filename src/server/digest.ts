/** The hash functions behind SHASIGN: synchronous `node:crypto` where available, else WebCrypto. */
import { digestHex, type HashAlgorithm } from '../protocol/sign.js';
import type { DigestFunction } from './types.js';

/** Hashes with WebCrypto (`crypto.subtle`): works in every runtime, asynchronous. */
export const webCryptoDigest: DigestFunction = (text, algorithm) => digestHex(text, algorithm);

interface NodeCrypto {
  createHash?: (algorithm: string) => {
    update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string };
  };
  /** One-shot hashing (Node ≥ 20.12): no Hash object per call. */
  hash?: (algorithm: string, data: string, outputEncoding: 'hex') => string;
}

function loadNodeCrypto(): NodeCrypto | undefined {
  // process.getBuiltinModule (Node ≥ 20.16, Bun, Deno) loads node:crypto without a static import,
  // so this module still loads in workers and browsers-like runtimes that have no node: modules.
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule !== 'function') return undefined;
  try {
    return proc.getBuiltinModule('node:crypto') as NodeCrypto | undefined;
  } catch {
    return undefined;
  }
}

/**
 * Hashes synchronously with `node:crypto` — much cheaper under load than WebCrypto, whose every
 * digest is a round trip through the thread pool. `undefined` where `node:crypto` is unavailable.
 */
export const nodeCryptoDigest: DigestFunction | undefined = (() => {
  const crypto = loadNodeCrypto();
  const { hash, createHash } = crypto ?? {};
  if (typeof hash === 'function') {
    return (text: string, algorithm: HashAlgorithm) => hash(algorithm, text, 'hex').toUpperCase();
  }
  if (typeof createHash === 'function') {
    return (text: string, algorithm: HashAlgorithm) =>
      createHash(algorithm).update(text, 'utf8').digest('hex').toUpperCase();
  }
  return undefined;
})();

/** The default: `node:crypto` when the runtime has it, else WebCrypto. */
export const defaultDigest: DigestFunction = nodeCryptoDigest ?? webCryptoDigest;
