/** The media type of a `content-type` header: lower-case, without parameters (`; charset=…`). */
export function mediaType(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const semicolon = value.indexOf(';');
  return (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
}

export const JSON_MEDIA_TYPE = 'application/json';
export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
