/**
 * Verifies Ogone's SHA-OUT signature over received parameters, then builds the result from the
 * signed ones: the only way a route turns Ogone's parameters into a `PaymentResult`.
 */
import { getReceivedSignature, verifyShaOutWith } from '../../protocol/sign.js';
import type { IncomingParams } from '../../protocol/params.js';
import type { ResolvedOptions } from '../config/resolve-options.js';
import { fail } from '../http/failure.js';
import type { Facts } from '../http/request-log.js';
import { resultFromVerified, type VerifiedResult } from '../rules/verified-result.js';

export async function verifySigned(
  o: ResolvedOptions,
  params: IncomingParams,
  facts: Facts,
): Promise<VerifiedResult> {
  if (getReceivedSignature(params) === undefined) {
    fail('invalid-signature', 'The result carries no SHASIGN.');
  }
  if (!(await verifyShaOutWith(params, o.shaOut, o.hashAlgorithm, o.digest))) {
    fail('invalid-signature', 'The result signature (SHASIGN) does not match.');
  }
  const verified = resultFromVerified(params);
  facts.orderRef = verified.result.orderRef;
  facts.orderId = verified.result.orderId;
  facts.idempotencyKey = verified.result.idempotencyKey;
  return verified;
}
