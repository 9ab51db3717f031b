/**
 * `ogone-checkout/protocol`: the Ogone e-Commerce rules, isomorphic (Node 20, browsers, workers):
 * SHA-IN / SHA-OUT signatures, amounts, STATUS codes, parameter parsing and the endpoint contracts.
 * @packageDocumentation
 */
export { OgoneProtocolError, type OgoneProtocolErrorCode } from './errors.js';
export { SHA_OUT_PARAMETERS } from './sha-out-parameters.js';
export {
  composeShaString,
  digestHex,
  DIGEST_HEX_LENGTH,
  getReceivedSignature,
  HASH_ALGORITHMS,
  isHashAlgorithm,
  signaturesEqual,
  signShaIn,
  signShaOut,
  verifyShaOut,
  verifyShaOutWith,
  type DigestFunction,
  type HashAlgorithm,
  type Params,
  type SignatureDirection,
} from './sign.js';
export { amountsEqual, fromOgoneAmount, normalizeAmount, toOgoneAmount } from './amount.js';
export {
  describeStatus,
  isSuccessOutcome,
  OUTCOMES,
  STATUS_TABLE,
  type Outcome,
  type StatusInfo,
} from './status.js';
export {
  getParam,
  hasOgoneReturnParams,
  normalizeReturnParams,
  parseOgoneParams,
  stripOgoneReturnParams,
  type IncomingParams,
  type OgoneReturnView,
} from './params.js';
export {
  hostedPaymentPageUrl,
  KNOWN_OGONE_HOSTS,
  OGONE_BASE_URLS,
  OGONE_LANGUAGES,
  toOgoneLanguage,
  type OgoneEnvironment,
} from './environment.js';
export {
  EndpointErrorSchema,
  ORDER_REF_PATTERN,
  PaymentResultSchema,
  SignedPayloadSchema,
  SignRequestSchema,
  VerifyRequestSchema,
  type EndpointError,
  type EndpointErrorCode,
  type PaymentResult,
  type PaymentResultBase,
  type SignedPayload,
  type SignRequest,
  type VerifyRequest,
} from './schemas.js';
