import { startStack, type Stack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

describe('the HTTP server', () => {
  it('serves the Apollo Sandbox landing page to a browser in development', async () => {
    const response = await fetch(stack.gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/sandbox/i);
  });

  it('answers introspection in development', async () => {
    const response = await stack.graphql('{ __schema { mutationType { fields { name } } } }');
    expect(JSON.stringify(response.json.data)).toContain('updateContact');
  });

  it('refuses introspection in production unless INTROSPECTION=true', async () => {
    const production = await startStack({ env: { NODE_ENV: 'production' } });
    const allowed = await startStack({ env: { NODE_ENV: 'production', INTROSPECTION: 'true' } });
    try {
      const refused = await production.graphql('{ __schema { queryType { name } } }');
      expect(refused.json.errors?.[0]?.message).toMatch(/introspection/i);
      const page = await fetch(production.gateway.url, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/embeddable-sandbox/);
      expect((await allowed.graphql('{ __schema { queryType { name } } }')).json.data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
    } finally {
      await production.stop();
      await allowed.stop();
    }
  });

  it('answers 404 off /graphql and 400 on a body that is not JSON', async () => {
    expect((await fetch(stack.gateway.url.replace('/graphql', '/nope'))).status).toBe(404);
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":',
    });
    expect(response.status).toBe(400);
  });

  it('refuses a body over 1 MiB with 413 and calls nothing upstream', async () => {
    stack.sim.reset();
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.seed.token}` },
      body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(stack.sim.received).toHaveLength(0);
  });

  it('refuses a CSRF-style simple request', async () => {
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ __typename }"}',
    });
    expect(response.status).toBe(400);
  });

  it('refuses a GET without a CSRF preflight header, and serves one with it', async () => {
    const url = `${stack.gateway.url}?query=${encodeURIComponent('{ __typename }')}`;
    expect((await fetch(url)).status).toBe(400);
    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('has HTTP batching off', async () => {
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const echoed = await stack.graphql('{ __typename }', {}, { headers: { 'x-request-id': 'req-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('req-123');
    const made = await stack.graphql('{ __typename }', {}, { headers: { 'x-request-id': 'bad id <script>' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
