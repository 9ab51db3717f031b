/** Reading what a browser or a server sent: the form (query or body) and the client address. */
import { FORM_MEDIA_TYPE, mediaType } from '../../internal/media-type.js';

/** The form of a GET (its query) or a POST (url-encoded or multipart body). */
export async function readForm(request: Request): Promise<URLSearchParams | 'unsupported'> {
  if (request.method === 'GET') return new URL(request.url).searchParams;
  const type = mediaType(request.headers.get('content-type'));
  if (type === '' || type === FORM_MEDIA_TYPE) {
    return new URLSearchParams(await request.text());
  }
  if (type === 'multipart/form-data') {
    const form = await request.formData();
    const search = new URLSearchParams();
    for (const [name, value] of form) if (typeof value === 'string') search.append(name, value);
    return search;
  }
  return 'unsupported';
}

/** The shopper's address as Ogone's IP field: the first `x-forwarded-for` hop, else loopback. */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded && /^[0-9a-fA-F.:]{2,45}$/.test(forwarded) ? forwarded : '127.0.0.1';
}
