/** Which provider runs behind the routes, from the validated `provider` option. */
import type { ResolvedOptions } from '../config/resolve-options.js';
import { createOgoneProvider } from './ogone/provider.js';
import type { PaymentProvider } from './provider.js';
import type { DirectLinkClient } from '../directlink/types.js';
import { worldlineDirectLink } from './worldline-direct/directlink-adapter.js';
import { createWorldlineDirectProvider, worldlineClientOf } from './worldline-direct/provider.js';

/**
 * Worldline Direct in the API user's place (`/pay`, the after-sale operations, the console run
 * on it unchanged); `undefined` for Ogone, whose API user is the `directLink` option.
 */
export function providerDirectLink(o: ResolvedOptions): DirectLinkClient | undefined {
  return o.providerName === 'worldline-direct'
    ? worldlineDirectLink(o, worldlineClientOf(o))
    : undefined;
}

export function createProvider(o: ResolvedOptions): PaymentProvider {
  return o.providerName === 'worldline-direct'
    ? createWorldlineDirectProvider(o)
    : createOgoneProvider(o);
}
