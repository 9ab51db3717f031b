/**
 * `ogone-checkout/sandbox`: a local stand-in for Ogone's hosted payment page that speaks the real
 * protocol, as a web-standard `(request: Request) => Promise<Response>` handler.
 * @packageDocumentation
 */
export { createSandbox, type FetchHandler, type Sandbox } from './sandbox.js';
export { SandboxOptionsError, type SandboxFetch, type SandboxOptions } from './options.js';
export type { FeedbackDelivery } from './feedback.js';
export { TEST_CARDS, type CardBehaviour, type TestCard } from './cards.js';
