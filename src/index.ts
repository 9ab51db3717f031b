/**
 * `ogone-checkout`: the `<ogone-checkout>` element (defined on import) and every public type.
 * @packageDocumentation
 */
export * from './element/index.js';
export * from './protocol/index.js';
