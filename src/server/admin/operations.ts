/**
 * What the payments page needs from the after-sale operations (capture, cancel, refund), and
 * their refusals in plain words. Amounts are minor units.
 */

export interface AdminOperationOptions {
  /** Minor units; the whole remaining amount when absent. */
  amount?: number | undefined;
  /** The last capture or refund of this payment (SAS / RFS). */
  final?: boolean | undefined;
  /** Idempotency key: the same key twice does the operation once. */
  key?: string | undefined;
}

/** The operations the page calls, by the payment's ORDERID. */
export interface AdminOperations {
  capture(ref: string, options: AdminOperationOptions): Promise<unknown>;
  cancel(ref: string, options: Pick<AdminOperationOptions, 'key'>): Promise<unknown>;
  refund(ref: string, options: AdminOperationOptions): Promise<unknown>;
}

export type AdminAction = 'capture' | 'cancel' | 'refund';

export const ADMIN_ACTIONS: readonly AdminAction[] = ['capture', 'cancel', 'refund'];

/** An operation's typed refusal: an error with a stable `code` (and a safe message). */
export function refusalOf(error: unknown): { code: string; message: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? { code, message: error.message } : undefined;
}

/** Plain words for the refusals staff meet; other codes keep the operation's own message. */
const PLAIN: Readonly<Record<string, string>> = {
  'amount-too-high': 'That is more than is left on this payment.',
  'nothing-to-capture': 'There is nothing left to capture on this payment.',
  'nothing-to-refund': 'There is nothing left to refund on this payment.',
  'not-capturable': 'This payment cannot be captured now.',
  'not-refundable': 'This payment cannot be refunded now.',
  'not-cancellable': 'This payment cannot be cancelled now.',
  'operation-in-progress': 'Another action on this payment is still waiting for the bank.',
  'platform-unavailable': 'Ogone could not be reached. Nothing was changed; try again shortly.',
};

export function plainRefusal(refusal: { code: string; message: string }): string {
  return PLAIN[refusal.code] ?? refusal.message;
}
