/**
 * The payments page's script: one bundled ES module built by `npm run build:lib` into
 * `dist/admin-ui/admin.js` (lit included, nothing fetched from elsewhere), read once and served
 * from the endpoint's own origin with its hash as ETag.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CoreResponse } from '../http/core.js';

/** From `dist/server/admin/` in the package; from `src/server/admin/` in this repository. */
const CANDIDATES = [
  new URL('../../admin-ui/admin.js', import.meta.url),
  new URL('../../../dist/admin-ui/admin.js', import.meta.url),
];

interface Asset {
  body: string;
  etag: string;
}

let loaded: Promise<Asset | undefined> | undefined;

async function load(): Promise<Asset | undefined> {
  for (const url of CANDIDATES) {
    try {
      const body = await readFile(url, 'utf8');
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      return { body, etag };
    } catch {
      // not at this place
    }
  }
  return undefined;
}

/** The script's answer (304 when the browser has it, 503 when it was never built). */
export async function scriptResponse(ifNoneMatch: string | null): Promise<CoreResponse> {
  loaded ??= load();
  const asset = await loaded;
  if (asset === undefined) {
    loaded = undefined;
    return {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      body: "The payments page's script is not built: run npm run build:lib.",
    };
  }
  const headers = {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'no-cache',
    etag: asset.etag,
    'x-content-type-options': 'nosniff',
  };
  if (ifNoneMatch === asset.etag) return { status: 304, headers, body: '' };
  return { status: 200, headers, body: asset.body };
}
