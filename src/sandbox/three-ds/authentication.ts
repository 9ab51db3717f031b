/**
 * What the card's issuer asks for before the acquirer answers (3-D Secure): nothing, a challenge
 * of the shopper, or a refusal because the request offered no authentication. Pure.
 */
import type { CardBehaviour } from '../cards.js';

export type Authentication = 'frictionless' | 'challenge' | 'required';

/**
 * The hosted page always runs 3-D Secure itself, so it challenges whenever the issuer wants to.
 * DirectLink challenges only when the request asked for it (`FLAG3D=Y`); an issuer that insists
 * otherwise refuses with NCERROR 40001139, and the `authentication-required` card never offers a
 * challenge there (the merchant must send the shopper to the hosted page).
 */
export function authenticationFor(
  behaviour: CardBehaviour,
  channel: 'hosted-page' | 'directlink',
  flag3d: boolean,
): Authentication {
  if (behaviour !== 'challenge' && behaviour !== 'authentication-required') return 'frictionless';
  if (channel === 'hosted-page') return 'challenge';
  return behaviour === 'challenge' && flag3d ? 'challenge' : 'required';
}
