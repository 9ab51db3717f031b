/** Reads a `Response` or `Request` body up to a byte bound: a huge or endless one is cut off. */

type WithBody = {
  readonly body: ReadableStream<Uint8Array> | null;
  readonly headers?: { get(name: string): string | null };
};

/**
 * The body's bytes, an empty array when there is none, `undefined` as soon as it is known to be
 * longer than `limit` bytes (a declared content-length, or the bytes read so far): the rest is
 * never read, and the stream is cancelled.
 */
export async function readBoundedBytes(
  message: WithBody,
  limit: number,
): Promise<Uint8Array | undefined> {
  if (Number(message.headers?.get('content-length') ?? 0) > limit) {
    await message.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (message.body === null) return new Uint8Array(0);
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
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as UTF-8 text, `''` when there is none, `undefined` when longer than `limit` bytes. */
export async function readBoundedText(
  message: WithBody,
  limit: number,
): Promise<string | undefined> {
  const bytes = await readBoundedBytes(message, limit);
  return bytes === undefined ? undefined : new TextDecoder('utf-8').decode(bytes);
}
