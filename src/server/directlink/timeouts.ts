/**
 * The two timeouts of a DirectLink call: `RTIMEOUT`, how long Ogone may work on it (30–90 s),
 * and the client's own, always longer, so that Ogone has given up before the client does.
 */
import { OgoneConfigError } from '../config/config-error.js';

export const RTIMEOUT_MIN_SECONDS = 30;
export const RTIMEOUT_MAX_SECONDS = 90;
export const DEFAULT_RTIMEOUT_SECONDS = 30;
/** How much longer than RTIMEOUT the client waits by default (the answer still has to travel). */
export const CLIENT_TIMEOUT_MARGIN_MS = 10_000;

export interface Timeouts {
  requestTimeoutSeconds: number;
  clientTimeoutMs: number;
}

/** Checks and completes the timeouts; a wrong one throws `OgoneConfigError` naming it. */
export function resolveTimeouts(
  requestTimeoutSeconds: number | undefined,
  clientTimeoutMs: number | undefined,
): Timeouts {
  const rtimeout = requestTimeoutSeconds ?? DEFAULT_RTIMEOUT_SECONDS;
  if (
    !Number.isInteger(rtimeout) ||
    rtimeout < RTIMEOUT_MIN_SECONDS ||
    rtimeout > RTIMEOUT_MAX_SECONDS
  ) {
    throw new OgoneConfigError(
      'directLink.timeoutSeconds',
      `must be a whole number of seconds from ${RTIMEOUT_MIN_SECONDS} to ${RTIMEOUT_MAX_SECONDS} (Ogone's RTIMEOUT)`,
    );
  }
  const client = clientTimeoutMs ?? rtimeout * 1000 + CLIENT_TIMEOUT_MARGIN_MS;
  if (!Number.isFinite(client) || client <= rtimeout * 1000) {
    throw new OgoneConfigError(
      'directLink.clientTimeoutMs',
      `must be longer than RTIMEOUT (${rtimeout} s), or a lost answer could still be processed`,
    );
  }
  return { requestTimeoutSeconds: rtimeout, clientTimeoutMs: client };
}
