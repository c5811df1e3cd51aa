/**
 * One HTTP request and its whole response body, over undici's dispatch API with a handler of its own:
 * no stream, async iterator or AbortSignal per call (undici's `request()` builds all three, and they
 * showed in the profile). The body is size-capped, and the deadline answers the caller at once, then
 * aborts the request as soon as undici hands over its controller.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { Deadline } from './deadline';

export interface Exchanged {
  ok: true;
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface NotExchanged {
  ok: false;
  reason: 'timeout' | 'bad-response' | 'unreachable';
  /** The status, when the failure came after the response's head. */
  status: number | null;
  /** undici's error code (never its message, which can carry the upstream address). */
  code: string;
}

class Abandoned extends Error {}

/**
 * undici's codes for an answer that arrived but is not HTTP it can read (llhttp's `HPE_*` parse errors,
 * more header bytes than allowed, a body longer or shorter than its Content-Length): a bad response,
 * not a connection that failed.
 */
const MALFORMED_RESPONSE =
  /^(?:HPE_|UND_ERR_HEADERS_OVERFLOW$|UND_ERR_RES_CONTENT_LENGTH_MISMATCH$|UND_ERR_RES_EXCEEDED_MAX_SIZE$)/;

export function exchange(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  maxBytes: number,
  deadline: Deadline,
): Promise<Exchanged | NotExchanged> {
  return new Promise((resolve) => {
    let controller: Dispatcher.DispatchController | undefined;
    let settled = false;
    let status: number | null = null;
    let headers: IncomingHttpHeaders = {};
    let chunks: Buffer[] = [];
    let size = 0;

    // Assigned below; a deadline already passed fails the call from inside onExpiry, before that.
    let cancelDeadline: () => void = () => undefined;
    const settle = (answer: Exchanged | NotExchanged) => {
      if (settled) return;
      settled = true;
      cancelDeadline();
      resolve(answer);
    };
    const fail = (reason: NotExchanged['reason'], code: string) => {
      settle({ ok: false, reason, status, code });
      controller?.abort(new Abandoned(reason));
    };
    cancelDeadline = deadline.onExpiry(() => fail('timeout', 'UND_ERR_ABORTED'));
    if (settled) return;

    dispatcher.dispatch(options, {
      onRequestStart(started) {
        controller = started;
        if (settled) started.abort(new Abandoned('deadline'));
      },
      onResponseStart(_controller, statusCode, responseHeaders) {
        status = statusCode;
        headers = responseHeaders;
        chunks = [];
        size = 0;
      },
      onResponseData(_controller, chunk) {
        if (settled) return;
        size += chunk.length;
        if (size > maxBytes) fail('bad-response', 'RESPONSE_TOO_LARGE');
        else chunks.push(chunk);
      },
      onResponseEnd() {
        settle({ ok: true, status: status ?? 0, headers, text: Buffer.concat(chunks, size).toString('utf8') });
      },
      onResponseError(_controller, error) {
        const code = errorCode(error);
        settle({ ok: false, reason: MALFORMED_RESPONSE.test(code) ? 'bad-response' : 'unreachable', status, code });
      },
    });
  });
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    if ('code' in error && typeof error.code === 'string') return error.code;
    if ('name' in error && typeof error.name === 'string') return error.name;
  }
  return 'unknown';
}
