/**
 * `ogone-checkout`: the storefront entry — the `<ogone-checkout>` element (defined on import), the
 * few isomorphic helpers a storefront uses, and every public type. Signing and DirectLink live in
 * `ogone-checkout/protocol` and `ogone-checkout/server`: nothing secret belongs in a browser.
 * @packageDocumentation
 */
// Defines <ogone-checkout>. Imported directly (not only through the re-exports below) so that
// bundlers honouring package.json `sideEffects` keep it even when no export is used.
import './element/ogone-checkout.js';

export * from './element/index.js';
export {
  describeStatus,
  fromOgoneAmount,
  isSuccessOutcome,
  normalizeAmount,
  toOgoneAmount,
} from './protocol/index.js';
export type * from './protocol/index.js';
