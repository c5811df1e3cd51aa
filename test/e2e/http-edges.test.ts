/**
 * The HTTP edges, on both execution paths: repeated credential headers, bodies over the limit as
 * clients send them, and clients too slow to finish a request.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { connect } from 'node:net';
import { EXECUTION_PATHS, startStack, type Stack } from './harness';

interface RawAnswer {
  status: number;
  body: string;
}

/** A POST with headers exactly as listed (repeats included), which fetch cannot send. */
function rawPost(url: string, headers: [string, string][], body: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    // With headers as a list, Node adds none of its own: Host is listed here.
    const req = request(url, { method: 'POST', headers: [['host', new URL(url).host], ...headers].flat() }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const QUERY = JSON.stringify({
  query: 'query C($id: ID!) { contact(id: $id) { __typename ... on DisplayableError { code } } }',
  variables: { id: 'ocQHyuzHvysMo5N5VsXc' },
});

const REQUEST_TIMEOUT_MS = 1500;
const HEADERS_TIMEOUT_MS = 600;
const KEEP_ALIVE_TIMEOUT_MS = 300;
const EIGHT_MIB = 8 * 1024 * 1024;

/**
 * POSTs an 8 MiB body `times` times with Node's fetch from a child process, with a Content-Length or
 * chunked (a stream); answers each try's status and error message, or its error's code.
 */
async function fetchLargeBodies(url: string, header: [string, string], mode: string, times: number): Promise<string[]> {
  const script = `
    const [url, name, value, mode, times] = process.argv.slice(1);
    const size = ${EIGHT_MIB};
    const body = () => mode === 'length' ? 'x'.repeat(size) : new ReadableStream({
      start() { this.left = size; },
      pull(controller) {
        if (this.left <= 0) return controller.close();
        const part = new Uint8Array(Math.min(65536, this.left)).fill(32);
        this.left -= part.length;
        controller.enqueue(part);
      },
    });
    (async () => {
      const answers = [];
      for (let i = 0; i < Number(times); i += 1) {
        try {
          const response = await fetch(url, {
            method: 'POST', duplex: 'half', body: body(),
            headers: { 'content-type': 'application/json', [name]: value },
          });
          answers.push(response.status + ' ' + (await response.json()).errors[0].message);
        } catch (error) {
          answers.push(String(error.cause?.code ?? error.message));
        }
      }
      process.stdout.write(JSON.stringify(answers));
    })();`;
  const child = spawn(process.execPath, ['-e', script, url, ...header, mode, String(times)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  await once(child, 'exit');
  return JSON.parse(output) as string[];
}

/**
 * Writes `head`, then `trickle` one byte every `everyMs`, over a raw socket; answers what came back
 * and how long after the first byte the gateway closed the connection.
 */
function trickle(
  url: string,
  head: string,
  trickled: string,
  everyMs: number,
): Promise<{ answer: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const started = performance.now();
    let answer = '';
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => (answer += data));
    socket.on('error', () => undefined); // a reset after the gateway gave up is expected
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, closedAfterMs: performance.now() - started });
    });
    socket.on('connect', () => {
      socket.write(head);
      let sent = 0;
      timer = setInterval(() => {
        if (sent >= trickled.length) return reject(new Error('the gateway waited for the whole trickle'));
        socket.write(trickled[sent] ?? '');
        sent += 1;
      }, everyMs);
    });
  });
}

