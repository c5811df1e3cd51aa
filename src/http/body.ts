import type { IncomingMessage } from 'node:http';

/**
 * Past the limit, a body is still read to its end, up to this many bytes in all, and thrown away:
 * a client that is still sending when its connection closes gets a reset instead of the 413 (Node's
 * fetch, for one, then fails with EPIPE), so the refusal is answered once the client has finished.
 * Reading costs time, not memory, and the request timeout bounds the time.
 */
export const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * A request body as text, or null once it passes `maxBytes`. Nothing past the limit is kept: a body
 * that grows past it (or declares a Content-Length over it) is read on and discarded up to
 * `DISCARD_LIMIT_BYTES`, and null is answered when it ends; a body declaring more than that is not
 * read at all.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > DISCARD_LIMIT_BYTES) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > maxBytes;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge || size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
        if (size > DISCARD_LIMIT_BYTES) {
          req.off('data', onData);
          req.pause();
          resolve(null);
        }
      } else {
        chunks.push(chunk);
      }
    };
    req.on('data', onData);
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks, size).toString('utf8')));
    req.on('error', reject);
  });
}
