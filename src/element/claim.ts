/**
 * Which `<ogone-checkout>` a return is for, when a page has several: the one whose `order-ref` is
 * the return's order (its signed `COMPLUS`, verified afterwards), else the first without an
 * `order-ref`, else the first (which then shows `order-mismatch`). The others stay in checkout.
 */

/**
 * The order reference a return says it is for (Ogone's `COMPLUS`, any case; Worldline Direct's
 * `orderRef`, which our return URL carries), if any.
 */
export function returnOrderRef(query: string): string | undefined {
  for (const [name, value] of new URLSearchParams(query)) {
    if (name.toUpperCase() === 'COMPLUS' || name === 'orderRef') return value;
  }
  return undefined;
}

/** Index, among the elements' `order-ref`s in connection order, of the one that claims the return. */
export function claimantIndex(orderRefs: readonly string[], returnRef: string | undefined): number {
  const exact = returnRef ? orderRefs.indexOf(returnRef) : -1;
  if (exact >= 0) return exact;
  const unnamed = orderRefs.indexOf('');
  return unnamed >= 0 ? unnamed : 0;
}
