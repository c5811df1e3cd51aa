/**
 * The project's HighLevel simulator: an in-memory Contacts API on loopback that behaves as the
 * contract describes (Bearer token, Version header, documented bodies for 200/400/401/403/404/422/429,
 * X-RateLimit-* headers) and can inject faults. Tests, the demo and the benchmarks run against it;
 * nothing in the project talks to the real HighLevel.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { JsonValue, RestContact, RestUser } from '../highlevel/types';
import { readBody } from '../http-body';
import { applyUpdate, type CustomFieldDefinition } from './apply-update';
import { RateLimiter, type RateLimitOptions } from './rate-limiter';
import { validateUpdateBody } from './validate-update';

export type { CustomFieldDataType, CustomFieldDefinition } from './apply-update';

export interface SimulatorOptions {
  /** Fixed delay before every response. */
  latencyMs?: number;
  rateLimit?: RateLimitOptions;
  acceptedVersions?: string[];
  /** Adds `Retry-After` to 429s; HighLevel does not document one, so off by default. */
  sendRetryAfter?: boolean;
}

export interface ReceivedRequest {
  method: string;
  /** The raw request target, query string included, exactly as received. */
  path: string;
  /** Lower-cased names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** Parsed JSON when the body parses, else the raw text; undefined when empty. */
  body: unknown;
  rawBody: string;
}

export type Fault =
  | { kind: 'status'; status: number; body?: string | object; headers?: Record<string, string> }
  | { kind: 'stall' }
  | { kind: 'reset' }
  | { kind: 'garbage' }
  | { kind: 'delay'; ms: number };

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Caller {
  token: string;
  locationId: string;
}

type Handler = (caller: Caller, params: string[], request: ReceivedRequest) => Answer;

const MAX_BODY_BYTES = 1024 * 1024;

export class HighLevelSimulator {
  readonly received: ReceivedRequest[] = [];
  /** Requests being answered now, and the most at once since the last reset(). */
  readonly load = { inFlight: 0, maxInFlight: 0 };
  private readonly options: Required<Omit<SimulatorOptions, 'rateLimit'>>;
  private readonly limiter: RateLimiter;
  private readonly tokens = new Map<string, string>();
  private readonly contacts = new Map<string, RestContact>();
  private readonly customFields = new Map<string, CustomFieldDefinition[]>();
  private readonly users = new Map<string, RestUser>();
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private faults: Fault[] = [];
  private server: Server | undefined;
  private url: string | undefined;

