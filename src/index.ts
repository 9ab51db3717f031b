/**
 * `ogone-checkout`: the `<ogone-checkout>` element and every public type.
 * @packageDocumentation
 */
export * from './protocol/index.js';
