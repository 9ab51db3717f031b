/**
 * The shopper's return from a Worldline Direct hosted checkout: the platform appends
 * `hostedCheckoutId` and `RETURNMAC` to the return URL (notes §2.5; whether anything else is
 * appended is unconfirmed, Gap 2, so nothing else is read). Our return URL adds `orderRef`, which
 * only says which element claims the return: the outcome is read server-side, never from here.
 */

/** What a Worldline Direct return carries, read (no outcome: that is read server-side). */
export interface WorldlineReturn {
  hostedCheckoutId: string | undefined;
  returnMac: string | undefined;
  orderRef: string | undefined;
}

/** The name our return URL gives the order reference. */
export const RETURN_ORDER_REF = 'orderRef';

function search(query: string | URLSearchParams): URLSearchParams {
  return typeof query === 'string' ? new URLSearchParams(query.replace(/^\?/, '')) : query;
}

/** Reads the return query (the first value of each name). */
export function readWorldlineReturn(query: string | URLSearchParams): WorldlineReturn {
  const params = search(query);
  const value = (name: string) => {
    const v = params.get(name);
    return v === null || v === '' ? undefined : v;
  };
  return {
    hostedCheckoutId: value('hostedCheckoutId'),
    returnMac: value('RETURNMAC'),
    orderRef: value(RETURN_ORDER_REF),
  };
}

/** True when a query string looks like a Worldline Direct return (`hostedCheckoutId` + `RETURNMAC`). */
export function hasWorldlineReturnParams(query: string | URLSearchParams): boolean {
  const read = readWorldlineReturn(query);
  return read.hostedCheckoutId !== undefined && read.returnMac !== undefined;
}
