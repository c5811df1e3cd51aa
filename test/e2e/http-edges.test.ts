/**
 * The HTTP edges, on both execution paths: repeated credential headers, bodies over the limit as
 * clients send them, and clients too slow to finish a request.
 */
import { request } from 'node:http';
import { startStack, type Stack } from './harness';

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

describe.each([
  ['the fast path', false],
  ['Apollo Server', true],
])('on %s', (_path, fastPathOff) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ fastPathOff, env: { ROUTER_SECRET: 'router-secret-0123456789' } });
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
});
