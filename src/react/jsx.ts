/**
 * JSX types for the bare `<ogone-checkout>` tag in React 19, which sets properties and listens
 * to `on<event-name>` props on custom elements by itself: attributes in kebab case, `strings` as a
 * property, events as `onogone-result` and friends.
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type { OgoneCheckout } from '../element/ogone-checkout.component.js';
import type {
  OgoneBeforeRedirectDetail,
  OgoneCardRemovedDetail,
  OgoneErrorDetail,
  OgoneReadyDetail,
  OgoneResultDetail,
  OgoneSaveCardChangeDetail,
} from '../element/events.js';
import type { OgoneCheckoutStrings } from '../element/strings.js';

/** What `<ogone-checkout>` takes in TSX. */
export interface OgoneCheckoutJsxProps
  extends HTMLAttributes<OgoneCheckout>, RefAttributes<OgoneCheckout> {
  endpoint?: string;
  'order-ref'?: string;
  'save-card'?: 'off' | 'optional';
  'allowed-hosts'?: string;
  pspid?: string;
  'return-url'?: string;
  'sign-timeout'?: number | string;
  'verify-timeout'?: number | string;
  amount?: string;
  currency?: string;
  strings?: Partial<OgoneCheckoutStrings>;
  'onogone-ready'?: (event: CustomEvent<OgoneReadyDetail>) => void;
  'onogone-save-card-change'?: (event: CustomEvent<OgoneSaveCardChangeDetail>) => void;
  'onogone-before-redirect'?: (event: CustomEvent<OgoneBeforeRedirectDetail>) => void;
  'onogone-result'?: (event: CustomEvent<OgoneResultDetail>) => void;
  'onogone-error'?: (event: CustomEvent<OgoneErrorDetail>) => void;
  'onogone-card-removed'?: (event: CustomEvent<OgoneCardRemovedDetail>) => void;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'ogone-checkout': OgoneCheckoutJsxProps;
    }
  }
}
