/** Reads a `Response` or `Request` body as UTF-8 up to a byte bound: a huge or endless one is cut off. */

/** The body as text, `''` when there is none, `undefined` when it is longer than `limit` bytes. */
export async function readBoundedText(
  message: { readonly body: ReadableStream<Uint8Array> | null },
  limit: number,
): Promise<string | undefined> {
  if (message.body === null) return '';
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder('utf-8').decode(bytes);
}
