/**
 * The `HTML_ANSWER` of a DirectLink 3-D Secure challenge: a form that posts the challenge token to
 * the sandbox's 3-D Secure page, submitted by a one-line script. The script never changes, so a
 * page that serves it under a strict CSP allows it by hash (`THREE_DS_SCRIPT_HASH`); the form's
 * visible button still works when scripts are off.
 */
import { cspHash } from '../../internal/csp.js';
import { escapeHtml } from '../pages/layout.js';

/** The auto-submit script, byte for byte as it appears in the answer. */
export const THREE_DS_SCRIPT = "document.getElementById('ogone-3ds-form').submit();";

/** `'sha256-…'` of {@link THREE_DS_SCRIPT}, for a `script-src` directive. */
export const THREE_DS_SCRIPT_HASH: Promise<string> = cspHash(THREE_DS_SCRIPT);

/** The HTML fragment: the form to the challenge page, its button, and the script. */
export function threeDsHtml(action: string, token: string): string {
  return `<form id="ogone-3ds-form" method="post" action="${escapeHtml(action)}" accept-charset="UTF-8">
<input type="hidden" name="session" value="${escapeHtml(token)}">
<p>Your bank asks you to confirm this payment.</p>
<button type="submit">Continue to your bank</button>
</form>
<script>${THREE_DS_SCRIPT}</script>`;
}

/** Base64 of the UTF-8 bytes, as `HTML_ANSWER` carries it. */
export function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
