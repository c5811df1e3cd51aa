/**
 * The simulator's own endpoints, under /_simulator (no HighLevel path starts so), for a person or a
 * script driving `npm run simulator` from outside its process: queue faults for the next requests,
 * see what it received, and reset. They are not recorded as received, never take a fault, and need
 * no token (the simulator serves test data on loopback only).
 */
import * as answers from './answers';
import type { Answer } from './answers';
import type { Fault, ReceivedRequest } from './simulator';

export const CONTROL_PREFIX = '/_simulator';
const MAX_TIMES = 1000;
const MAX_DELAY_MS = 600_000;
const MAX_LISTED = 200;

export interface ControlTarget {
  injectFault(fault: Fault, times: number): void;
  readonly received: readonly ReceivedRequest[];
  reset(): void;
}

/** HighLevel's body for each status a fault names without one, so that the gateway maps it as it would the real answer. */
function defaultBody(status: number): string | object {
  const known: Record<number, () => Answer> = {
    400: answers.badRequest,
    401: answers.unauthorized,
    403: answers.forbiddenLocation,
    404: () => answers.notFound('Contact'),
    422: () => answers.unprocessable(['email must be an email']),
    429: answers.tooManyRequests,
  };
  const answer = known[status]?.() ?? (status >= 500 ? answers.internalError() : undefined);
  return answer === undefined ? '' : { ...(answer.body as object), statusCode: status };
}

export const USAGE = {
  endpoints: {
    [`POST ${CONTROL_PREFIX}/faults`]:
      'queue a fault for the next requests to /contacts*: {"kind": "status", "status": 503, "times": 1}; kinds: status (with status, and optional body and headers; without a body, HighLevel\'s own for that status), stall (never answers), reset (drops the connection), garbage (200 with a body that is not JSON), delay (with ms)',
    [`GET ${CONTROL_PREFIX}/received?last=20`]:
      'the last requests received (at most 200), tokens shortened to their first 6 characters',
    [`POST ${CONTROL_PREFIX}/reset`]: 'forget received requests, queued faults and rate-limit counts (the data stays)',
  },
};

/** Answers a request under CONTROL_PREFIX. */
export function control(target: ControlTarget, method: string, path: string, rawBody: string): Answer {
  const url = new URL(path, 'http://simulator.invalid');
  const route = `${method} ${url.pathname.replace(/\/$/, '')}`;
  switch (route) {
    case `GET ${CONTROL_PREFIX}`:
      return { status: 200, body: USAGE };
    case `POST ${CONTROL_PREFIX}/faults`: {
      const parsed = parseFault(rawBody);
      if (typeof parsed === 'string') return { status: 400, body: { error: parsed, usage: USAGE } };
      target.injectFault(parsed.fault, parsed.times);
      return { status: 200, body: { queued: parsed.times, fault: parsed.fault } };
    }
    case `GET ${CONTROL_PREFIX}/received`: {
      const last = Math.min(MAX_LISTED, Math.max(1, Number(url.searchParams.get('last') ?? 20) || 20));
      return { status: 200, body: target.received.slice(-last).map(shown) };
    }
    case `POST ${CONTROL_PREFIX}/reset`:
      target.reset();
      return { status: 200, body: { reset: true } };
    default:
      return { status: 404, body: { error: `no ${route}`, usage: USAGE } };
  }
}

function wholeIn(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

function parseFault(raw: string): { fault: Fault; times: number } | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'the body must be JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the body must be a JSON object';
  const { kind, times = 1, ms, status, body, headers } = value as Record<string, unknown>;
  if (!wholeIn(times, 1, MAX_TIMES)) return `times must be a whole number from 1 to ${MAX_TIMES}`;
  switch (kind) {
    case 'stall':
    case 'reset':
    case 'garbage':
      return { fault: { kind }, times };
    case 'delay':
      if (!wholeIn(ms, 0, MAX_DELAY_MS)) return `a delay needs ms, a whole number from 0 to ${MAX_DELAY_MS}`;
      return { fault: { kind, ms }, times };
    case 'status': {
      if (!wholeIn(status, 200, 599)) return 'a status fault needs status, from 200 to 599';
      if (headers !== undefined && !isStringRecord(headers)) return 'headers must be an object of strings';
      const sent = typeof body === 'string' || (typeof body === 'object' && body !== null) ? body : defaultBody(status);
      return { fault: { kind, status, body: sent, ...(headers === undefined ? {} : { headers }) }, times };
    }
    default:
      return 'kind must be status, stall, reset, garbage or delay';
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === 'string')
  );
}

/** A received request as listed: its token shortened (a real one may have been sent by mistake). */
function shown(request: ReceivedRequest): Omit<ReceivedRequest, 'rawBody'> {
  const headers = { ...request.headers };
  if (headers.authorization !== undefined) {
    headers.authorization = headers.authorization.replace(
      /^(Bearer\s+)(\S{0,6})\S*/i,
      (_whole, scheme: string, start: string) => `${scheme}${start}…`,
    );
  }
  return { method: request.method, path: request.path, headers, body: request.body };
}
