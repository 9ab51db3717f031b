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

/** Ogone's length rule for one passphrase, or `undefined` when it holds. */
export function passphraseLengthProblem(
  option: PassphraseProblem['option'],
  value: string,
): PassphraseProblem | undefined {
  if (value.length >= PASSPHRASE_MIN_LENGTH && value.length <= PASSPHRASE_MAX_LENGTH) {
    return undefined;
  }
  return {
    option,
    message: `must be ${PASSPHRASE_MIN_LENGTH}-${PASSPHRASE_MAX_LENGTH} characters (Ogone's rule)`,
  };
}

/** Problems with the passphrases, by Ogone's rule (the DirectLink one only when set apart). */
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
    const problem = passphraseLengthProblem(option, value);
    if (problem) problems.push(problem);
  }
  if (shaIn === shaOut) {
    problems.push({
      option: 'shaOut',
      message: 'must differ from shaIn (two separate secrets in the Ogone back office)',
    });
  }
  return problems;
}
