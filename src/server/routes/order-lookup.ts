/**
 * Asks the merchant's `resolveOrder` for an order and validates the answer: the order with its
 * amount in minor units, `null` when unknown, 502 `order-lookup-failed` when it throws or answers
 * something invalid (logged, scrubbed).
 */
import { explainIssues } from '../../internal/issues.js';
import { toOgoneAmount } from '../../protocol/amount.js';
import { describeError } from '../config/logger.js';
import { TrustedOrderSchema } from '../config/order-schema.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { fail } from '../http/failure.js';
import type { CheckedOrder } from '../rules/order-check.js';
import type { OgoneRequest } from '../types.js';

const LOOKUP_FAILED = 'The order could not be looked up; try again later.';

export async function lookupOrder(
  o: ResolvedOptions,
  orderRef: string,
  info: OgoneRequest,
): Promise<CheckedOrder | null> {
  let raw: unknown;
  try {
    raw = await o.resolveOrder(orderRef, info);
  } catch (error) {
    o.log({
      level: 'error',
      event: 'hook-failed',
      hook: 'resolveOrder',
      message: o.scrub(describeError(error)),
    });
    return fail('order-lookup-failed', LOOKUP_FAILED);
  }
  if (raw === null || raw === undefined) return null;
  const parsed = TrustedOrderSchema.safeParse(raw);
  if (parsed.success) return { order: parsed.data, minor: toOgoneAmount(parsed.data.amount) };
  o.log({
    level: 'error',
    event: 'hook-failed',
    hook: 'resolveOrder',
    message: `resolveOrder returned an invalid order: ${explainIssues(parsed.error.issues)}`,
  });
  return fail('order-lookup-failed', LOOKUP_FAILED);
}
