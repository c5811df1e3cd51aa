import { createHash } from 'node:crypto';
import { startStack, type Stack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { CORS_ORIGINS: 'https://app.example.com' } });
});
afterAll(() => stack.stop());

const base = () => stack.gateway.url.replace('/graphql', '');

describe('health', () => {
  it('/healthz and /readyz answer while serving; /readyz is 503 once shutdown begins', async () => {
    expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: 'alive' });
    const ready = await fetch(`${base()}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);

    const other = await startStack({ simulator: { latencyMs: 300 } });
    const otherBase = other.gateway.url.replace('/graphql', '');
    const slow = other.graphql('{ contact(id: "ocQHyuzHvysMo5N5VsXc") { __typename } }', {}, { token: other.seed.token });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopping = other.gateway.stop();
    // The drain keeps the listener for in-flight work only; readiness is already off.
    const during = await fetch(`${otherBase}/readyz`).then((r) => r.status, () => 'refused');
    expect([503, 'refused']).toContain(during);
    await slow;
    await stopping;
    await other.sim.stop();
  });
});

describe('CORS', () => {
  it('accepts a preflight from an allowed origin, with Authorization and Content-Type allowed', async () => {
    const response = await fetch(stack.gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/content-type/);
  });

  it('refuses a preflight from another origin, and gives its requests no CORS headers', async () => {
    const preflight = await fetch(stack.gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const request = await stack.graphql('{ __typename }', {}, { headers: { origin: 'https://evil.example.com' } });
    expect(request.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await stack.graphql('{ __typename }', {}, { headers: { origin: 'https://app.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });
});

describe('automatic persisted queries', () => {
  it('registers a query by hash, then serves it by hash alone', async () => {
    const query = '{ __typename }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    const post = (body: object) =>
      fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
    expect(await post({ extensions })).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    expect(await post({ query, extensions })).toEqual({ data: { __typename: 'Query' } });
    expect(await post({ extensions })).toEqual({ data: { __typename: 'Query' } });
  });
});
