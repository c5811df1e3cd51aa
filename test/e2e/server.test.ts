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
      expect(refused.json.errors?.[0]?.message).toBe(
        'Introspection is off on this gateway, and the document asks for "__schema": its operator can allow it with INTROSPECTION=true.',
      );
      expect(refused.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
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

  describe('GraphiQL at /graphiql', () => {
    const at = (path: string, init?: RequestInit) => fetch(new URL(path, stack.gateway.url), init);

    it('serves the page with a policy that allows this origin alone, and its files from the packages', async () => {
      const page = await at('/graphiql');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-store');
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      const html = await page.text();
      const files = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((match) => match[1]);
      expect(files).toEqual([
        '/graphiql/graphiql.css',
        '/graphiql/react.js',
        '/graphiql/react-dom.js',
        '/graphiql/graphiql.js',
        '/graphiql/start.js',
      ]);
      for (const file of files) {
        const response = await at(file ?? '');
        expect(response.status).toBe(200);
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
        const etag = response.headers.get('etag') ?? '';
        expect((await at(file ?? '', { headers: { 'if-none-match': etag } })).status).toBe(304);
      }
    });

    it('answers 404 for any other file, and 405 for anything but GET and HEAD', async () => {
      for (const path of ['/graphiql/package.json', '/graphiql/..%2Fpackage.json', '/graphiql/graphiql.min.js'])
        expect((await at(path)).status).toBe(404);
      expect((await at('/graphiql', { method: 'POST', body: '{}' })).status).toBe(405);
    });

    it('is off in production unless GRAPHIQL=true', async () => {
      const production = await startStack({ env: { NODE_ENV: 'production' } });
      const allowed = await startStack({ env: { NODE_ENV: 'production', GRAPHIQL: 'true' } });
      try {
        expect((await fetch(new URL('/graphiql', production.gateway.url))).status).toBe(404);
        expect((await fetch(new URL('/graphiql/graphiql.js', production.gateway.url))).status).toBe(404);
        expect((await fetch(new URL('/graphiql', allowed.gateway.url))).status).toBe(200);
      } finally {
        await production.stop();
        await allowed.stop();
      }
    });
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
