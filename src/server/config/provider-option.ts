/**
 * The `provider` and `worldlineDirect` options: which platform runs, and its Worldline Direct
 * settings validated by name (`worldlineDirect.apiSecret must not be empty`, never the value).
 * Worldline Direct needs a ledger: the hosted checkout id and its RETURNMAC are kept there.
 */
import type { ProviderName } from '../providers/provider.js';
import {
  resolveWorldlineSettings,
  type ResolvedWorldlineSettings,
} from '../providers/worldline-direct/options.js';
import type { OgoneHandlerOptions } from '../types.js';
import { OgoneConfigError } from './config-error.js';

export interface ResolvedProviderOption {
  providerName: ProviderName;
  /** Validated whenever given (so switching `provider` later cannot fail at run time). */
  worldlineDirect: ResolvedWorldlineSettings | undefined;
}

export function resolveProviderOption(
  input: OgoneHandlerOptions,
  providerName: ProviderName,
): ResolvedProviderOption {
  const given = input.worldlineDirect;
  const worldlineDirect =
    given === undefined ? undefined : resolveWorldlineSettings(given, 'worldlineDirect.');
  if (providerName === 'worldline-direct') {
    if (worldlineDirect === undefined) {
      throw new OgoneConfigError(
        'worldlineDirect',
        'is required with provider "worldline-direct" ({ merchantId, apiKeyId, apiSecret, webhookKeyId, webhookSecret, environment })',
      );
    }
    if (input.ledger === undefined) {
      throw new OgoneConfigError(
        'ledger',
        'is required with provider "worldline-direct" (the hosted checkout id and its RETURNMAC are kept there)',
      );
    }
  }
  return { providerName, worldlineDirect };
}
