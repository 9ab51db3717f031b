/** The `admin` option (the payments page): validated, with its derived keys and defaults. */
import * as z from 'zod';
import { OgoneConfigError } from '../config/config-error.js';
import { deriveKey } from './session.js';

/** `createOgoneHandler({ admin })`: turns the payments page on at `<basePath>/admin`. */
export interface AdminOptions {
  /**
   * The staff's sign-in token (at least 16 characters; e.g. `openssl rand -base64 24`). Every
   * instance with the same token accepts the same sessions; changing it signs everyone out.
   */
  token: string;
  /** How long a sign-in lasts. Default 8 hours. */
  sessionHours?: number | undefined;
  /** After how long a payment still waiting for the bank "needs attention". Default 60 minutes. */
  staleAfterMinutes?: number | undefined;
}

const AdminSchema = z.object(
  {
    token: z
      .string({ message: 'is required (the staff sign-in token)' })
      .min(16, { message: 'must be at least 16 characters' })
      .max(1024, { message: 'must be at most 1024 characters' }),
    sessionHours: z
      .number({ message: 'must be a number of hours' })
      .positive({ message: 'must be more than 0' })
      .max(24 * 30, { message: 'must be at most 720 hours' })
      .default(8),
    staleAfterMinutes: z
      .number({ message: 'must be a number of minutes' })
      .positive({ message: 'must be more than 0' })
      .default(60),
  },
  { message: 'must be an object { token }' },
);

export interface ResolvedAdmin {
  /** Never logged; kept to compare the sign-in. */
  token: string;
  sessionKey: Buffer;
  sessionMs: number;
  staleAfterMs: number;
}

/** `undefined` when the page is off. Throws {@link OgoneConfigError} naming the wrong field. */
export function resolveAdmin(input: unknown, hasLedger: boolean): ResolvedAdmin | undefined {
  if (input === undefined) return undefined;
  const parsed = AdminSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    throw new OgoneConfigError(path === '' ? 'admin' : `admin.${path}`, issue.message);
  }
  if (!hasLedger) {
    throw new OgoneConfigError('admin', 'needs a ledger (the page shows the recorded payments)');
  }
  const { token, sessionHours, staleAfterMinutes } = parsed.data;
  return {
    token,
    sessionKey: deriveKey(token, 'session'),
    sessionMs: sessionHours * 3_600_000,
    staleAfterMs: staleAfterMinutes * 60_000,
  };
}
