/** Removes secrets from text bound for logs or answers: every given value, raw and URL-encoded. */

const MARK = '[redacted]';

/** The forms a secret may take in a text: as is, percent-encoded and form-encoded. */
function forms(secret: string): string[] {
  const out = new Set([secret]);
  try {
    out.add(encodeURIComponent(secret));
    out.add(encodeURIComponent(secret).replace(/%20/g, '+'));
  } catch {
    // A lone surrogate cannot be encoded, so it cannot appear encoded either.
  }
  return [...out];
}

/**
 * A function that replaces every secret (and its URL-encoded forms) with `[redacted]`. Empty and
 * missing values are ignored; longer secrets are replaced first so none survives inside another.
 */
export function redactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const list = [
    ...new Set(secrets.filter((s): s is string => s !== undefined && s !== '').flatMap(forms)),
  ].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of list) out = out.split(secret).join(MARK);
    return out;
  };
}

/** The password of a URL with credentials, decoded, or `undefined`. */
export function urlPassword(value: string): string | undefined {
  try {
    const { password } = new URL(value);
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    return undefined;
  }
}
