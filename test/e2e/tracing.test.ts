/**
 * OpenTelemetry: the spans the gateway makes (one per GraphQL request, one per upstream attempt) and
 * the W3C traceparent HighLevel receives, through an in-memory exporter; then the real process with
 * only OTEL_* variables set, exporting OTLP to a collector on loopback.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { Tracing } from '../../src/observability/tracing';
import { seedDemoData } from '../../src/dev/simulator/seed';
import { HighLevelSimulator } from '../../src/dev/simulator/simulator';
import { spawnGateway } from '../support/gateway-process';
import { CONTACT, EXECUTION_PATHS, startStack, UPDATE_CONTACT, type Stack } from './harness';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;
const CALLER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';

describe.each(EXECUTION_PATHS)('tracing with an in-memory exporter, on %s', (_path, fastPathOff) => {
  const exporter = new InMemorySpanExporter();
  let stack: Stack;

  beforeAll(async () => {
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    stack = await startStack({ fastPathOff, tracing: new Tracing(provider) });
  });
  afterAll(() => stack.stop());
  beforeEach(() => {
    exporter.reset();
    stack.sim.reset();
  });

  const spans = () => exporter.getFinishedSpans();
  const byKind = (kind: SpanKind) => spans().filter((span) => span.kind === kind);
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

  it('continues the caller trace: request span, one client span per upstream call, traceparent sent to HighLevel', async () => {
    const response = await stack.graphql(
      UPDATE_CONTACT,
      { id: stack.seed.contactIds[0], input: { firstName: 'Traced' } },
      { token: stack.seed.token, headers: { traceparent: `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-01` } },
    );
    expect(response.json.data?.updateContact).toMatchObject({ __typename: 'UpdateContactSuccess' });

    const [server] = byKind(SpanKind.SERVER);
    const [client] = byKind(SpanKind.CLIENT);
    expect(spans()).toHaveLength(2);
    expect(server?.name).toBe('mutation UpdateContact');
    expect(server?.spanContext().traceId).toBe(CALLER_TRACE_ID);
    expect(parentOf(server as ReadableSpan)).toBe(CALLER_SPAN_ID);
    expect(server?.attributes).toEqual({
      'http.request.method': 'POST',
      'http.route': '/graphql',
      'http.response.status_code': 200,
      'graphql.operation.type': 'mutation',
      'graphql.operation.name': 'UpdateContact',
      'graphql.results': ['UpdateContactSuccess'],
    });
    expect(client?.name).toBe('PUT /contacts/{contactId}');
    expect(client?.attributes).toEqual({
      'http.request.method': 'PUT',
      'url.template': '/contacts/{contactId}',
      'http.response.status_code': 200,
    });
    expect(client?.spanContext().traceId).toBe(CALLER_TRACE_ID);
    expect(parentOf(client as ReadableSpan)).toBe(server?.spanContext().spanId);

    // HighLevel sees the client span as the parent of its work.
    const [received] = stack.sim.received;
    const match = TRACEPARENT.exec(received?.headers.traceparent ?? '');
    expect(match?.[1]).toBe(CALLER_TRACE_ID);
    expect(match?.[2]).toBe(client?.spanContext().spanId);
  });

  it('starts a trace when the caller sent none, and gives each upstream call (and retry) its own span', async () => {
    stack.sim.injectFault({ kind: 'status', status: 503 });
    const response = await stack.graphql(CONTACT, { id: stack.seed.contactIds[1] }, { token: stack.seed.token });
    expect(response.json.data?.contact).toMatchObject({ __typename: 'Contact' });

    const [server] = byKind(SpanKind.SERVER);
    const clients = byKind(SpanKind.CLIENT);
    expect(parentOf(server as ReadableSpan)).toBeUndefined();
    expect(server?.name).toBe('query Contact');
    expect(clients.map((span) => [span.attributes['http.response.status_code'], span.status.code])).toEqual([
      [503, SpanStatusCode.ERROR],
      [200, SpanStatusCode.UNSET],
    ]);
    expect(clients[0]?.attributes['error.type']).toBe('503');
    expect(clients[1]?.attributes['http.request.resend_count']).toBe(1);
    for (const client of clients) expect(parentOf(client)).toBe(server?.spanContext().spanId);

    // Two attempts, two traceparents: each names its own span.
    const sent = stack.sim.received.map((request) => TRACEPARENT.exec(request.headers.traceparent ?? '')?.[2]);
    expect(sent).toEqual(clients.map((span) => span.spanContext().spanId));
  });

  it("gives a search's POST a client span named by its endpoint, and one per retry", async () => {
    stack.sim.injectFault({ kind: 'status', status: 502 });
    const response = await stack.graphql(
      'query Search($l: ID!) { contacts(locationId: $l, first: 3) { __typename } }',
      { l: stack.seed.locationId },
      { token: stack.seed.token },
    );
    expect(response.json.data?.contacts).toEqual({ __typename: 'ContactConnection' });
    const [server] = byKind(SpanKind.SERVER);
    expect(server?.name).toBe('query Search');
    const clients = byKind(SpanKind.CLIENT);
    expect(clients.map((span) => [span.name, span.attributes['http.response.status_code']])).toEqual([
      ['POST /contacts/search', 502],
      ['POST /contacts/search', 200],
    ]);
    for (const client of clients) expect(parentOf(client)).toBe(server?.spanContext().spanId);
  });

  it('marks the request span failed when the response carries GraphQL errors', async () => {
    await stack.graphql('{ contact(id: 1, nope: 2) { __typename } }', {}, { token: stack.seed.token });
    const [server] = byKind(SpanKind.SERVER);
    expect(server?.status.code).toBe(SpanStatusCode.ERROR);
    expect(byKind(SpanKind.CLIENT)).toHaveLength(0);
  });

  it('never puts a token, a contact id, variables or the upstream address in a span', async () => {
    const secretName = 'Zelda-Secret-Name';
    await stack.graphql(
      UPDATE_CONTACT,
      { id: stack.seed.contactIds[2], input: { firstName: secretName } },
      { token: stack.seed.token },
    );
    await stack.graphql(CONTACT, { id: stack.seed.otherLocationContactId }, { token: stack.seed.token });
    await stack.graphql(CONTACT, { id: stack.seed.contactIds[0] }, { token: 'not-a-known-token-0123456789' });
    const upstream = new URL(stack.sim.baseUrl);
    const everything = JSON.stringify(
      spans().map((span) => ({ name: span.name, attributes: span.attributes, events: span.events })),
    );
    expect(spans().length).toBeGreaterThanOrEqual(6);
    for (const forbidden of [
      stack.seed.token,
      'not-a-known-token',
      ...stack.seed.contactIds,
      stack.seed.otherLocationContactId,
      secretName,
      upstream.host,
      upstream.port,
    ]) {
      expect(everything).not.toContain(forbidden);
    }
  });
});

describe('tracing off (no OTEL_* variables)', () => {
  it('sends no traceparent upstream', async () => {
    const stack = await startStack();
    try {
      await stack.graphql(CONTACT, { id: stack.seed.contactIds[0] }, { token: stack.seed.token });
      expect(stack.sim.received).toHaveLength(1);
      expect(stack.sim.received[0]?.headers.traceparent).toBeUndefined();
    } finally {
      await stack.stop();
    }
  });
});

interface OtlpJsonExport {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { name: string; traceId: string; kind: number }[] }[];
  }[];
}

it('the real process exports OTLP to the collector named by OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
  const exports: { path: string; contentType: string; body: string }[] = [];
  const collector = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      exports.push({
        path: req.url ?? '',
        contentType: req.headers['content-type'] ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const sim = new HighLevelSimulator();
  const baseUrl = await sim.start();
  const seed = seedDemoData(sim);
  const gateway = await spawnGateway({
    HIGHLEVEL_BASE_URL: baseUrl,
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_SERVICE_NAME: 'contacts-gateway-under-test',
  });
  const { child, url } = gateway;
  try {
    expect(gateway.entries.find((entry) => entry.msg === 'gateway listening')?.tracing).toBe(true);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${seed.token}`,
        traceparent: `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-01`,
      },
      body: JSON.stringify({ query: CONTACT, variables: { id: seed.contactIds[0] } }),
    });
    expect(response.status).toBe(200);
    // Shutdown flushes the batch.
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);

    expect(exports.map(({ path, contentType }) => [path, contentType])).toEqual([['/v1/traces', 'application/json']]);
    const payload = JSON.parse(exports[0]?.body ?? '{}') as OtlpJsonExport;
    const [resourceSpans] = payload.resourceSpans;
    expect(resourceSpans?.resource.attributes).toContainEqual({
      key: 'service.name',
      value: { stringValue: 'contacts-gateway-under-test' },
    });
    const exported = resourceSpans?.scopeSpans.flatMap((scope) => scope.spans) ?? [];
    expect(exported.map((span) => span.name).sort()).toEqual(['GET /contacts/{contactId}', 'query Contact']);
    expect(new Set(exported.map((span) => span.traceId))).toEqual(new Set([CALLER_TRACE_ID]));
    expect(sim.received[0]?.headers.traceparent).toMatch(new RegExp(`^00-${CALLER_TRACE_ID}-`));
    expect(exports[0]?.body).not.toContain(seed.token);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await sim.stop();
    await new Promise((resolve) => collector.close(resolve));
  }
});
