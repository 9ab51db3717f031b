/**
 * `serve`'s provider from the environment: `OGONE_PROVIDER` (ogone | worldline-direct) and the
 * Worldline Direct settings `WORLDLINE_*` (the merchant id defaults to `OGONE_PSPID`). The settings
 * are passed whenever one is set, so a wrong one is reported even before the switch.
 */
import type { OgoneHandlerOptions } from '../types.js';
import type { ServeEnv } from './env.js';

const WORLDLINE_VARIABLES = [
  'WORLDLINE_MERCHANT_ID',
  'WORLDLINE_API_KEY_ID',
  'WORLDLINE_API_SECRET',
  'WORLDLINE_WEBHOOK_KEY_ID',
  'WORLDLINE_WEBHOOK_SECRET',
  'WORLDLINE_ENVIRONMENT',
  'WORLDLINE_BASE_URL',
] as const;

/** The handler's `provider` and `worldlineDirect` options. */
export function providerOptionsOf(
  config: ServeEnv,
): Pick<OgoneHandlerOptions, 'provider' | 'worldlineDirect'> {
  const given = WORLDLINE_VARIABLES.some((name) => config[name] !== undefined);
  if (!given && config.OGONE_PROVIDER === 'ogone') return { provider: 'ogone' };
  // Missing values are left out: the handler says "is required", `serve` names the variable.
  const settings: Record<string, unknown> = {
    merchantId: config.WORLDLINE_MERCHANT_ID ?? config.OGONE_PSPID,
    apiKeyId: config.WORLDLINE_API_KEY_ID,
    apiSecret: config.WORLDLINE_API_SECRET,
    webhookKeyId: config.WORLDLINE_WEBHOOK_KEY_ID,
    webhookSecret: config.WORLDLINE_WEBHOOK_SECRET,
    environment:
      config.WORLDLINE_BASE_URL !== undefined
        ? { baseUrl: config.WORLDLINE_BASE_URL }
        : (config.WORLDLINE_ENVIRONMENT ?? 'test'),
  };
  for (const name of Object.keys(settings)) if (settings[name] === undefined) delete settings[name];
  const worldlineDirect = settings as unknown as NonNullable<
    OgoneHandlerOptions['worldlineDirect']
  >;
  return { provider: config.OGONE_PROVIDER, worldlineDirect };
}

/** The Worldline Direct secrets, to scrub from `serve`'s output. */
export function providerSecrets(config: ServeEnv): (string | undefined)[] {
  return [config.WORLDLINE_API_SECRET, config.WORLDLINE_WEBHOOK_SECRET];
}
