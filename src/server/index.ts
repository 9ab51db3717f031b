/**
 * `ogone-checkout/server`: the companion endpoint that holds the Ogone passphrases. It signs the
 * hosted-page form (`/sign`), verifies the shopper's return (`/verify`) and takes Ogone's
 * server-to-server feedback (`/feedback`). One web-standard handler, with adapters for `node:http`
 * and Express/Connect; it also mounts as a Next.js route handler, in Hono, Bun, Deno and workers.
 * @packageDocumentation
 */
export { createOgoneHandler, type FetchHandler, type OgoneHandler } from './handler.js';
export {
  toConnectMiddleware,
  toNodeListener,
  type ConnectMiddleware,
  type ConnectMiddlewareOptions,
  type NodeListener,
  type NodeListenerOptions,
} from './http/node-adapter.js';
export { OgoneConfigError } from './config/config-error.js';
export { createOgoneOperations, type OgoneOperationsOptions } from './operations/create.js';
export {
  OgoneOperationError,
  OPERATION_ERROR_CODES,
  type OperationErrorCode,
  type OperationErrorDetails,
} from './operations/errors.js';
export type {
  AmountOptions,
  CancelOptions,
  OgoneOperations,
  OperationKind,
  OperationRecord,
  OperationResult,
  OperationState,
  ReconciledPayment,
  ReconcileOptions,
  ReconcileReport,
  StatusResult,
  AfterSaleOperation,
} from './operations/types.js';
export type { AdminOptions } from './admin/options.js';
export {
  createBackendClient,
  type BackendClient,
  type BackendClientOptions,
} from './serve/backend-client.js';
export type {
  DigestFunction,
  DirectLinkLogEntry,
  DirectLinkOptions,
  EventLogEntry,
  FeedbackResult,
  LedgerVerdict,
  OgoneHandlerOptions,
  OgoneLogEntry,
  OgoneLogger,
  OgoneRequest,
  OnPaymentResult,
  OutboxOptions,
  OrderCheck,
  ProviderName,
  RequestLogEntry,
  ResolveOrder,
  TrustedCustomer,
  TrustedOrder,
  WorldlineDirectSettings,
} from './types.js';
export type { WorldlineEnvironment } from '../protocol/worldline/environment.js';
export type {
  EndpointErrorCode,
  HashAlgorithm,
  OgoneEnvironment,
  PaymentResult,
  SignedPayload,
  SignRequest,
  VerifyRequest,
} from '../protocol/index.js';