describe.each(EXECUTION_PATHS)('on %s', (_path, fastPathOff) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      fastPathOff,
      env: {
        ROUTER_SECRET: 'router-secret-0123456789',
        REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
        HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
        KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
      },
    });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.sim.reset());

  const router: [string, string] = ['router-authorization', 'router-secret-0123456789'];

  it('two Authorization headers are MALFORMED_CREDENTIALS, and nothing is sent', async () => {
    for (const second of [`Bearer ${stack.seed.token}`, 'Bearer another-token']) {
      const answer = await rawPost(
        stack.gateway.url,
        [
          ['content-type', 'application/json'],
          router,
          ['authorization', `Bearer ${stack.seed.token}`],
          ['Authorization', second],
        ],
        QUERY,
      );
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({
        data: { contact: { __typename: 'UnauthorizedError', code: 'MALFORMED_CREDENTIALS' } },
      });
    }
    expect(stack.sim.received).toEqual([]);
  });

  it('one Authorization header is forwarded as it is', async () => {
    const answer = await rawPost(
      stack.gateway.url,
      [['content-type', 'application/json'], router, ['authorization', `Bearer ${stack.seed.token}`]],
      QUERY,
    );
    expect(JSON.parse(answer.body)).toEqual({ data: { contact: { __typename: 'Contact' } } });
    expect(stack.sim.received.map((call) => call.headers.authorization)).toEqual([`Bearer ${stack.seed.token}`]);
  });

  it('two Router-Authorization headers are refused, even when one is right', async () => {
    const answer = await rawPost(
      stack.gateway.url,
      [['content-type', 'application/json'], router, ['Router-Authorization', 'something else entirely']],
      QUERY,
    );
    expect(answer.status).toBe(401);
    expect(stack.sim.received).toEqual([]);
  });

  it.each([
    ['with a Content-Length', 'length'],
    ['chunked', 'chunked'],
  ])('an 8 MiB body sent %s gets the 413 with fetch, 20 times in 20', async (_how, mode) => {
    // From a process of its own: sharing the gateway's event loop, the client would always finish
    // sending before the gateway could answer, and an early close would go unseen.
    const statuses = await fetchLargeBodies(stack.gateway.url, router, mode, 20);
    expect(statuses).toEqual(Array(20).fill('413 The request body is larger than 1048576 bytes.'));
    expect(stack.sim.received).toEqual([]);
  });

  it('an 8 MiB body announced with Expect: 100-continue is refused before it is sent', async () => {
    const answer = await new Promise<{ status: number; continued: boolean }>((resolve, reject) => {
      let continued = false;
      const req = request(stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': EIGHT_MIB, expect: '100-continue' },
      });
      req.on('continue', () => {
        continued = true;
        req.end('x'.repeat(EIGHT_MIB));
      });
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, continued });
        req.destroy();
      });
      req.on('error', reject);
    });
    expect(answer).toEqual({ status: 413, continued: false });
  });

  it('headers trickled one byte at a time are cut off after HEADERS_TIMEOUT_MS', async () => {
    const { answer, closedAfterMs } = await trickle(
      stack.gateway.url,
      'POST /graphql HTTP/1.1\r\nHost: gateway\r\n',
      'x-slow: '.padEnd(1000, 'a'),
      50,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + 500);
  });

  it('a body trickled one byte at a time is cut off after REQUEST_TIMEOUT_MS', async () => {
    const { answer, closedAfterMs } = await trickle(
      stack.gateway.url,
      `POST /graphql HTTP/1.1\r\nHost: gateway\r\nRouter-Authorization: ${router[1]}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
      '{"query":"'.padEnd(1000, ' '),
      50,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 500);
    expect(stack.sim.received).toEqual([]);
  });

  it('an idle keep-alive connection is closed after KEEP_ALIVE_TIMEOUT_MS', async () => {
    const { hostname, port } = new URL(stack.gateway.url);
    const closedAfterMs = await new Promise<number>((resolve) => {
      const socket = connect(Number(port), hostname, () =>
        socket.write('GET /healthz HTTP/1.1\r\nHost: gateway\r\n\r\n'),
      );
      let answeredAt = 0;
      socket.on('data', () => (answeredAt ||= performance.now()));
      socket.on('close', () => resolve(performance.now() - answeredAt));
    });
    expect(closedAfterMs).toBeGreaterThanOrEqual(KEEP_ALIVE_TIMEOUT_MS - 50);
    expect(closedAfterMs).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS + 1500);
  });
});
