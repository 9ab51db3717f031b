/** The sandbox command's configuration from `SANDBOX_*`, `HOST` and `PORT`; demo values when unset. */
import { isHashAlgorithm, type HashAlgorithm } from '../../protocol/sign.js';
import type { SandboxOptions } from '../options.js';

/** Obviously-demo values, printed as such. */
export const DEMO = {
  pspid: 'DEMOSHOP',
  shaIn: 'demo-sha-in-passphrase',
  shaOut: 'demo-sha-out-passphrase',
  userId: 'DEMOAPI',
  password: 'demo-api-password',
};

/** The environment variable of each option, for messages. */
export const OPTION_VARIABLES: Readonly<Record<string, string>> = {
  pspid: 'SANDBOX_PSPID',
  shaIn: 'SANDBOX_SHA_IN',
  shaOut: 'SANDBOX_SHA_OUT',
  hashAlgorithm: 'SANDBOX_HASH_ALGORITHM',
  feedbackUrl: 'SANDBOX_FEEDBACK_URL',
  apiUser: 'SANDBOX_USERID / SANDBOX_PASSWORD',
  directLinkShaIn: 'SANDBOX_DIRECTLINK_SHA_IN',
  maintenanceDelayMs: 'SANDBOX_MAINTENANCE_DELAY_MS',
};

export interface SandboxCommandConfig {
  host: string;
  port: number;
  options: SandboxOptions;
  /** True when the passphrases are the demo values. */
  demoSecrets: boolean;
  /** True when the API user is the demo one. */
  demoApiUser: boolean;
}

/** Reads the environment; a string is the message for a wrong setting (it names the variable). */
export function readSandboxEnv(env: NodeJS.ProcessEnv): SandboxCommandConfig | string {
  const host = env['HOST'] || '127.0.0.1';
  const portText = env['PORT'] || '9000';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    return `PORT must be a port number (0-65535), got ${JSON.stringify(portText)}.`;
  }
  const algorithm = env['SANDBOX_HASH_ALGORITHM'] || 'sha512';
  if (!isHashAlgorithm(algorithm)) return 'SANDBOX_HASH_ALGORITHM must be sha1, sha256 or sha512.';
  const demoSecrets = !env['SANDBOX_SHA_IN'] && !env['SANDBOX_SHA_OUT'];
  if (!demoSecrets && (!env['SANDBOX_SHA_IN'] || !env['SANDBOX_SHA_OUT'])) {
    return 'set both SANDBOX_SHA_IN and SANDBOX_SHA_OUT, or neither for the demo values.';
  }
  const demoApiUser = !env['SANDBOX_USERID'] && !env['SANDBOX_PASSWORD'];
  if (!demoApiUser && (!env['SANDBOX_USERID'] || !env['SANDBOX_PASSWORD'])) {
    return 'set both SANDBOX_USERID and SANDBOX_PASSWORD, or neither for the demo API user.';
  }
  const delay = env['SANDBOX_MAINTENANCE_DELAY_MS'];
  if (delay && !/^\d{1,6}$/.test(delay)) {
    return 'SANDBOX_MAINTENANCE_DELAY_MS must be whole milliseconds (0-600000).';
  }
  const options: SandboxOptions = {
    pspid: env['SANDBOX_PSPID'] || DEMO.pspid,
    shaIn: env['SANDBOX_SHA_IN'] || DEMO.shaIn,
    shaOut: env['SANDBOX_SHA_OUT'] || DEMO.shaOut,
    hashAlgorithm: algorithm as HashAlgorithm,
    apiUser: {
      userId: env['SANDBOX_USERID'] || DEMO.userId,
      password: env['SANDBOX_PASSWORD'] || DEMO.password,
    },
    ...(env['SANDBOX_DIRECTLINK_SHA_IN']
      ? { directLinkShaIn: env['SANDBOX_DIRECTLINK_SHA_IN'] }
      : {}),
    ...(delay ? { maintenanceDelayMs: Number(delay) } : {}),
    ...(env['SANDBOX_FEEDBACK_URL'] ? { feedbackUrl: env['SANDBOX_FEEDBACK_URL'] } : {}),
  };
  return { host, port: Number(portText), options, demoSecrets, demoApiUser };
}

/** A `SandboxOptionsError` message with the option's name replaced by its variable's. */
export function optionMessageForEnv(option: string, message: string): string {
  const variable = OPTION_VARIABLES[option];
  if (variable === undefined) return message;
  const detail = message.replace(/^Invalid sandbox option \w+: /, '');
  return detail
    .replace(/apiUser\.userId/g, 'SANDBOX_USERID')
    .replace(/apiUser\.password/g, 'SANDBOX_PASSWORD')
    .split(option)
    .join(variable);
}
