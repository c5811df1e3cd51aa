/**
 * The project's HighLevel simulator: an in-memory Contacts API on loopback that behaves as the
 * contract describes (Bearer token, Version header, the documented bodies for 200/400/401/403/404/422/
 * 429, X-RateLimit-* headers on every answer) and can inject faults. Tests, the demo and the benchmarks
 * run against it; nothing in the project talks to the real HighLevel.
 *
 * Each request: read the body (413 past 1 MiB) -> record it -> a queued fault, if any -> token ->
 * Version -> rate limit -> route. Every answer waits `latencyMs`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RestContact, RestUser } from '../../highlevel/types';
import { readBody } from '../../http/body';
import * as answers from './answers';
import type { Answer } from './answers';
import type { CustomFieldDefinition } from './custom-fields';
import { HIGHLEVEL_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rate-limiter';
import { control, CONTROL_PREFIX } from './control';
import { route } from './routes';
import { SimulatorStore } from './store';

export type { CustomFieldDataType, CustomFieldDefinition } from './custom-fields';
export type { RateLimitOptions } from './rate-limiter';

export interface SimulatorOptions {
  /** Fixed delay before every response (default 0). */
  latencyMs?: number;
  /** Default 100 per 10,000 ms, 200,000 a day: HighLevel's published limits. */
  rateLimit?: RateLimitOptions;
  /** Default ['2021-04-15', '2021-07-28']. */
  acceptedVersions?: string[];
  /** Adds `Retry-After` (seconds) to 429s; HighLevel does not document one, so off by default. */
  sendRetryAfter?: boolean;
  /** Keep only about this many of the latest received requests (a long-running simulator); default all. */
  keepReceived?: number;
}

export interface ReceivedRequest {
  method: string;
  /** The raw request target, query string included, exactly as received (not decoded). */
  path: string;
  /** Lower-cased names; a repeated header's values joined with ', '. */
  headers: Record<string, string>;
  /** Parsed JSON when the body parses, else the raw text; undefined when empty. */
  body: unknown;
  /** The body as text; '' when empty, and when it was refused unread for being over 1 MiB (413). */
  rawBody: string;
}

export type Fault =
  | { kind: 'status'; status: number; body?: string | object; headers?: Record<string, string> }
  /** Accept the request and never answer (stop() destroys the socket). */
  | { kind: 'stall' }
  /** Destroy the connection without a response. */
  | { kind: 'reset' }
  /** 200 with a body that is not JSON. */
  | { kind: 'garbage' }
  /** Answer normally after `ms` (instead of `latencyMs`). */
  | { kind: 'delay'; ms: number };

const MAX_BODY_BYTES = 1024 * 1024;
/** Faults are for the API under test: requests to anything else (a probe, /users) never use one up. */
const FAULTABLE_PATH = /^\/contacts(?:[/?]|$)/;
const JSON_TYPE = 'application/json; charset=utf-8';

export class HighLevelSimulator {
  /** Every request, in arrival order, recorded before faults and authentication. */
  readonly received: ReceivedRequest[] = [];
  /** Requests being answered now, and the most at once since the last reset(). */
  readonly load = { inFlight: 0, maxInFlight: 0 };
  private readonly latencyMs: number;
  private readonly acceptedVersions: ReadonlySet<string>;
  private readonly sendRetryAfter: boolean;
  private readonly limiter: RateLimiter;
  private readonly keepReceived: number;
  private readonly store = new SimulatorStore();
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private faults: Fault[] = [];
  private server: Server | undefined;
  private url: string | undefined;

  constructor(options: SimulatorOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.acceptedVersions = new Set(options.acceptedVersions ?? ['2021-04-15', '2021-07-28']);
    this.sendRetryAfter = options.sendRetryAfter ?? false;
    this.keepReceived = options.keepReceived ?? Infinity;
    this.limiter = new RateLimiter(options.rateLimit ?? HIGHLEVEL_RATE_LIMIT);
  }

