/**
 * The Content-Security-Policy of a served 3-D Secure challenge: nothing but what its HTML needs —
 * its inline scripts by hash, its forms' targets by origin, inline styles — and never framed.
 * Whatever cannot be read safely is left out, so the policy fails closed (the form's button still
 * works without the script). Pure but for hashing.
 */
import { cspHash, cspOrigin } from '../../internal/csp.js';

/** The text of every inline `<script>` (those without `src`). */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1] ?? '';
    if (/\ssrc\s*=/i.test(attributes)) continue;
    scripts.push(match[2]!);
  }
  return scripts;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

/** The origins the page's forms post to (absolute http(s) actions only). */
export function formOrigins(html: string): string[] {
  const origins = new Set<string>();
  for (const form of html.matchAll(/<form\s[^>]*>/gi)) {
    const action = /\saction\s*=\s*("([^"]*)"|'([^']*)')/i.exec(form[0]);
    const raw = action?.[2] ?? action?.[3];
    if (raw === undefined) continue;
    const decoded = raw.replace(/&(?:amp|quot|#39|lt|gt);/g, (entity) => ENTITIES[entity]!);
    const origin = cspOrigin(decoded);
    if (origin !== undefined) origins.add(origin);
  }
  return [...origins];
}

/** The policy for this HTML. */
export async function challengeCsp(html: string): Promise<string> {
  const hashes = await Promise.all(inlineScripts(html).map((script) => cspHash(script)));
  const origins = formOrigins(html);
  return [
    "default-src 'none'",
    `script-src ${hashes.length > 0 ? [...new Set(hashes)].join(' ') : "'none'"}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    `form-action ${origins.length > 0 ? origins.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
