/**
 * The client's HMAC-SHA256: synchronous `node:crypto` where the runtime has it (no thread-pool
 * round trip per call), else WebCrypto. Both give the same bytes (property-tested).
 */
import { webCryptoHmacSha256, type HmacSha256 } from '../../../protocol/worldline/hmac.js';

interface NodeCrypto {
  createHmac?: (
    algorithm: string,
    key: string,
  ) => { update(data: Uint8Array): { digest(encoding: 'base64'): string } };
}

function loadNodeCrypto(): NodeCrypto | undefined {
  // process.getBuiltinModule loads node:crypto without a static import, so this module still
  // loads on runtimes without node: modules (workers), where WebCrypto is used instead.
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule !== 'function') return undefined;
  try {
    return proc.getBuiltinModule('node:crypto') as NodeCrypto | undefined;
  } catch {
    return undefined;
  }
}

/** `node:crypto`'s HMAC, or `undefined` where it is not available. */
export const nodeHmacSha256: HmacSha256 | undefined = (() => {
  const createHmac = loadNodeCrypto()?.createHmac;
  if (typeof createHmac !== 'function') return undefined;
  return (key: string, data: Uint8Array) => createHmac('sha256', key).update(data).digest('base64');
})();

/** The default: `node:crypto` when present, else WebCrypto. */
export const defaultHmac: HmacSha256 = nodeHmacSha256 ?? webCryptoHmacSha256;
