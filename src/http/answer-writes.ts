/**
 * GraphQL answers go out at the end of their round of I/O, all together, rather than each from the
 * middle of the work that made it.
 *
 * Each answer is one write(2) to its caller's socket. Written as soon as it is ready, the writes
 * alternate with the work on the next request, and each pays again for waking its reader; written
 * back to back from one immediate per round (as undici writes its upstream requests), they cost less,
 * and the later answers of a burst do not wait behind the work that follows the earlier ones.
 * docs/performance.md has the measurements.
 *
 * Only the fast path's answers queue here; Apollo Server's (the rare requests) are written directly.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

interface PendingAnswer {
  res: ServerResponse;
  status: number;
  headers: OutgoingHttpHeaders;
  body: string;
  written: ((status: number) => void) | undefined;
}

export class AnswerWrites {
  private queue: PendingAnswer[] = [];
  private readonly pending = new WeakSet<ServerResponse>();

  /** @param onError Handles an answer that could not be written (its headers, say); the rest still go. */
  constructor(private readonly onError: (res: ServerResponse, error: unknown) => void) {}

  /** Queues the answer; `written` learns the status that went out (500 if the answer could not be written). */
  write(
    res: ServerResponse,
    status: number,
    headers: OutgoingHttpHeaders,
    body: string,
    written?: (status: number) => void,
  ): void {
    this.pending.add(res);
    if (this.queue.push({ res, status, headers, body, written }) === 1) setImmediate(this.flush);
  }

  /** Whether an answer for `res` is queued and not yet written. */
  isPending(res: ServerResponse): boolean {
    return this.pending.has(res);
  }

  private readonly flush = (): void => {
    const answers = this.queue;
    this.queue = [];
    for (const { res, status, headers, body, written } of answers) {
      this.pending.delete(res);
      try {
        res.writeHead(status, headers).end(body);
      } catch (error) {
        this.onError(res, error);
      }
      written?.(res.headersSent ? res.statusCode : 500);
    }
  };
}
