/** The simulated acquirer: what a card's behaviour and the operation give as STATUS and NCERROR. */
import type { CardBehaviour } from '../cards.js';

/** The acquirer's answer. */
export interface Outcome {
  status: number;
  ncError: string;
  acceptance: string;
}

/** STATUS, NCERROR and ACCEPTANCE for a card (SAL = sale, RES = authorisation only). */
export function outcomeFor(behaviour: CardBehaviour, operation: 'SAL' | 'RES'): Outcome {
  switch (behaviour) {
    case 'success':
    // Once the shopper has authenticated, these cards are accepted.
    case 'challenge':
    case 'authentication-required':
      return { status: operation === 'RES' ? 5 : 9, ncError: '0', acceptance: 'test123' };
    case 'refused':
      return { status: 2, ncError: '30001001', acceptance: '' };
    case 'uncertain':
      return { status: operation === 'RES' ? 52 : 92, ncError: '20002001', acceptance: '' };
    case 'waiting':
      return { status: 41, ncError: '0', acceptance: '' };
  }
}

/** The issuer insists on 3-D Secure and the request offered none (DirectLink without a challenge). */
export const AUTHENTICATION_REQUIRED: Outcome = { status: 2, ncError: '40001139', acceptance: '' };

/** The shopper failed (or gave up) the 3-D Secure challenge. */
export const AUTHENTICATION_FAILED: Outcome = { status: 2, ncError: '40001134', acceptance: '' };

/** The shopper pressed Cancel. */
export const CANCELLED: Outcome = { status: 1, ncError: '', acceptance: '' };

/** True for the statuses of a payment that went through (authorised or paid). */
export function isSuccess(status: number): boolean {
  return status === 5 || status === 9;
}

/**
 * True when a payment with this status keeps its ORDERID: everything but a refusal, a cancel or an
 * invalid request (an uncertain or waiting payment may still be accepted, so no second one).
 */
export function holdsOrderId(status: number): boolean {
  return status !== 0 && status !== 1 && status !== 2 && status !== 93;
}
