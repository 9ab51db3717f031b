/**
 * `ogone-checkout`: the `<ogone-checkout>` element (defined on import) and every public type.
 * @packageDocumentation
 */
// Defines <ogone-checkout>. Imported directly (not only through the re-exports below) so that
// bundlers honouring package.json `sideEffects` keep it even when no export is used.
import './element/ogone-checkout.js';

export * from './element/index.js';
export * from './protocol/index.js';
