/** Which provider runs behind the routes, from the validated `provider` option. */
import type { ResolvedOptions } from '../config/resolve-options.js';
import { createOgoneProvider } from './ogone/provider.js';
import type { PaymentProvider } from './provider.js';
import { createWorldlineDirectProvider } from './worldline-direct/provider.js';

export function createProvider(o: ResolvedOptions): PaymentProvider {
  return o.providerName === 'worldline-direct'
    ? createWorldlineDirectProvider(o)
    : createOgoneProvider(o);
}
