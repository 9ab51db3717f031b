/**
 * Keeps the API password and the passphrases out of everything the DirectLink client hands out:
 * log lines, error messages and answers (a platform or a proxy that echoes the request must not
 * leak the password into the merchant's records).
 */
import type { DirectLinkAnswer } from '../../protocol/directlink-answer.js';
import { redactor } from '../../internal/redact.js';
import type { DirectLinkLogEntry } from './types.js';

export interface Scrubber {
  text(text: string): string;
  answer(answer: DirectLinkAnswer): DirectLinkAnswer;
  /** A logger that receives scrubbed entries and whose throws are ignored. */
  logger(
    log: ((entry: DirectLinkLogEntry) => void) | undefined,
  ): (entry: DirectLinkLogEntry) => void;
}

export function createScrubber(secrets: readonly (string | undefined)[]): Scrubber {
  const text = redactor(secrets);
  return {
    text,
    answer(answer) {
      const attributes: Record<string, string> = {};
      for (const [name, value] of Object.entries(answer.attributes)) attributes[name] = text(value);
      const out: Record<string, unknown> = { ...answer, attributes: Object.freeze(attributes) };
      for (const [key, value] of Object.entries(answer)) {
        if (typeof value === 'string') out[key] = text(value);
      }
      return out as unknown as DirectLinkAnswer;
    },
    logger(log) {
      return (entry) => {
        if (log === undefined) return;
        try {
          log(JSON.parse(text(JSON.stringify(entry))) as DirectLinkLogEntry);
        } catch {
          // A failing logger never changes a payment.
        }
      };
    },
  };
}