  /** `http://127.0.0.1:PORT`; throws before start() and after stop(). */
  get baseUrl(): string {
    if (this.url === undefined) throw new Error('the HighLevel simulator is not started');
    return this.url;
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    if (this.server) throw new Error('the HighLevel simulator is already started');
    const server = createServer((req, res) => this.onRequest(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const { port: bound } = server.address() as AddressInfo;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
    return this.url;
  }

  /** Closes the server and every connection (keep-alive, delayed and stalled ones included) at once. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const server = this.server;
    this.server = undefined;
    this.url = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  addToken(token: string, locationId: string): void {
    this.store.addToken(token, locationId);
  }

  /** Adds or replaces a contact; it must carry its locationId (the 403 check needs one). */
  addContact(contact: RestContact): void {
    this.store.putContact(contact);
  }

  /** Adds a field definition to a location; one with the same id or key is replaced. */
  addCustomField(locationId: string, field: CustomFieldDefinition): void {
    this.store.addCustomField(locationId, field);
  }

  /** The location's "Allow Duplicate Contact" setting (off by default): off, a matching create is a 400. */
  allowDuplicates(locationId: string, allowed: boolean): void {
    this.store.allowDuplicates(locationId, allowed);
  }

  /** For `GET /users/{userId}`. */
  addUser(user: RestUser): void {
    this.store.addUser(user);
  }

  /** A copy of the stored contact. */
  getContact(id: string): RestContact | undefined {
    return this.store.contact(id);
  }

  clearReceived(): void {
    this.received.length = 0;
  }

  /** The next `times` requests to /contacts* get `fault` instead of their normal answer (also POST /_simulator/faults). */
  injectFault(fault: Fault, times = 1): void {
    for (let i = 0; i < times; i += 1) this.faults.push(fault);
  }

  /** Forgets requests, queued faults and rate-limit counts; the data stays. */
  reset(): void {
    this.clearReceived();
    this.faults = [];
    this.limiter.reset();
    this.load.maxInFlight = this.load.inFlight;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    this.load.inFlight += 1;
    this.load.maxInFlight = Math.max(this.load.maxInFlight, this.load.inFlight);
    res.once('close', () => {
      this.load.inFlight -= 1;
    });
    // Nothing may escape into the server: whatever fails is a 500 (or a dropped connection).
    this.handle(req, res).catch(() => this.write(res, answers.internalError()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req, MAX_BODY_BYTES);
    if (req.url?.startsWith(CONTROL_PREFIX) && rawBody !== null)
      return this.write(res, control(this, req.method ?? 'GET', req.url, rawBody));
    const request = received(req, rawBody ?? '');
    this.received.push(request);
    // Trimmed in batches: at most twice the number kept.
    if (this.received.length > 2 * this.keepReceived) this.received.splice(0, this.received.length - this.keepReceived);
    if (rawBody === null) {
      // The rest of the body is never read: say so, and close the connection after the answer.
      return this.write(res, { ...answers.payloadTooLarge(), headers: { connection: 'close' } });
    }
    const fault = FAULTABLE_PATH.test(request.path) ? this.faults.shift() : undefined;
    if (fault) return this.applyFault(res, request, fault);
    this.later(res, this.answer(request), this.latencyMs);
  }

  private answer(request: ReceivedRequest): Answer {
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const locationId = token === undefined ? undefined : this.store.locationOf(token);
    if (token === undefined || locationId === undefined) return answers.unauthorized();
    if (!this.acceptedVersions.has(request.headers.version ?? '')) {
      return { ...answers.unsupportedVersion(), headers: this.limiter.peek(token) };
    }
    const budget = this.limiter.take(token);
    if (!budget.allowed) {
      const headers = { ...budget.headers };
      if (this.sendRetryAfter) headers['Retry-After'] = String(budget.retryAfterSeconds);
      return { ...answers.tooManyRequests(), headers };
    }
    const answer = route(this.store, { token, locationId }, request);
    return { ...answer, headers: { ...budget.headers, ...answer.headers } };
  }

  private applyFault(res: ServerResponse, request: ReceivedRequest, fault: Fault): void {
    switch (fault.kind) {
      case 'stall':
        return; // the socket stays open until the client gives up or stop() destroys it
      case 'reset':
        res.socket?.resetAndDestroy();
        return;
      case 'garbage':
        return this.later(res, { status: 200, body: '{"contact": <html>not json' }, this.latencyMs);
      case 'delay':
        return this.later(res, this.answer(request), fault.ms);
      case 'status':
        return this.later(
          res,
          { status: fault.status, body: fault.body ?? '', headers: fault.headers },
          this.latencyMs,
        );
    }
  }

  /** Writes the answer after `delayMs`, on a timer stop() cancels. The body is fixed now, not then. */
  private later(res: ServerResponse, answer: Answer, delayMs: number): void {
    if (delayMs <= 0) return this.write(res, answer);
    if (!this.server) return void res.destroy(); // stopped while the body was being read
    const frozen = { ...answer, body: serialize(answer.body) };
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.write(res, frozen);
    }, delayMs);
    this.timers.add(timer);
  }

  private write(res: ServerResponse, answer: Answer): void {
    if (res.destroyed || res.writableEnded) return;
    try {
      res.writeHead(answer.status, { 'content-type': JSON_TYPE, ...answer.headers });
      res.end(serialize(answer.body));
    } catch {
      // A bad status or header (from an injected fault) must not take the server down.
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'content-type': JSON_TYPE }).end(serialize(answers.internalError().body));
    }
  }
}

function serialize(body: unknown): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function received(req: IncomingMessage, rawBody: string): ReceivedRequest {
  // headersDistinct keeps every copy of a repeated header (req.headers drops extra Authorization lines).
  const headers = Object.fromEntries(
    Object.entries(req.headersDistinct).map(([name, values]) => [name, (values ?? []).join(', ')]),
  );
  return { method: req.method ?? '', path: req.url ?? '', headers, body: parseBody(rawBody), rawBody };
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
