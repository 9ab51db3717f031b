/**
 * Defines `<ogone-checkout>` (side effect) and types its tag and events for TypeScript users.
 * Import `./ogone-checkout.component.js` instead for the class without registering the tag.
 */
import { OgoneCheckout } from './ogone-checkout.component.js';
import type {
  OgoneBeforeRedirectDetail,
  OgoneCardRemovedDetail,
  OgoneErrorDetail,
  OgoneReadyDetail,
  OgoneResultDetail,
  OgoneSaveCardChangeDetail,
} from './events.js';

export { OgoneCheckout };

if (!customElements.get('ogone-checkout')) {
  customElements.define('ogone-checkout', OgoneCheckout);
}

declare global {
  interface HTMLElementTagNameMap {
    'ogone-checkout': OgoneCheckout;
  }
  // The events bubble and are composed: typed on every element, on `document` and on `window`
  // (HTMLElementEventMap, DocumentEventMap and WindowEventMap all extend this one).
  interface GlobalEventHandlersEventMap {
    'ogone-ready': CustomEvent<OgoneReadyDetail>;
    'ogone-save-card-change': CustomEvent<OgoneSaveCardChangeDetail>;
    'ogone-before-redirect': CustomEvent<OgoneBeforeRedirectDetail>;
    'ogone-result': CustomEvent<OgoneResultDetail>;
    'ogone-error': CustomEvent<OgoneErrorDetail>;
    'ogone-card-removed': CustomEvent<OgoneCardRemovedDetail>;
  }
}
