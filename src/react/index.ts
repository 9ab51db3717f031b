/**
 * `ogone-checkout/react`: `<OgoneCheckout>` for React, a `@lit/react` wrapper of the element that
 * sets properties (objects such as `strings` too) and listens to the element's events through typed
 * `onOgone…` props, in React 18 and 19. Importing it defines `<ogone-checkout>` and also types the
 * bare tag in TSX (React 19 handles custom elements natively).
 * @packageDocumentation
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { OgoneCheckout as OgoneCheckoutElement } from '../element/ogone-checkout.js';
import type {
  OgoneBeforeRedirectDetail,
  OgoneCardRemovedDetail,
  OgoneErrorDetail,
  OgoneReadyDetail,
  OgoneResultDetail,
  OgoneSaveCardChangeDetail,
} from '../element/events.js';
export type { OgoneCheckoutJsxProps } from './jsx.js';

/** The React component: attributes and properties as props, events as `onOgone…` callbacks. */
export const OgoneCheckout = createComponent({
  react: React,
  tagName: 'ogone-checkout',
  elementClass: OgoneCheckoutElement,
  displayName: 'OgoneCheckout',
  events: {
    onOgoneReady: 'ogone-ready' as EventName<CustomEvent<OgoneReadyDetail>>,
    onOgoneSaveCardChange: 'ogone-save-card-change' as EventName<
      CustomEvent<OgoneSaveCardChangeDetail>
    >,
    onOgoneBeforeRedirect: 'ogone-before-redirect' as EventName<
      CustomEvent<OgoneBeforeRedirectDetail>
    >,
    onOgoneResult: 'ogone-result' as EventName<CustomEvent<OgoneResultDetail>>,
    onOgoneError: 'ogone-error' as EventName<CustomEvent<OgoneErrorDetail>>,
    onOgoneCardRemoved: 'ogone-card-removed' as EventName<CustomEvent<OgoneCardRemovedDetail>>,
  },
});

/** The props of {@link OgoneCheckout}. */
export type OgoneCheckoutProps = React.ComponentProps<typeof OgoneCheckout>;
