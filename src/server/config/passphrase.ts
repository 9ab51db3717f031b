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
  option: 'shaIn' | 'shaOut';
  message: string;
}

/** Problems with the passphrases, by Ogone's rule. */
export function passphraseProblems(shaIn: string, shaOut: string): PassphraseProblem[] {
  const problems: PassphraseProblem[] = [];
  for (const [option, value] of [
    ['shaIn', shaIn],
    ['shaOut', shaOut],
  ] as const) {
    if (value.length < PASSPHRASE_MIN_LENGTH || value.length > PASSPHRASE_MAX_LENGTH) {
      problems.push({
        option,
        message: `must be ${PASSPHRASE_MIN_LENGTH}-${PASSPHRASE_MAX_LENGTH} characters (Ogone's rule)`,
      });
    }
  }
  if (shaIn === shaOut) {
    problems.push({
      option: 'shaOut',
      message: 'must differ from shaIn (two separate secrets in the Ogone back office)',
    });
  }
  return problems;
}
