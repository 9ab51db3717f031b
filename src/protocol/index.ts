/**
 * `ogone-checkout/protocol`: the Ogone e-Commerce rules, isomorphic (Node 20, browsers, workers):
 * SHA-IN / SHA-OUT signatures, amounts, STATUS codes, parameter parsing, DirectLink requests and
 * answers, and the types of the element <-> endpoint contract.
 * @packageDocumentation
 */
export { OgoneProtocolError, type OgoneProtocolErrorCode } from './errors.js';
export { SHA_OUT_PARAMETERS } from './sha-out-parameters.js';
export {
  HASH_ALGORITHMS,
  signShaIn,
  signShaOut,
  verifyShaOut,
  verifyShaOutWith,
  type DigestFunction,
  type HashAlgorithm,
  type Params,
} from './sign.js';
export { fromOgoneAmount, normalizeAmount, toOgoneAmount } from './amount.js';
export { describeStatus, isSuccessOutcome, type Outcome, type StatusInfo } from './status.js';
export {
  normalizeReturnParams,
  parseOgoneParams,
  type IncomingParams,
  type OgoneReturnView,
} from './params.js';
export {
  directLinkUrl,
  toOgoneLanguage,
  type DirectLinkPage,
  type OgoneEnvironment,
} from './environment.js';
export {
  buildDirectLinkRequest,
  type DirectLinkRequest,
  type DirectLinkRequestInput,
} from './directlink-request.js';
export { parseDirectLinkAnswer, type DirectLinkAnswer } from './directlink-answer.js';
export { MAX_DIRECTLINK_ANSWER_LENGTH } from './directlink-xml.js';
export { NCERROR } from './directlink-ncerror.js';
export type {
  EndpointError,
  PaymentResult,
  PaymentResultBase,
  SignedPayload,
  SignRequest,
  VerifyRequest,
} from '../contract/types.js';
export type { EndpointErrorCode } from '../contract/errors.js';
