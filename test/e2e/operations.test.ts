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
    const slow = other.graphql(
      '{ contact(id: "ocQHyuzHvysMo5N5VsXc") { __typename } }',
      {},
      { token: other.seed.token },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopping = other.gateway.stop();
    // The drain keeps the listener for in-flight work only; readiness is already off.
    const during = await fetch(`${otherBase}/readyz`).then(
      (r) => r.status,
      () => 'refused',
    );
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
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
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
      fetch(stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    expect(await post({ extensions })).toMatchObject({
      errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
    });
    expect(await post({ query, extensions })).toEqual({ data: { __typename: 'Query' } });
    expect(await post({ extensions })).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('metrics and the operation log line', () => {
  it('counts operations by result member and upstream calls by endpoint and status, without tokens or ids', async () => {
    const id = stack.seed.contactIds[0] as string;
    const mutation =
      'mutation UpdateContact($id: ID!) { updateContact(id: $id, input: { city: "Metrics" }) { __typename } }';
    await stack.graphql(mutation, { id }, { token: stack.seed.token, headers: { 'x-request-id': 'metrics-req-1' } });
    await stack.graphql(mutation, { id: 'doesNotExist00000000' }, { token: stack.seed.token });
    await stack.graphql(mutation, { id: '../x' }, { token: stack.seed.token });
    await stack.graphql('query ReadContact($id: ID!) { contact(id: $id) { __typename } }', { id });

    const text = await (await fetch(`${base()}/metrics`)).text();
    expect(text).toMatch(
      /graphql_operations_total\{operation_name="UpdateContact",operation_type="mutation",result="UpdateContactSuccess"\} 1/,
    );
    expect(text).toMatch(
      /graphql_operations_total\{operation_name="UpdateContact",operation_type="mutation",result="NotFoundError"\} 1/,
    );
    expect(text).toMatch(
      /graphql_operations_total\{operation_name="UpdateContact",operation_type="mutation",result="ValidationError"\} 1/,
    );
    expect(text).toMatch(
      /graphql_operations_total\{operation_name="ReadContact",operation_type="query",result="UnauthorizedError"\} 1/,
    );
    expect(text).toMatch(
      /highlevel_request_duration_seconds_count\{endpoint="PUT \/contacts\/\{contactId\}",status="200",outcome="ok"\} 1/,
    );
    expect(text).toMatch(
      /highlevel_request_duration_seconds_count\{endpoint="PUT \/contacts\/\{contactId\}",status="400",outcome="not-found"\} 1/,
    );
    expect(text).toMatch(/highlevel_rate_limit_remaining_count\{endpoint="PUT \/contacts\/\{contactId\}"\} 2/);
    expect(text).toMatch(/process_cpu_user_seconds_total/);
    expect(text).not.toContain(stack.seed.token);
    expect(text).not.toContain(id);
    expect(text).not.toContain('doesNotExist');

    const line = stack.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((entry) => entry.requestId === 'metrics-req-1' && entry.msg === 'graphql operation');
    expect(line).toMatchObject({
      level: 30,
      requestId: 'metrics-req-1',
      operation: { name: 'UpdateContact', type: 'mutation', results: ['UpdateContactSuccess'], errors: false },
      upstream: [{ endpoint: 'PUT /contacts/{contactId}', status: 200, outcome: 'ok', attempt: 1 }],
    });
    expect(typeof (line?.operation as { durationMs: number }).durationMs).toBe('number');
  });

  it("tags the transport's lines with the request id", async () => {
    const id = stack.seed.contactIds[0] as string;
    stack.sim.injectFault({ kind: 'status', status: 503, body: '' });
    await stack.graphql(
      'mutation ($id: ID!) { updateContact(id: $id, input: { city: "Down" }) { __typename } }',
      { id },
      { token: stack.seed.token, headers: { 'x-request-id': 'upstream-fail-1' } },
    );
    const failed = stack.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((entry) => entry.msg === 'upstream call failed' && entry.requestId === 'upstream-fail-1');
    expect(failed).toMatchObject({ level: 40, upstream: { endpoint: 'PUT /contacts/{contactId}', status: 503 } });
  });

  it('keeps client-chosen operation names from growing the label set without bound', async () => {
    const count = async (name: string) => {
      const text = await (await fetch(`${base()}/metrics`)).text();
      return Number(
        new RegExp(`operation_name="${name}",operation_type="query",result="none"\\} (\\d+)`).exec(text)?.[1] ?? 0,
      );
    };
    const [invalidBefore, anonymousBefore] = [await count('invalid'), await count('anonymous')];
    for (let n = 0; n < 5; n += 1) await stack.graphql(`query ${'x'.repeat(70)}${n} { __typename }`);
    await stack.graphql('{ __typename }');
    expect(await count('invalid')).toBe(invalidBefore + 5);
    expect(await count('anonymous')).toBe(anonymousBefore + 1);
    expect(await (await fetch(`${base()}/metrics`)).text()).not.toContain('x'.repeat(70));
  });
});