  /** Method + path pattern -> handler; the capture groups are the path parameters. */
  private readonly routes: { method: string; pattern: RegExp; handle: Handler }[] = [
    { method: 'GET', pattern: /^\/contacts\/([^/?#]+)$/, handle: (caller, [id]) => this.readContact(caller, id ?? '') },
    {
      method: 'PUT',
      pattern: /^\/contacts\/([^/?#]+)$/,
      handle: (caller, [id], req) => this.putContact(caller, id ?? '', req),
    },
    {
      method: 'POST',
      pattern: /^\/contacts\/([^/?#]+)\/tags$/,
      handle: (caller, [id], req) => this.changeTags(caller, id ?? '', req, 'add'),
    },
    {
      method: 'DELETE',
      pattern: /^\/contacts\/([^/?#]+)\/tags$/,
      handle: (caller, [id], req) => this.changeTags(caller, id ?? '', req, 'remove'),
    },
    { method: 'GET', pattern: /^\/users\/([^/?#]+)$/, handle: (_caller, [id]) => this.readUser(id ?? '') },
  ];

  constructor(options: SimulatorOptions = {}) {
    this.options = {
      latencyMs: options.latencyMs ?? 0,
      acceptedVersions: options.acceptedVersions ?? ['2021-04-15', '2021-07-28'],
      sendRetryAfter: options.sendRetryAfter ?? false,
    };
    this.limiter = new RateLimiter(options.rateLimit ?? { max: 100, intervalMs: 10_000, daily: 200_000 });
  }

  get baseUrl(): string {
    if (!this.url) throw new Error('the simulator is not started');
    return this.url;
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => {
      this.load.inFlight += 1;
      this.load.maxInFlight = Math.max(this.load.maxInFlight, this.load.inFlight);
      res.once('close', () => {
        this.load.inFlight -= 1;
      });
      this.handle(req, res).catch(() => {
        if (!res.headersSent)
          this.send(res, { status: 500, body: { statusCode: 500, message: 'Internal Server Error' } });
        else res.destroy();
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    return this.url;
  }

  /** Closes the server and every socket, stalled ones included. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  addToken(token: string, locationId: string): void {
    this.tokens.set(token, locationId);
  }

  addContact(contact: RestContact): void {
    if (!contact.locationId) throw new Error('a simulated contact needs a locationId');
    this.contacts.set(contact.id, structuredClone(contact));
  }

  addCustomField(locationId: string, field: CustomFieldDefinition): void {
    const fields = this.customFields.get(locationId) ?? [];
    this.customFields.set(locationId, [...fields.filter((f) => f.id !== field.id), field]);
  }

  addUser(user: RestUser): void {
    this.users.set(user.id, structuredClone(user));
  }

  getContact(id: string): RestContact | undefined {
    const contact = this.contacts.get(id);
    return contact && structuredClone(contact);
  }

  clearReceived(): void {
    this.received.length = 0;
  }

  /** The next `times` requests to the API get `fault` instead of their normal answer. */
  injectFault(fault: Fault, times = 1): void {
    for (let i = 0; i < times; i += 1) this.faults.push(fault);
  }

  reset(): void {
    this.clearReceived();
    this.faults = [];
    this.limiter.reset();
    this.load.maxInFlight = this.load.inFlight;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req, MAX_BODY_BYTES);
    if (rawBody === null) {
      res.setHeader('connection', 'close');
      return this.send(res, { status: 413, body: { statusCode: 413, message: 'Payload Too Large' } });
    }
    const request: ReceivedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(', ') : (value ?? ''),
        ]),
      ),
      body: parseBody(rawBody),
      rawBody,
    };
    this.received.push(request);

    const fault = this.faults.shift();
    if (fault) return this.fault(res, fault, request);
    this.later(res, this.answer(request), this.options.latencyMs);
  }

  private answer(request: ReceivedRequest): Answer {
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const locationId = token === undefined ? undefined : this.tokens.get(token);
    if (token === undefined || locationId === undefined) {
      return {
        status: 401,
        body: { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' },
      };
    }
    if (!this.options.acceptedVersions.includes(request.headers.version ?? '')) {
      return { status: 400, body: { statusCode: 400, message: 'Version header is missing or not supported' } };
    }
    const budget = this.limiter.take(token);
    const headers = { ...budget.headers };
    if (!budget.allowed) {
      if (this.options.sendRetryAfter) headers['Retry-After'] = String(budget.retryAfterSeconds);
      return {
        status: 429,
        headers,
        body: { statusCode: 429, message: 'Too many requests', error: 'Too Many Requests' },
      };
    }
    const path = request.path.split('?')[0] ?? '/';
    for (const route of this.routes) {
      const match = route.pattern.exec(path);
      if (match && route.method === request.method) {
        const answer = route.handle({ token, locationId }, match.slice(1).map(decodeURIComponent), request);
        return { ...answer, headers: { ...headers, ...answer.headers } };
      }
    }
    return {
      status: 404,
      headers,
      body: { statusCode: 404, message: `Cannot ${request.method} ${path}`, error: 'Not Found' },
    };
  }

  /** The contact the caller may see, or the 404/403 answer. */
  private findContact(caller: Caller, id: string): RestContact | Answer {
    const contact = this.contacts.get(id);
    if (!contact) return { status: 404, body: { statusCode: 404, message: 'Contact not found', error: 'Not Found' } };
    if (contact.locationId !== caller.locationId) {
      return {
        status: 403,
        body: { statusCode: 403, message: 'The token does not have access to this location.', error: 'Forbidden' },
      };
    }
    return contact;
  }

  private readContact(caller: Caller, id: string): Answer {
    const found = this.findContact(caller, id);
    return 'status' in found ? found : { status: 200, body: { contact: found } };
  }

  private putContact(caller: Caller, id: string, request: ReceivedRequest): Answer {
    const found = this.findContact(caller, id);
    if ('status' in found) return found;
    const body = request.body;
    if (
      !/^application\/json\b/.test(request.headers['content-type'] ?? '') ||
      typeof body !== 'object' ||
      body === null ||
      Array.isArray(body)
    ) {
      return { status: 400, body: { statusCode: 400, message: 'Bad Request' } };
    }
    const record = body as Record<string, JsonValue>;
    const problems = validateUpdateBody(record);
    const applied =
      problems.length === 0 ? applyUpdate(found, record, this.customFields.get(caller.locationId) ?? []) : undefined;
    if (applied && 'problems' in applied) problems.push(...applied.problems);
    if (problems.length > 0 || !applied || 'problems' in applied) {
      return { status: 422, body: { statusCode: 422, message: problems, error: 'Unprocessable Entity' } };
    }
    this.contacts.set(id, applied.contact);
    return { status: 200, body: { succeded: true, contact: applied.contact } };
  }

  /** `POST` adds (201) and `DELETE` removes (200) tags; both answer the contact's tags after the change. */
  private changeTags(caller: Caller, id: string, request: ReceivedRequest, change: 'add' | 'remove'): Answer {
    const found = this.findContact(caller, id);
    if ('status' in found) return found;
    const body = request.body;
    const tags = typeof body === 'object' && body !== null && 'tags' in body ? body.tags : undefined;
    if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string')) {
      return {
        status: 422,
        body: { statusCode: 422, message: ['tags must be an array of strings'], error: 'Unprocessable Entity' },
      };
    }
    const current = found.tags ?? [];
    const next =
      change === 'add'
        ? [...current, ...tags.filter((tag: string) => !current.includes(tag))]
        : current.filter((tag) => !tags.includes(tag));
    this.contacts.set(id, { ...found, tags: next, dateUpdated: new Date().toISOString() });
    return { status: change === 'add' ? 201 : 200, body: { tags: next } };
  }

  private readUser(id: string): Answer {
    const user = this.users.get(id);
    return user
      ? { status: 200, body: user }
      : { status: 404, body: { statusCode: 404, message: 'User not found', error: 'Not Found' } };
  }

  private fault(res: ServerResponse, fault: Fault, request: ReceivedRequest): void {
    switch (fault.kind) {
      case 'stall':
        return; // never answered; stop() destroys the socket
      case 'reset':
        res.socket?.destroy();
        return;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{"contact": <html>not json');
        return;
      case 'delay':
        this.later(res, this.answer(request), fault.ms);
        return;
      case 'status':
        this.send(res, { status: fault.status, body: fault.body ?? '', headers: fault.headers });
    }
  }

  private later(res: ServerResponse, answer: Answer, delayMs: number): void {
    if (delayMs <= 0) return this.send(res, answer);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.send(res, answer);
    }, delayMs);
    this.timers.add(timer);
  }

  private send(res: ServerResponse, answer: Answer): void {
    if (res.destroyed) return;
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    res.end(text);
  }
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
