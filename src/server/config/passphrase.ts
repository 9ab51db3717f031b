/** Ogone's passphrase rules, and which environments enforce them (prod) or only warn (test). */
import type { OgoneEnvironment } from '../../protocol/environment.js';

/** Ogone's rule for passphrases (back office, "Global security parameters"). */
export const PASSPHRASE_MIN_LENGTH = 16;
export const PASSPHRASE_MAX_LENGTH = 32;

/** `test` rules for 'test' and `{ baseUrl }` ending in `/test`; `prod` rules otherwise. */
export function isTestEnvironment(environment: OgoneEnvironment): boolean {
  if (environment === 'test') return true;
  if (environment === 'prod') return false;
  try {
    const segments = new URL(environment.baseUrl).pathname.split('/').filter(Boolean);
    return segments[segments.length - 1] === 'test';
  } catch {
    return false;
  }
}

/** A broken passphrase rule; the message never contains a passphrase. */
export interface PassphraseProblem {
  option: 'shaIn' | 'shaOut' | 'directLink.shaIn';
  message: string;
}

/**
 * Passphrases published with this package (demo, sandbox defaults, README examples): anyone can
 * read them, so they never protect a real shop.
 */
const PUBLISHED_PASSPHRASES: ReadonlySet<string> = new Set([
  'demo-sha-in-passphrase',
  'demo-sha-out-passphrase',
  'demo-sha-in-Passphrase-1',
  'demo-sha-out-Passphrase-2',
  'your-16-to-32-char-secret',
  'another-16-to-32-secret',
]);

/** Why a passphrase is obviously weak, or `undefined`. Never mentions the value. */
export function weakness(value: string): string | undefined {
  if (value.length < PASSPHRASE_MIN_LENGTH || value.length > PASSPHRASE_MAX_LENGTH) {
    return `must be ${PASSPHRASE_MIN_LENGTH}-${PASSPHRASE_MAX_LENGTH} characters (Ogone's rule)`;
  }
  if (/^(.)\1*$/su.test(value)) return 'must not be one repeated character';
  if (/^\d+$/.test(value)) return 'must not be all digits';
  if (PUBLISHED_PASSPHRASES.has(value)) {
    return 'is a published demo value; generate a secret of your own';
  }
  return undefined;
}

/**
 * Problems with the passphrases, by Ogone's rule and obvious weakness (the DirectLink one only
 * when it is set apart from `shaIn`).
 */
export function passphraseProblems(
  shaIn: string,
  shaOut: string,
  directLinkShaIn?: string,
): PassphraseProblem[] {
  const problems: PassphraseProblem[] = [];
  const checked: [PassphraseProblem['option'], string][] = [
    ['shaIn', shaIn],
    ['shaOut', shaOut],
  ];
  if (directLinkShaIn !== undefined) checked.push(['directLink.shaIn', directLinkShaIn]);
  for (const [option, value] of checked) {
    const why = weakness(value);
    if (why !== undefined) problems.push({ option, message: why });
  }
  if (shaIn === shaOut) {
    problems.push({
      option: 'shaOut',
      message: 'must differ from shaIn (two separate secrets in the Ogone back office)',
    });
  }
  return problems;
}
