/**
 * Integration mistakes said out loud: besides the `ogone-error` event, a `console.error` that names
 * the attribute or server option to fix, so a developer without a listener sees it.
 */
import type { OgoneErrorDetail } from './events.js';

/** The hint for an error that is the integrator's to fix (`cause` keys "once per cause"), else null. */
export function hintFor(error: OgoneErrorDetail): { cause: string; message: string } | null {
  const cause = (error.cause ?? {}) as { code?: unknown; status?: unknown; challenge?: unknown };
  switch (error.code) {
    case 'foreign-action':
      if (cause.challenge !== undefined) {
        return {
          cause: 'foreign-challenge',
          message: `${error.message} The endpoint serves the 3-D Secure challenge from its own origin (GET <basePath>/challenge/<id>): the endpoint attribute must point at that same endpoint.`,
        };
      }
      return {
        cause: 'foreign-action',
        message: `${error.message} For the local sandbox, add its host to the allowed-hosts attribute (allowed-hosts="127.0.0.1:9000"); in production, check the endpoint's environment option (OGONE_ENVIRONMENT / OGONE_BASE_URL for ogone-checkout serve).`,
      };
    case 'pspid-mismatch':
      return {
        cause: 'pspid',
        message: `${error.message} Check the pspid attribute and the endpoint's pspid option (OGONE_PSPID for ogone-checkout serve).`,
      };
    case 'signing-rejected':
      return cause.code === 'save-card-not-allowed'
        ? {
            cause: 'save-card',
            message:
              'save-card="optional" offers to save the card, but the endpoint does not allow it for this order: return allowSaveCard: true from resolveOrder (for ogone-checkout serve, from OGONE_ORDER_LOOKUP_URL), or remove the save-card attribute.',
          }
        : null;
    case 'configuration':
      if (cause.code === 'return-url-not-allowed') {
        return {
          cause: 'return-url-not-allowed',
          message: `${error.message} Add this page's origin to the endpoint's allowedReturnOrigins option (OGONE_ALLOWED_RETURN_ORIGINS for ogone-checkout serve), or set the return-url attribute to a page on an allowed origin.`,
        };
      }
      if (cause.status !== undefined) {
        return {
          cause: 'route',
          message: `${error.message} Check the endpoint attribute: it is the endpoint's basePath (default /ogone), e.g. endpoint="/ogone".`,
        };
      }
      // The element's own checks: the message names the attribute.
      return { cause: error.message, message: error.message };
    default:
      return null;
  }
}
