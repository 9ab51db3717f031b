/** The default logger (warnings and errors to the console) and the never-throwing log call. */
import type { OgoneLogEntry, OgoneLogger } from '../types.js';

/**
 * Console output for warnings and errors only; request lines (and DirectLink exchanges that went
 * well) are left to an explicit logger.
 */
export const defaultLogger: OgoneLogger = (entry) => {
  if (entry.event === 'request' || entry.level === 'info') return;
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'error') console.error(line);
  else console.warn(line);
};

/** Wraps a logger so that a failing one never changes an answer. */
export function safeLog(logger: OgoneLogger | undefined): (entry: OgoneLogEntry) => void {
  return (entry) => {
    if (logger === undefined) return;
    try {
      logger(entry);
    } catch {
      // A failing logger must never change an answer.
    }
  };
}

/** `describeError`: a foreign error as one bounded line (name and message, never a stack). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}
