/**
 * `ogone-checkout/sandbox`: a local stand-in for the Ogone platform that speaks the real protocol —
 * the hosted payment page, DirectLink (orderdirect, maintenancedirect, querydirect) and 3-D
 * Secure — as a web-standard `(request: Request) => Promise<Response>` handler.
 * @packageDocumentation
 */
export { createSandbox, type FetchHandler, type Sandbox } from './sandbox.js';
export {
  SandboxOptionsError,
  type SandboxApiUser,
  type SandboxFetch,
  type SandboxOptions,
} from './options.js';
export type { SandboxControls } from './sandbox-pages/controls.js';
export type { ControlsState, DirectLinkPage } from './state/controls.js';
export type { FeedbackDelivery } from './feedback.js';
export { TEST_CARDS, type CardBehaviour, type TestCard } from './cards.js';
export { createWorldlineSandbox, type WorldlineSandbox } from './worldline/sandbox.js';
export type {
  LegacyAliasLookup,
  LegacyCard,
  WorldlineSandboxOptions,
} from './worldline/options.js';
export type { WebhookDelivery } from './worldline/webhooks.js';
