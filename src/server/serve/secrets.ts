/**
 * Every secret the `serve` environment holds — passphrases, the API user's password, tokens,
 * the Worldline Direct keys and the passwords inside URLs — for the one redactor that `serve`,
 * `doctor` and the after-sale commands put in front of everything they print.
 */
import { urlPassword } from '../../internal/redact.js';
import type { ServeEnv } from './env.js';
import type { LedgerEnv } from './ledger-env.js';
import { providerSecrets } from './provider-env.js';

export function serveSecrets(config: ServeEnv, ledger: LedgerEnv): (string | undefined)[] {
  return [
    config.OGONE_SHA_IN,
    config.OGONE_SHA_OUT,
    config.OGONE_BACKEND_TOKEN,
    config.OGONE_ADMIN_TOKEN,
    config.OGONE_PASSWORD,
    config.OGONE_DIRECTLINK_SHA_IN,
    urlPassword(config.OGONE_ORDER_LOOKUP_URL),
    urlPassword(config.OGONE_RESULT_WEBHOOK_URL),
    urlPassword(ledger.OGONE_DATABASE_URL),
    ...providerSecrets(config),
  ];
}
