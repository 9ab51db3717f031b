/**
 * `sandbox/3ds`: the issuer's 3-D Secure page. The HTML_ANSWER form (or the hosted page) brings
 * the shopper here with a challenge token; **Complete authentication** or **Fail authentication**
 * finishes the payment once, then the shopper is sent on with the signed result.
 */
import type { SandboxContext } from '../context.js';
import { readForm } from '../http/request.js';
import { errorResponse, htmlResponse, redirectResponse } from '../http/responses.js';
import { platformPath } from '../http/router.js';
import { renderThreeDsPage } from '../pages/three-ds-page.js';
import type { Challenge } from '../state/challenges.js';
import type { Completion } from '../state/sessions.js';

/** The path of the 3-D Secure page, from the configuration. */
export function challengePath(context: SandboxContext, challenge: Challenge): string {
  return platformPath(context.config.basePath, challenge.environment, 'sandbox/3ds');
}

/** The page with its two buttons, allowed to post to itself and to the return URLs. */
export function challengePageResponse(
  context: SandboxContext,
  challenge: Challenge,
): Promise<Response> {
  return htmlResponse(
    renderThreeDsPage({
      action: challengePath(context, challenge),
      token: challenge.token,
      merchant: challenge.pspid,
      orderId: challenge.orderId,
      amountMinor: challenge.amountMinor,
      currency: challenge.currency,
      maskedCard: challenge.maskedCard,
      brand: challenge.brand,
    }),
    { formTargets: Object.values(challenge.urls) },
  );
}

/** What the shopper gets once the challenge is finished. */
export function completionResponse(completion: Completion): Response | Promise<Response> {
  return 'location' in completion
    ? redirectResponse(completion.location)
    : htmlResponse(completion.html);
}

export async function answerChallenge(
  request: Request,
  context: SandboxContext,
): Promise<Response> {
  if (request.method !== 'POST') {
    return errorResponse({ errorText: 'method not allowed', hint: 'This page is posted.' }, 405);
  }
  const form = await readForm(request);
  if (form === 'unsupported') return errorResponse({ errorText: 'unsupported content type' });
  const challenge = context.challenges.get(form.get('session') ?? '');
  if (challenge === undefined) {
    return errorResponse({
      errorText: 'session expired or unknown',
      hint: 'Start the payment again from the merchant’s site.',
    });
  }
  if (challenge.done) {
    await challenge.done;
    return completionResponse(challenge.completed!);
  }
  const action = form.get('action');
  if (action !== 'complete' && action !== 'fail') return challengePageResponse(context, challenge);
  challenge.done = challenge.finish(action === 'complete').then((completion) => {
    challenge.completed = completion;
  });
  await challenge.done;
  return completionResponse(challenge.completed!);
}
