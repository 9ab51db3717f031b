/**
 * `<ogone-checkout>`: importing this module defines the tag.
 */
export { OgoneCheckout } from './ogone-checkout.js';
export {
  OGONE_ERROR_CODES,
  type OgoneBeforeRedirectDetail,
  type OgoneCardRemovedDetail,
  type OgoneCheckoutEventDetails,
  type OgoneCheckoutEventName,
  type OgoneCheckoutMode,
  type OgoneCheckoutState,
  type OgoneErrorCode,
  type OgoneErrorDetail,
  type OgoneReadyDetail,
  type OgoneResultDetail,
  type OgoneSaveCardChangeDetail,
} from './events.js';
export type { OgoneCheckoutLanguage, OgoneCheckoutStrings } from './strings.js';
export { OGONE_CHECKOUT_STRINGS } from './strings/all.js';
