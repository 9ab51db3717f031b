/**
 * Where the tab keeps the verified result of an order (sessionStorage), so Reload and Back show the
 * receipt before the endpoint answers. Reading and writing it is in the return half.
 */

export function resultKey(orderRef: string): string {
  return `ogone-checkout:result:${orderRef}`;
}

/** Whether this tab kept a result for the order (storage may be unavailable: then no). */
export function hasStoredResult(orderRef: string): boolean {
  try {
    return sessionStorage.getItem(resultKey(orderRef)) !== null;
  } catch {
    return false;
  }
}
