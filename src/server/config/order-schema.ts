/**
 * `TrustedOrderSchema`: validates what `resolveOrder` returns (and what the `serve` order lookup
 * answers). Limits follow Ogone's field lengths loosely; an invalid order answers 502.
 */
import * as z from 'zod';
import { CURRENCY_PATTERN } from '../../contract/schemas.js';
import { toOgoneAmount } from '../../protocol/amount.js';
import type { TrustedOrder } from '../types.js';

const text = (max: number) => z.string().max(max).optional();

function isValidAmount(amount: string | number): boolean {
  try {
    toOgoneAmount(amount);
    return true;
  } catch {
    return false;
  }
}

/** Longest accepted customer fields (loosely Ogone's). */
export const CUSTOMER_LIMITS = {
  name: 100,
  email: 254,
  address: 200,
  zip: 20,
  town: 100,
  phone: 40,
} as const;
const COUNTRY = /^[A-Za-z]{2}$/;
const MAX_LANGUAGE = 35;
const MAX_CUSTOMER_ID = 200;

export const TrustedOrderSchema = z.object({
  amount: z.union([z.string(), z.number()]).refine(isValidAmount, {
    message: 'must be a non-negative decimal with at most two decimals, like "19.99"',
  }),
  currency: z.string().regex(CURRENCY_PATTERN, { message: 'must be an ISO 4217 code like "EUR"' }),
  language: z.string().max(MAX_LANGUAGE).optional(),
  customer: z
    .object({
      name: text(CUSTOMER_LIMITS.name),
      email: text(CUSTOMER_LIMITS.email),
      address: text(CUSTOMER_LIMITS.address),
      zip: text(CUSTOMER_LIMITS.zip),
      town: text(CUSTOMER_LIMITS.town),
      country: z
        .string()
        .regex(COUNTRY, { message: 'must be a two-letter country code' })
        .optional(),
      phone: text(CUSTOMER_LIMITS.phone),
    })
    .optional(),
  customerId: text(MAX_CUSTOMER_ID),
  allowSaveCard: z.boolean().optional(),
}) satisfies z.ZodType<TrustedOrder>;
